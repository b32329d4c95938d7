import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { isHtml, malformedAnswer, vendorError } from './errors';
import { redactDeep, secretsOf } from './redaction';

/*
 * Why: the package's own requests, outside an operation's routing (dropdowns, list searches,
 * follow-up look-ups, polling triggers), get the operations' readable vendor errors, refuse a
 * 2xx answer that is an HTML page or text, and never carry a credential secret in an error.
 */

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

/** The contexts that send the package's own requests (outside an operation's routing). */
export type RequestContext = ILoadOptionsFunctions | IExecuteSingleFunctions | IPollFunctions;

/** An authenticated JSON request to a path under the credential's base URL. */
export async function apiRequest(
	this: RequestContext,
	credentialType: string,
	method: IHttpRequestMethods,
	path: string,
	body?: IDataObject,
	{ timeoutMs }: { timeoutMs?: number } = {},
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
			...(timeoutMs ? { timeout: timeoutMs } : {}),
		});
		if (response.statusCode >= 400) throw vendorError(this, response);
		const answer = response.body as unknown;
		if (isHtml(answer, response.headers)) {
			throw malformedAnswer(this, 'HTML instead of JSON', response.statusCode, answer);
		}
		if (typeof answer === 'string' && answer.trim()) {
			throw malformedAnswer(this, 'text instead of JSON', response.statusCode, answer);
		}
		return (answer ?? {}) as IDataObject;
	} catch (error) {
		// Hands back a NodeApiError unchanged, wraps anything else (network errors, timeouts).
		const wrapped = new NodeApiError(this.getNode(), error as JsonObject);
		throw redactDeep(wrapped, await secretsOf(this));
	}
}

/**
 * `list` when it is an array of objects that each have `key` (text or number); else `answer` is
 * refused as malformed (`what` it was instead), its start shown without the credential's secrets.
 */
export async function checkedList(
	ctx: RequestContext,
	list: unknown,
	key: string,
	what: string,
	answer: unknown,
): Promise<IDataObject[]> {
	const valid =
		Array.isArray(list) &&
		list.every(
			(entry) =>
				entry !== null &&
				typeof entry === 'object' &&
				!Array.isArray(entry) &&
				['string', 'number'].includes(typeof (entry as IDataObject)[key]),
		);
	if (valid) return list as IDataObject[];
	throw redactDeep(malformedAnswer(ctx, what, 200, answer), await secretsOf(ctx));
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
