import { operationProperty } from '../../../shared/operation';
import type { INodeProperties } from 'n8n-workflow';
import { exolinkOperation } from '../../exolinkOperation';
import { tenantField } from '../../exolinkFields';
import { ipWhitelistAddDescription } from './add';
import { ipWhitelistDeleteDescription } from './delete';

const show = { resource: ['ipWhitelist'] };

export const ipWhitelistDescription: INodeProperties[] = [
	operationProperty('ipWhitelist', 'getAll', [
		exolinkOperation({
			name: 'Add',
			value: 'add',
			action: "Add an IP address to a tenant's whitelist",
			description:
				"Allow an IP address in the tenant's IP whitelist (request and answer are not documented by Exolink)",
			method: 'POST',
			path: '/tenant/{tenant}/ips',
			confirmation: { added: true },
		}),
		exolinkOperation({
			name: 'Delete',
			value: 'delete',
			action: "Delete an entry from a tenant's IP whitelist",
			description: "Remove an IP address from the tenant's IP whitelist by the entry's ID",
			method: 'DELETE',
			path: '/tenant/{tenant}/ips/{ipId}',
			deletes: true,
		}),
		exolinkOperation({
			name: 'Get Many',
			value: 'getAll',
			action: "Get many entries of a tenant's IP whitelist",
			description:
				'List the IP addresses allowed for the tenant (Exolink does not document the shape of an entry)',
			method: 'GET',
			path: '/tenant/{tenant}/ips',
		}),
	]),
	tenantField(show),
	...ipWhitelistAddDescription,
	...ipWhitelistDeleteDescription,
];
