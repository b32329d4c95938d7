import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { inputError, requiredValue } from '../../../shared/validation';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['cpms'], operation: ['create'] };

export const cpmsCreateDescription: INodeProperties[] = [
	{
		displayName: 'Display Name',
		name: 'cpmsName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Production CPMS',
		description: 'Name of the CPMS backend as Exolink shows it',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'displayName' } },
	},
	{
		displayName: 'URL',
		name: 'cpmsUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. wss://cpms.example.com/ocpp',
		description: 'WebSocket URL of the CPMS backend (ws:// or wss://)',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'url', value: '={{ String($value).trim() }}' } },
	},
	additionalFields(
		show,
		[
			{
				displayName: 'Auth Pass-Through',
				name: 'authPassThrough',
				type: 'boolean',
				default: false,
				description: "Whether to pass the chargers' credentials through to the CPMS",
				routing: { send: { type: 'body', property: 'authPassThrough' } },
			},
			{
				displayName: 'Interval (Seconds)',
				name: 'interval',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30,
				description: 'Heartbeat / connection-check interval',
				routing: { send: { type: 'body', property: 'interval' } },
			},
		],
		{
			description:
				'Fields of the CPMS object that Exolink does not document for Create (its page is cut off): sent on the assumption that Create accepts them',
		},
	),
];

/** Both fields are required by the API; the URL must be a WebSocket URL. */
export async function checkCpmsUrl(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requiredValue(this, 'cpmsName', 'Display Name');
	const url = String(requiredValue(this, 'cpmsUrl', 'URL')).trim();
	if (!/^wss?:\/\/[^\s/]+/i.test(url)) {
		throw inputError(this, 'URL', `"${url}" is not a WebSocket URL (ws://… or wss://…)`);
	}
	return options;
}
