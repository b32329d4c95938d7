import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';
import { filterList } from '../shared/transport';
import { partnerRoles, partnerUsers, searchPartnerOrganizationPage, SEARCH_PAGE } from './client';

const PAGE = 100;
/** At most this many organizations in the trigger's dropdown (10 pages of the search). */
const MAX_LISTED_ORGS = 10 * SEARCH_PAGE;

function currentOrgId(ctx: ILoadOptionsFunctions): string {
	const orgId = ctx.getCurrentNodeParameter('orgId', { extractValue: true });
	return String(orgId ?? '');
}

export async function searchPartnerOrganizations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await searchPartnerOrganizationPage(
		this,
		filter ?? '',
		Number(paginationToken ?? 0),
		PAGE,
	);
	return {
		results: page.organizations.map(({ name, id }) => ({ name, value: id })),
		paginationToken: page.next === undefined ? undefined : String(page.next),
	};
}

/** Every partner organization (the same search, paged through), for a multi-select. */
export async function getPartnerOrganizations(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [];
	for (let from: number | undefined = 0; from !== undefined && from < MAX_LISTED_ORGS; ) {
		const page = await searchPartnerOrganizationPage(this, '', from, SEARCH_PAGE);
		options.push(
			...page.organizations.map(({ name, id }) => ({ name, value: id, description: id })),
		);
		from = page.next;
	}
	return options;
}

export async function searchPartnerUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const orgId = currentOrgId(this);
	if (!orgId) return { results: [] };
	const users = await partnerUsers(this, orgId);
	const items = users.map((user) => ({
		name: user.name
			? `${String(user.name)} (${String(user.email)})`
			: String(user.email ?? user.id),
		value: String(user.id),
	}));
	return { results: filterList(items, filter) };
}

async function rolesOfCurrentOrg(ctx: ILoadOptionsFunctions) {
	const orgId = currentOrgId(ctx);
	return orgId ? await partnerRoles(ctx, orgId) : [];
}

export async function searchPartnerRoles(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const roles = await rolesOfCurrentOrg(this);
	const items = roles.map((role) => ({
		name: String(role.name ?? role.slug),
		value: String(role.id),
	}));
	return { results: filterList(items, filter) };
}

export async function getPartnerRoles(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const roles = await rolesOfCurrentOrg(this);
	return roles.map((role) => ({
		name: String(role.name ?? role.slug),
		value: String(role.id),
		description: String(role.id),
	}));
}
