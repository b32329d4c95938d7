import { EpilotApi } from '../../credentials/EpilotApi.credentials';
import { operationBuilder } from '../shared/operation';
import { redactSecretsOf } from '../shared/redaction';

export const CREDENTIAL_TYPE = redactSecretsOf({ credential: new EpilotApi() });

/** Display names of the path parameters, used in "value required" errors. */
export const epilotOperation = operationBuilder({
	partnerId: 'Partner ID',
	orgId: 'Partner Organization',
	userId: 'User',
	roleId: 'Role',
});
