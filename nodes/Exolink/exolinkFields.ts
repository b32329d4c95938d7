import type { INodeProperties } from 'n8n-workflow';
import { idLocator, type Show } from '../shared/fieldBuilders';

export const tenantField = (show: Show): INodeProperties => ({
	displayName: 'Tenant Domain Prefix',
	name: 'tenant',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. abc123',
	description:
		"The tenant's domain prefix, not its numeric ID: the first part of its broker URL, e.g. abc123 in wss://abc123.broker.exolink.cloud/",
	displayOptions: { show },
});

export const tenantUserField = (show: Show) =>
	idLocator({
		displayName: 'User',
		name: 'userId',
		description:
			'A user of the tenant. Pick one (after filling in the tenant) or enter the user ID.',
		searchListMethod: 'searchTenantUsers',
		placeholder: 'e.g. 4b1c2f6e-8d7a-4f3e-9c1b-2a5d6e7f8a9b',
		show,
	});

export const roleOptions = [
	{ name: 'Admin', value: 'admin' },
	{ name: 'User', value: 'user' },
	{ name: 'Viewer', value: 'viewer' },
];

export const roleField = (show: Show, description: string): INodeProperties => ({
	displayName: 'Role',
	name: 'role',
	type: 'options',
	options: roleOptions,
	required: true,
	default: 'user',
	description,
	displayOptions: { show },
	routing: { send: { type: 'body', property: 'role' } },
});
