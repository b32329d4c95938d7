import type { INodeProperties } from 'n8n-workflow';
import { requireParameters } from '../../../shared/validation';

/** Get by Invitation Token and Activate name the partner by the invitation email's token. */
export const partnerTokenDescription: INodeProperties[] = [
	{
		displayName: 'Invitation Token',
		name: 'invitationToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description: 'The token from the invitation link the partner received by email',
		displayOptions: { show: { resource: ['partner'], operation: ['getByToken', 'activate'] } },
		routing: {
			send: {
				type: 'query',
				property: 'token',
				preSend: [requireParameters([{ name: 'invitationToken', label: 'Invitation Token' }])],
			},
		},
	},
];
