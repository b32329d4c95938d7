import type { INodeProperties } from 'n8n-workflow';
import { requireParameters } from '../../../shared/validation';

export const ipWhitelistAddDescription: INodeProperties[] = [
	{
		displayName: 'IP Address',
		name: 'ip',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 203.0.113.10',
		description:
			'The IP address to allow. Exolink does not document this request: the node sends it as { "ip": … }.',
		displayOptions: { show: { resource: ['ipWhitelist'], operation: ['add'] } },
		routing: {
			send: {
				// Assumption: Exolink does not document this body; `ip` is the likely field name.
				type: 'body',
				property: 'ip',
				preSend: [requireParameters([{ name: 'ip', label: 'IP Address' }])],
			},
		},
	},
];
