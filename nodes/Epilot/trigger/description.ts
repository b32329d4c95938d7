import type { INodeProperties } from 'n8n-workflow';
import { noticeAndEvents, watchOptions } from '../../shared/userWatch';
import { ACTIVATED, ADDED, ORG_IDS, ORG_IDS_LABEL, REMOVED, ROLES_CHANGED } from './userEvents';

export const epilotTriggerProperties: INodeProperties[] = [
	...noticeAndEvents(
		'epilot sends no events: each poll lists the users of the watched organizations and compares them with the last poll. Fetch Test Event shows the last user listed, assumed to be the newest.',
		[
			{
				name: 'Partner User Activated',
				value: ACTIVATED,
				description:
					'A user completed registration: status Pending (invited) became Active. A new user already Active counts too.',
			},
			{
				name: 'Partner User Added',
				value: ADDED,
				description: 'A user was added or invited to the organization (status Pending or Active)',
			},
			{
				name: 'Partner User Removed',
				value: REMOVED,
				description: 'A user is no longer listed in the organization',
			},
			{
				name: 'Partner User Roles Changed',
				value: ROLES_CHANGED,
				description: "A user's partner roles changed (the previous role IDs come along)",
			},
		],
		ACTIVATED,
	),
	{
		displayName: ORG_IDS_LABEL,
		name: ORG_IDS,
		type: 'multiOptions',
		required: true,
		typeOptions: { loadOptionsMethod: 'getPartnerOrganizations' },
		default: [],
		description:
			'The partner organizations to watch: one or several. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		hint: 'With an expression, give an array of organization IDs or comma-separated text, e.g. 123456',
	},
	watchOptions,
];
