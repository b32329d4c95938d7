import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { apiRequest, filterList } from '../shared/transport';
import { CREDENTIAL_TYPE } from './exolinkOperation';

/** Exolink lists are bare JSON arrays. */
async function list(ctx: ILoadOptionsFunctions, path: string): Promise<IDataObject[]> {
	const body: unknown = await apiRequest.call(ctx, CREDENTIAL_TYPE, 'GET', path);
	return Array.isArray(body) ? (body as IDataObject[]) : [];
}

export async function searchTenantUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const tenant = String(this.getCurrentNodeParameter('tenant') ?? '').trim();
	// Nothing to list before the tenant is filled in ("." and ".." would leave /tenant/).
	if (!tenant || /^\.\.?$/.test(tenant)) return { results: [] };
	const users = await list(this, `/tenant/${encodeURIComponent(tenant)}/user`);
	const items = users.map((user) => {
		const name = [user.givenName, user.familyName].filter(Boolean).join(' ');
		const email = String(user.username ?? user.userId);
		return {
			name: name ? `${name} (${email}, ${String(user.role)})` : `${email} (${String(user.role)})`,
			value: String(user.userId),
		};
	});
	return { results: filterList(items, filter) };
}

export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const products = await list(this, '/product');
	const items = products.map((product) => ({
		name: String(product.displayName ?? product.name ?? product.id),
		value: String(product.id),
	}));
	return { results: filterList(items, filter) };
}
