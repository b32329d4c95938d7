import type { IDataObject } from 'n8n-workflow';
import { apiRequest, checkedList, type RequestContext } from '../shared/transport';
import { CREDENTIAL_TYPE } from './exolinkOperation';

/*
 * Why: the Exolink requests the node's dropdowns, Invite's look-up and the Exolink Trigger send
 * themselves (n8n's routing sends the operations'). Exolink's lists are bare JSON arrays of
 * objects; anything else is refused as a malformed answer.
 */

/** What the trigger may wait for one request before the poll fails. */
export interface ClientOptions {
	timeoutMs?: number;
}

async function list(
	ctx: RequestContext,
	path: string,
	what: string,
	key: string,
	options: ClientOptions = {},
): Promise<IDataObject[]> {
	const body: unknown = await apiRequest.call(
		ctx,
		CREDENTIAL_TYPE,
		'GET',
		path,
		undefined,
		options,
	);
	return await checkedList(ctx, body, key, `an answer that is no list of ${what}`, body);
}

/** Whether a tenant domain prefix can be put in a path ("." and ".." would leave /tenant/). */
export function usableTenant(tenant: string): boolean {
	return tenant !== '' && !/^\.\.?$/.test(tenant);
}

/** The users of a tenant, as List Tenant Users returns them. */
export async function tenantUsers(
	ctx: RequestContext,
	tenant: string,
	options?: ClientOptions,
): Promise<IDataObject[]> {
	return await list(ctx, `/tenant/${encodeURIComponent(tenant)}/user`, 'users', 'userId', options);
}

/** The products (List Products). */
export async function products(ctx: RequestContext): Promise<IDataObject[]> {
	return await list(ctx, '/product', 'products', 'id');
}
