import type { IDataObject } from 'n8n-workflow';
import { apiRequest, checkedList, type RequestContext } from '../shared/transport';
import { CREDENTIAL_TYPE } from './epilotOperation';

/*
 * Why: the epilot requests the node's dropdowns and the Epilot Trigger send themselves (n8n's
 * routing sends the operations'), with the answers checked for the documented shape.
 */

/** The largest page the assignable search serves. */
export const SEARCH_PAGE = 1000;

/** What the trigger may wait for one request before the poll fails. */
export interface ClientOptions {
	timeoutMs?: number;
}

/**
 * One page of the partner organizations the caller can assign to, from the assignable search.
 * Assumption (undocumented): for a `partner_organization` assignable, `org_id` is the partner's
 * own organization ID.
 */
export async function searchPartnerOrganizationPage(
	ctx: RequestContext,
	filter: string,
	from: number,
	size: number,
): Promise<{ organizations: Array<{ name: string; id: string }>; next?: number }> {
	const body = await apiRequest.call(
		ctx,
		CREDENTIAL_TYPE,
		'POST',
		'/v1/partners/assignables:search',
		{
			q: filter,
			from,
			size,
			types: ['partner_organization'],
		},
	);
	const results = (body.results as IDataObject[] | undefined) ?? [];
	const next = from + results.length;
	return {
		organizations: results.map((org) => ({
			name: String(org.display_name ?? org.org_id),
			id: String(org.org_id),
		})),
		next: results.length === size && next < Number(body.hits ?? 0) ? next : undefined,
	};
}

/**
 * A list of a partner organization (`GET /v2/partners/{orgId}/users` or `…/roles`), whose
 * documented answer is `{ results: [...] }` of objects with an `id`.
 */
async function orgList(
	ctx: RequestContext,
	orgId: string,
	what: 'users' | 'roles',
	options: ClientOptions = {},
): Promise<IDataObject[]> {
	const path = `/v2/partners/${encodeURIComponent(orgId)}/${what}`;
	const body = await apiRequest.call(ctx, CREDENTIAL_TYPE, 'GET', path, undefined, options);
	return await checkedList(
		ctx,
		body.results,
		'id',
		`an answer without a list of ${what} (results)`,
		body,
	);
}

/** The users of a partner organization, as epilot lists them (Get Many). */
export async function partnerUsers(
	ctx: RequestContext,
	orgId: string,
	options?: ClientOptions,
): Promise<IDataObject[]> {
	return await orgList(ctx, orgId, 'users', options);
}

/** The roles of a partner organization. */
export async function partnerRoles(ctx: RequestContext, orgId: string): Promise<IDataObject[]> {
	return await orgList(ctx, orgId, 'roles');
}
