import type { INodeProperties } from 'n8n-workflow';

export const geolocationSearchDescription: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Auweg 1, 93055 Regensburg, DE',
		description: 'A full address: street and number, postal code, city, country',
		displayOptions: { show: { resource: ['geolocation'], operation: ['search'] } },
		routing: { send: { type: 'body', property: 'address' } },
	},
];
