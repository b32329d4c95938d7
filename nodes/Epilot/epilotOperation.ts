import { operationBuilder } from '../shared/operation';

export const CREDENTIAL_TYPE = 'epilotApi';

/** Display names of the path parameters, used in "value required" errors. */
export const epilotOperation = operationBuilder({
	partnerId: 'Partner ID',
	orgId: 'Partner Organization',
	userId: 'User',
	roleId: 'Role',
});
