import type { IDataObject } from 'n8n-workflow';
import { ExolinkApi } from '../../credentials/ExolinkApi.credentials';
import { bodyItems } from '../shared/bodyItems';
import { operationBuilder, type OperationSpec } from '../shared/operation';
import { noContent } from '../shared/output';
import { redactSecretsOf } from '../shared/redaction';

export const CREDENTIAL_TYPE = redactSecretsOf({ credential: new ExolinkApi() });

/*
 * Why: every Exolink operation is built here. Assumptions where Exolink's docs are silent (see
 * the README):
 * - errors: no error body is documented; any non-2xx fails the item with the message found by
 *   `vendorMessage` (`message`, `error`, … or the text) and the HTTP status;
 * - Get User Tenants and Batch Update Chargers have no known path and are left to Custom API
 *   Call, like the undocumented sections (Auth, Public, Static, Lab, Logs, Domain).
 */

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
