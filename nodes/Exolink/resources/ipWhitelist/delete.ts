import type { INodeProperties } from 'n8n-workflow';

// Assumption: the docs name the path parameter ipId only; it is taken to be an entry's ID.
export const ipWhitelistDeleteDescription: INodeProperties[] = [
	{
		displayName: 'IP Entry ID',
		name: 'ipId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 42',
		description:
			"ID of the whitelist entry to delete, as output by Get Many (assumed: the entry's ID field; Exolink does not document it)",
		displayOptions: { show: { resource: ['ipWhitelist'], operation: ['delete'] } },
	},
];
