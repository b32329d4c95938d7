import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { vendorError } from './errors';

/** A base URL as requests are built on it: no spaces around it, no trailing slash. */
export function trimUrl(value: unknown): string {
	return String(value ?? '')
		.trim()
		.replace(/\/+$/, '');
}

/** Same rule as the credentials' BASE_URL_EXPRESSION, for code that runs outside routing. */
export function baseUrlOf(credentials: IDataObject): string {
	return trimUrl(credentials.server === 'custom' ? credentials.customUrl : credentials.server);
}

/**
 * An authenticated JSON request for dropdowns, list searches and the follow-up look-ups of an
 * operation (routing sends the operations' own requests). Vendor errors come back as the same
 * readable `NodeApiError` the operations raise.
 */
export async function apiRequest(
	this: ILoadOptionsFunctions | IExecuteSingleFunctions,
	credentialType: string,
	method: IHttpRequestMethods,
	path: string,
	body?: IDataObject,
): Promise<IDataObject> {
	const credentials = await this.getCredentials(credentialType);
	try {
		const response = await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
			method,
			url: `${baseUrlOf(credentials)}${path}`,
			body,
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
		if (response.statusCode >= 400) throw vendorError(this, response);
		return (response.body ?? {}) as IDataObject;
	} catch (error) {
		// Hands back a NodeApiError unchanged, wraps anything else (network errors).
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}

/** Filters list-search entries by the text typed into the dropdown's search box. */
export function filterList(items: INodeListSearchItems[], filter?: string): INodeListSearchItems[] {
	const needle = filter?.trim().toLowerCase();
	if (!needle) return items;
	return items.filter(
		(item) =>
			item.name.toLowerCase().includes(needle) || String(item.value).toLowerCase().includes(needle),
	);
}
