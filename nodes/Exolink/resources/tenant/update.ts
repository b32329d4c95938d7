import type { INodeProperties } from 'n8n-workflow';
import { requireParameters } from '../../../shared/validation';

export const tenantUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'tenantName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. My Company',
		description: 'New display name of the tenant',
		displayOptions: { show: { resource: ['tenant'], operation: ['update'] } },
		routing: {
			send: {
				type: 'body',
				property: 'name',
				preSend: [requireParameters([{ name: 'tenantName', label: 'Name' }])],
			},
		},
	},
];
