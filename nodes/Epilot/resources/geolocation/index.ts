import type { INodeProperties } from 'n8n-workflow';
import { requireParameters } from '../../../shared/validation';
import { epilotOperation } from '../../shared';

const show = { resource: ['geolocation'] };

export const geolocationDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			epilotOperation({
				name: 'Search Address',
				value: 'search',
				action: 'Get the coordinates of an address',
				description: 'Geocode a full address to latitude and longitude',
				method: 'POST',
				path: '/v1/geolocation/text:search',
				preSend: [requireParameters([{ name: 'address', label: 'Address' }])],
			}),
		],
		default: 'search',
	},
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Auweg 1, 93055 Regensburg, DE',
		description: 'A full address: street and number, postal code, city, country',
		displayOptions: { show: { ...show, operation: ['search'] } },
		routing: { send: { type: 'body', property: 'address' } },
	},
];
