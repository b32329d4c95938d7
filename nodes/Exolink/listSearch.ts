import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { filterList } from '../shared/transport';
import { products, tenantUsers, usableTenant } from './client';

export async function searchTenantUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const tenant = String(this.getCurrentNodeParameter('tenant') ?? '').trim();
	// Nothing to list before the tenant is filled in.
	if (!usableTenant(tenant)) return { results: [] };
	const users = await tenantUsers(this, tenant);
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
	const items = (await products(this)).map((product) => ({
		name: String(product.displayName ?? product.name ?? product.id),
		value: String(product.id),
	}));
	return { results: filterList(items, filter) };
}
