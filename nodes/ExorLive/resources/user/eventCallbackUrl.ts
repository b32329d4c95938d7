import type { ExorLiveOperation } from '../../operationSpecs';
import { toItems } from '../../client';

export const setEventCallbackUrl: ExorLiveOperation = {
	name: 'Set Event Callback URL',
	value: 'setEventCallbackUrl',
	action: 'Set the event callback URL of an organization',
	description:
		'Register the URL ExorLive calls (GET, with event and userId added) when events such as workoutReady happen in the organization you act in',
	path: '/api4/user/SetEventCallbackUrl',
	fields: [
		{
			name: 'callbackUrl',
			label: 'Callback URL',
			type: 'string',
			required: true,
			check: 'url',
			send: { in: 'query', property: 'callbackUrl' },
			placeholder: 'e.g. https://example.com/exorlive/events',
			description:
				'A URL that accepts GET requests from exorlive.com; its own query parameters are kept',
		},
	],
	output: [toItems({ success: true })],
};
