import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { idList, type UserEntry, type UserWatch, type WatchedUser } from '../../shared/userWatch';
import { partnerUsers } from '../client';

/*
 * Why: the Epilot Trigger's events come from comparing the partner users of epilot organizations
 * (`GET /v2/partners/{orgId}/users`) between polls. Added: not listed last poll (epilot creates
 * invited users as Pending). Activated: the status became Active; a user first seen Active
 * counts too, so no user who accepted between two polls is missed. Roles Changed: other role
 * IDs. Removed: no longer listed.
 */

/** Event values (saved workflows: never rename). */
export const ADDED = 'partnerUserAdded';
export const ACTIVATED = 'partnerUserActivated';
export const ROLES_CHANGED = 'partnerUserRolesChanged';
export const REMOVED = 'partnerUserRemoved';

/** Parameter name of the watched organizations (saved workflows: never rename). */
export const ORG_IDS = 'orgIds';
export const ORG_IDS_LABEL = 'Partner Organization Names or IDs';

const ACTIVE = 'Active';

/**
 * [status, ...role IDs]; the watched organization's role IDs ("200001:sales") are kept without
 * the organization ID (":sales"), which keeps 10,000 users well under 1 MB.
 */
function entryOf(orgId: string, user: IDataObject): string[] {
	const prefix = `${orgId}:`;
	const roles = Array.isArray(user.roles) ? (user.roles as IDataObject[]) : [];
	const ids = roles
		.map((role) => String(role?.id ?? ''))
		.map((id) => (id.startsWith(prefix) ? id.slice(orgId.length) : id))
		.sort();
	return [String(user.status ?? ''), ...ids];
}

function rolesOf(orgId: string, entry: UserEntry | undefined): string[] {
	if (!Array.isArray(entry)) return [];
	return entry.slice(1).map((id) => (id.startsWith(':') ? `${orgId}${id}` : id));
}

const statusOf = (entry: UserEntry | undefined) =>
	Array.isArray(entry) ? (entry[0] ?? null) : null;

export const partnerUserWatch: UserWatch = {
	groupLabel: 'partner organization',
	groups: (ctx: IPollFunctions) => idList(ctx, ORG_IDS, ORG_IDS_LABEL),
	list: async (ctx, orgId, timeoutMs) => await partnerUsers(ctx, orgId, { timeoutMs }),
	watched: (orgId, user): WatchedUser => ({
		key: String(user.id),
		entry: entryOf(orgId, user),
		json: user,
	}),
	events(orgId, key, before, after) {
		if (!after) {
			return [
				{
					event: REMOVED,
					orgId,
					user: { id: key },
					previousStatus: statusOf(before),
					previousRoles: rolesOf(orgId, before),
				},
			];
		}
		const status = statusOf(after.entry);
		if (before === undefined) {
			return [
				{ event: ADDED, orgId, user: after.json },
				...(status === ACTIVE
					? [{ event: ACTIVATED, orgId, user: after.json, previousStatus: null }]
					: []),
			];
		}
		const events: IDataObject[] = [];
		if (status === ACTIVE && statusOf(before) !== ACTIVE) {
			events.push({ event: ACTIVATED, orgId, user: after.json, previousStatus: statusOf(before) });
		}
		const previousRoles = rolesOf(orgId, before);
		if (JSON.stringify(previousRoles) !== JSON.stringify(rolesOf(orgId, after.entry))) {
			events.push({ event: ROLES_CHANGED, orgId, user: after.json, previousRoles });
		}
		return events;
	},
	// Fetch Test Event: with no history, the status and roles listed now stand in for the
	// previous ones; Activated says `previousStatus: null`, as for a user first seen Active.
	sample(orgId, user, event) {
		if (event === REMOVED) return partnerUserWatch.events(orgId, user.key, user.entry)[0];
		const item = { event, orgId, user: user.json };
		if (event === ACTIVATED) return { ...item, previousStatus: null };
		if (event === ROLES_CHANGED) return { ...item, previousRoles: rolesOf(orgId, user.entry) };
		return item;
	},
};
