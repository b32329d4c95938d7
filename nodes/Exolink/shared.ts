import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { bodyItems } from '../shared/bodyItems';
import { idLocator } from '../shared/fields';
import { operationBuilder, type OperationSpec } from '../shared/operation';
import { noContent } from '../shared/output';

export const CREDENTIAL_TYPE = 'exolinkApi';

/*
 * Assumptions where Exolink's docs are silent (see the README):
 * - errors: no error body is documented; any non-2xx fails the item with the message found by
 *   `vendorMessage` (`message`, `error`, … or the text) and the HTTP status;
 * - Get User Tenants and Batch Update Chargers have no known path and are left to Custom API
 *   Call, like the undocumented sections (Auth, Public, Static, Lab, Logs, Domain).
 */

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** Display names of the path parameters, used in "value required" errors. */
const buildOperation = operationBuilder({
	tenant: 'Tenant Domain Prefix',
	userId: 'User',
	productId: 'Product',
	ipId: 'IP Entry ID',
});

/**
 * Exolink answers with bare JSON (arrays for lists) and documents no body for most changes, so
 * every operation ends with `bodyItems`; `confirmation` is output when the answer is empty.
 */
export function exolinkOperation(spec: OperationSpec & { confirmation?: IDataObject }) {
	const { confirmation, ...operation } = spec;
	return buildOperation({
		...operation,
		postReceive: [
			...(operation.postReceive ?? []),
			...(confirmation ? [noContent(confirmation)] : []),
			bodyItems,
		],
	});
}

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
