import type { INodeProperties } from 'n8n-workflow';
import { requireParameters } from '../../../shared/validation';
import { operationProperty } from '../../../shared/operation';
import { epilotOperation } from '../../epilotOperation';
import { geolocationSearchDescription } from './search';

export const geolocationDescription: INodeProperties[] = [
	operationProperty('geolocation', 'search', [
		epilotOperation({
			name: 'Search Address',
			value: 'search',
			action: 'Get the coordinates of an address',
			description: 'Geocode a full address to latitude and longitude',
			method: 'POST',
			path: '/v1/geolocation/text:search',
			preSend: [requireParameters([{ name: 'address', label: 'Address' }])],
		}),
	]),
	...geolocationSearchDescription,
];
