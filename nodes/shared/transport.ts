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

/**
 * An authenticated JSON request for dropdowns, list searches, the follow-up look-ups of an
 * operation and the polling triggers (routing sends the operations' own requests). Vendor errors
 * come back as the same readable `NodeApiError` the operations raise; a 2xx answer that is an
 * HTML page or text is refused as such; no error carries a secret of the credential.
 */
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
 * `list` from a 2xx `answer` when it is an array of JSON objects that each have `key` (an ID as
 * text or number); otherwise the answer is refused as malformed (`what` it was instead), its
 * start in the error details without the credential's secrets.
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
