import type { INodeProperties } from 'n8n-workflow';
import { requireParameters } from '../../../shared/validation';
import { roleField } from '../../exolinkFields';

const show = { resource: ['tenantUser'], operation: ['invite'] };

export const tenantUserInviteDescription: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email address to send the invitation to',
		displayOptions: { show },
		routing: {
			send: {
				type: 'body',
				property: 'receiver',
				preSend: [
					requireParameters([
						{ name: 'email', label: 'Email', format: 'email' },
						{ name: 'language', label: 'Email Language' },
					]),
				],
			},
		},
	},
	roleField(show, 'The role the user gets in this tenant after accepting'),
	{
		displayName: 'Email Language',
		name: 'language',
		type: 'string',
		required: true,
		default: 'en',
		placeholder: 'e.g. en',
		description:
			'Language code of the invitation email, e.g. en or de (the docs do not list the supported languages)',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'language' } },
	},
];
