import type { INodeProperties } from 'n8n-workflow';
import { exorLiveField } from '../../exorLiveFields';

const show = { resource: ['user'], operation: ['setEventCallbackUrl'] };

export const userSetEventCallbackUrlDescription: INodeProperties[] = [
	exorLiveField(
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
		},
		{ query: 'callbackUrl', check: 'url' },
	),
];
