import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { inputError } from '../../shared/validation';
import { idList, type UserWatch } from '../../shared/userWatch';
import { tenantUsers, usableTenant } from '../client';

/*
 * Why: the Exolink Trigger's events come from comparing the users of Exolink tenants (List Tenant
 * Users, `GET /tenant/{tenant}/user`, keyed by userId with their role) between polls. Added: not
 * listed last poll (whether invitees are listed before they accept is not documented; either
 * way a user counts as added when first listed). Role Changed: another role. Removed: no longer
 * listed.
 */

/** Event values (saved workflows: never rename). */
export const ADDED = 'tenantUserAdded';
export const ROLE_CHANGED = 'tenantUserRoleChanged';
export const REMOVED = 'tenantUserRemoved';

/** Parameter name of the watched tenants (saved workflows: never rename). */
export const TENANTS = 'tenants';
export const TENANTS_LABEL = 'Tenant Domain Prefixes';

function tenantsOf(ctx: IPollFunctions): string[] {
	const tenants = idList(ctx, TENANTS, TENANTS_LABEL);
	const unusable = tenants.find((tenant) => !usableTenant(tenant));
	if (unusable !== undefined) {
		throw inputError(ctx, TENANTS_LABEL, `"${unusable}" is not a tenant domain prefix`);
	}
	return tenants;
}

export const tenantUserWatch: UserWatch = {
	groupLabel: 'tenant',
	groups: tenantsOf,
	list: async (ctx, tenant, timeoutMs) => await tenantUsers(ctx, tenant, { timeoutMs }),
	watched: (_tenant, user) => ({
		key: String(user.userId),
		entry: String(user.role ?? ''),
		json: user,
	}),
	events(tenant, key, before, after): IDataObject[] {
		if (!after) return [{ event: REMOVED, tenant, user: { userId: key }, previousRole: before }];
		if (before === undefined) return [{ event: ADDED, tenant, user: after.json }];
		return [{ event: ROLE_CHANGED, tenant, user: after.json, previousRole: before }];
	},
	// Fetch Test Event: with no history, the role listed now stands in for the previous one.
	sample(tenant, user, event) {
		if (event === ADDED) return tenantUserWatch.events(tenant, user.key, undefined, user)[0];
		const after = event === REMOVED ? undefined : user;
		return tenantUserWatch.events(tenant, user.key, user.entry, after)[0];
	},
};
