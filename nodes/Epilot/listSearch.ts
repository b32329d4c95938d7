import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';
import { apiRequest, filterList } from '../shared/transport';
import { CREDENTIAL_TYPE } from './epilotOperation';

const PAGE = 100;

function currentOrgId(ctx: ILoadOptionsFunctions): string {
	const orgId = ctx.getCurrentNodeParameter('orgId', { extractValue: true });
	return encodeURIComponent(String(orgId ?? ''));
}

/**
 * Partner organizations, from the assignable search. Assumption (undocumented): for a
 * `partner_organization` assignable, `org_id` is the partner's own organization ID.
 */
export async function searchPartnerOrganizations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const from = Number(paginationToken ?? 0);
	const body = await apiRequest.call(
		this,
		CREDENTIAL_TYPE,
		'POST',
		'/v1/partners/assignables:search',
		{
			q: filter ?? '',
			from,
			size: PAGE,
			types: ['partner_organization'],
		},
	);
	const results = (body.results as IDataObject[] | undefined) ?? [];
	const next = from + results.length;
	return {
		results: results.map((org) => ({
			name: String(org.display_name ?? org.org_id),
			value: String(org.org_id),
		})),
		paginationToken:
			results.length === PAGE && next < Number(body.hits ?? 0) ? String(next) : undefined,
	};
}

async function listOf(ctx: ILoadOptionsFunctions, what: 'users' | 'roles'): Promise<IDataObject[]> {
	const orgId = currentOrgId(ctx);
	if (!orgId) return [];
	const body = await apiRequest.call(ctx, CREDENTIAL_TYPE, 'GET', `/v2/partners/${orgId}/${what}`);
	return (body.results as IDataObject[] | undefined) ?? [];
}

export async function searchPartnerUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const users = await listOf(this, 'users');
	const items = users.map((user) => ({
		name: user.name
			? `${String(user.name)} (${String(user.email)})`
			: String(user.email ?? user.id),
		value: String(user.id),
	}));
	return { results: filterList(items, filter) };
}

export async function searchPartnerRoles(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const roles = await listOf(this, 'roles');
	const items = roles.map((role) => ({
		name: String(role.name ?? role.slug),
		value: String(role.id),
	}));
	return { results: filterList(items, filter) };
}

export async function getPartnerRoles(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const roles = await listOf(this, 'roles');
	return roles.map((role) => ({
		name: String(role.name ?? role.slug),
		value: String(role.id),
		description: String(role.id),
	}));
}
