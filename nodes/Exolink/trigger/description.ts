import type { INodeProperties } from 'n8n-workflow';
import { noticeAndEvents, watchOptions } from '../../shared/userWatch';
import { ADDED, REMOVED, ROLE_CHANGED, TENANTS, TENANTS_LABEL } from './userEvents';

export const exolinkTriggerProperties: INodeProperties[] = [
	...noticeAndEvents(
		'Exolink sends no events and does not document whether invitees are listed before they accept: each poll lists the tenant users, and a user counts as added when the list first shows them.',
		[
			{
				name: 'Tenant User Added',
				value: ADDED,
				description:
					"A user appears in the tenant's user list, e.g. an invitee who accepted the invitation",
			},
			{
				name: 'Tenant User Removed',
				value: REMOVED,
				description: 'A user is no longer listed in the tenant',
			},
			{
				name: 'Tenant User Role Changed',
				value: ROLE_CHANGED,
				description: "A user's role changed (the previous role comes along)",
			},
		],
		ADDED,
	),
	{
		displayName: TENANTS_LABEL,
		name: TENANTS,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. abc123',
		description:
			'The tenants to watch, by domain prefix (the first part of the broker URL, e.g. abc123 in wss://abc123.broker.exolink.cloud/): one, or several separated by commas. Exolink documents no list of tenants to pick from.',
	},
	watchOptions,
];
