import type { INodeProperties } from 'n8n-workflow';
import { sendChecked } from '../../exorLiveFields';

const show = { resource: ['user'], operation: ['setEventCallbackUrl'] };

export const userSetEventCallbackUrlDescription: INodeProperties[] = [
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		required: true,
		description:
			'A URL that accepts GET requests from exorlive.com; its own query parameters are kept',
		placeholder: 'e.g. https://example.com/exorlive/events',
		displayOptions: { show },
		routing: {
			send: sendChecked('query', 'callbackUrl', {
				name: 'callbackUrl',
				label: 'Callback URL',
				type: 'string',
				required: true,
				check: 'url',
			}),
		},
	},
];
