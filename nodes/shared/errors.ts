import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { jsonParse, NodeApiError } from 'n8n-workflow';
import { apiNameOf as credentialApiName } from './redaction';
import { isObject, NOT_JSON } from './validation';

/*
 * Why: n8n's errors for a failed request ("Request failed with status code 4xx", NodeApiError's
 * generic status texts) hide the vendor's words. The nodes ask n8n not to throw on HTTP errors
 * (`ignoreHttpStatusErrors`); each operation's first post-receive action (`throwOnErrorStatus`)
 * raises a NodeApiError with the vendor's message, the HTTP status and a hint instead.
 */

// Not NodeApiError's own lookup: it knows neither WCF's `{d: {Message}}` nor a plain-text body.
const MESSAGE_KEYS = [
	'message',
	'Message',
	'error_description',
	'detail',
	'title',
	'error',
	'Error',
];

/**
 * The message of a vendor error body. APIs share no error shape, so the common ones are tried:
 * `{message}`, `{error}`, `{errors: [{message}]}`, WCF `{Message}`/`{d: {Message}}`, plain text.
 */
export function vendorMessage(body: unknown, depth = 0): string | undefined {
	if (depth > 3 || body === null || body === undefined) return undefined;
	if (typeof body === 'string') {
		const text = body.trim();
		if (!text) return undefined;
		if (text.startsWith('{') || text.startsWith('[')) {
			const parsed = jsonParse<unknown>(text, { fallbackValue: NOT_JSON });
			// Not JSON after all: the text itself is the message.
			if (parsed !== NOT_JSON) return vendorMessage(parsed, depth + 1);
		}
		return text.length > 500 ? `${text.slice(0, 500)}…` : text;
	}
	if (Array.isArray(body)) return vendorMessage(body[0], depth + 1);
	if (typeof body !== 'object') return String(body);
	const record = body as IDataObject;
	for (const key of MESSAGE_KEYS) {
		const found = vendorMessage(record[key], depth + 1);
		if (found) return found;
	}
	return vendorMessage(record.errors ?? record.d, depth + 1);
}

function bodyAsObject(body: unknown): JsonObject {
	if (isObject(body)) return body as JsonObject;
	if (typeof body === 'string') {
		const parsed = jsonParse<unknown>(body, { fallbackValue: NOT_JSON });
		if (parsed && typeof parsed === 'object') return parsed as JsonObject;
	}
	return { body: body === undefined ? null : (body as string) } as JsonObject;
}

const STATUS_HINTS: Record<number, string> = {
	401: 'The credential was rejected. Check the token or key in the credential.',
	403: 'The credential is valid but lacks permission for this action.',
	404: 'The resource was not found. Check the IDs used.',
	409: 'The request conflicts with the current state of the resource.',
	429: 'The API rate limit was hit. The node retries such a request by itself (Settings > Request Options > Retries on Rate Limit or Outage); to send fewer requests at once, use Settings > Request Options > Batching.',
	502: 'The API or a gateway in front of it failed. Try again later.',
	503: 'The API is unavailable or overloaded. The node retries such a request by itself (Settings > Request Options > Retries on Rate Limit or Outage); try again later.',
	504: 'The API or a gateway in front of it timed out. Try again later.',
};

// Not NodeApiError's status messages: those replace the vendor's words with a generic sentence.
const STATUS_TEXTS: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	409: 'Conflict',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

/** Whether an answer body is an HTML page (an error page, a login page, a proxy's page). */
export function isHtml(body: unknown, headers?: IN8nHttpFullResponse['headers']): boolean {
	const type = String(headers?.['content-type'] ?? '');
	return typeof body === 'string' && (/html/i.test(type) || /^\s*</.test(body));
}

/** Seconds a `Retry-After` header asks to wait (seconds or an HTTP date); undefined if none. */
export function retryAfterSeconds(value: unknown): number | undefined {
	const text = String(Array.isArray(value) ? value[0] : (value ?? '')).trim();
	if (!text) return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** Retry-After of the answer an error was made from (read by the request step's retries). */
const retryAfterOf = new WeakMap<Error, number>();

/** The HTTP status and Retry-After of a failed request's error, if it came from an answer. */
export function failedAnswer(error: unknown): { status?: number; retryAfter?: number } {
	const record = (error ?? {}) as {
		httpCode?: unknown;
		cause?: { status?: unknown; response?: { status?: unknown; headers?: IDataObject } };
	};
	const status = Number(
		record.httpCode ?? record.cause?.response?.status ?? record.cause?.status ?? NaN,
	);
	const known = error instanceof Error ? retryAfterOf.get(error) : undefined;
	const header = record.cause?.response?.headers?.['retry-after'];
	return {
		status: Number.isFinite(status) ? status : undefined,
		retryAfter: known ?? retryAfterSeconds(header),
	};
}

/** The start of an answer, for error details: short, on one line. */
export function excerpt(text: string, length = 200): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > length ? `${line.slice(0, length)}…` : line;
}

/** Builds the error for a failed vendor response: the vendor's own words and the HTTP status. */
export function vendorError(
	ctx: Pick<IExecuteSingleFunctions, 'getNode'>,
	response: Pick<IN8nHttpFullResponse, 'statusCode' | 'body' | 'headers'>,
	itemIndex?: number,
): NodeApiError {
	const status = response.statusCode;
	const html = isHtml(response.body, response.headers);
	// An HTML page (a proxy's or a server's error page) is no message: its status says more.
	const found = html ? undefined : vendorMessage(response.body);
	const text = STATUS_TEXTS[status];
	const message = found
		? `${found} (HTTP ${status})`
		: text
			? `${text} (HTTP ${status})`
			: `The API answered with HTTP ${status}`;
	const hints = [STATUS_HINTS[status]];
	const retryAfter = retryAfterSeconds(response.headers?.['retry-after']);
	if ((status === 429 || status === 503) && retryAfter !== undefined) {
		hints.push(`The API asked to wait ${Math.ceil(retryAfter)} s (Retry-After).`);
	}
	if (html) hints.push('The API answered with an HTML page; its start is in the error details.');
	const error = new NodeApiError(
		ctx.getNode(),
		html ? ({ body: excerpt(String(response.body)) } as JsonObject) : bodyAsObject(response.body),
		{
			message,
			description: hints.filter(Boolean).join(' ') || undefined,
			httpCode: String(status),
			itemIndex,
		},
	);
	if (retryAfter !== undefined) retryAfterOf.set(error, retryAfter);
	return error;
}

/** The vendor's name as users know it (from the node's credential), e.g. in "Acme answered with …". */
export function apiNameOf(ctx: Pick<IExecuteSingleFunctions, 'getNode'>): string {
	return credentialApiName(ctx.getNode()) ?? 'The API';
}

/** An answer with a 2xx status that the node cannot turn into items. */
export function malformedAnswer(
	ctx: Pick<IExecuteSingleFunctions, 'getNode'>,
	what: string,
	statusCode: number | undefined,
	body?: unknown,
	itemIndex?: number,
): NodeApiError {
	const status = statusCode === undefined ? '' : ` (HTTP ${statusCode})`;
	const shown = typeof body === 'string' ? excerpt(body) : body === undefined ? null : body;
	return new NodeApiError(ctx.getNode(), { body: shown } as JsonObject, {
		message: `${apiNameOf(ctx)} answered with ${what}${status}`,
		description:
			"The answer is not the JSON this operation expects; its start is in the error details. Check the credential's server URL (a proxy or a login page answers with HTML).",
		httpCode: statusCode === undefined ? undefined : String(statusCode),
		itemIndex,
	});
}

/*
 * An answer without a body (or JSON `null`) reaches the post-receive actions as an item holding an
 * object marked here: `noContent` confirms it, list actions find nothing, and if it reaches the
 * output the request step reports an empty answer.
 */
const emptyAnswers = new WeakSet<object>();

/** Whether `json` stands for an answer without a body. */
export function isEmptyAnswer(json: unknown): boolean {
	return typeof json === 'object' && json !== null && emptyAnswers.has(json);
}

/** Run first by the request step for every operation: a 2xx HTML page (login, proxy) fails. */
export async function refuseHtmlAnswer(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 300 && isHtml(response.body, response.headers)) {
		const status = response.statusCode;
		throw malformedAnswer(this, 'HTML instead of JSON', status, response.body, this.getItemIndex());
	}
	return items;
}

/** First post-receive action of every operation: readable HTTP errors, empty answers marked. */
export async function throwOnErrorStatus(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	if (response.statusCode >= 400) throw vendorError(this, response, itemIndex);
	const body = response.body as unknown;
	const text = typeof body === 'string' ? body.trim() : undefined;
	// Text that is not JSON is left to the operation (some APIs answer bare strings, which n8n
	// hands over parsed, as text); the request step refuses it as an item.
	if (body === null || body === undefined || text === '') {
		const empty = {};
		emptyAnswers.add(empty);
		return [{ json: empty }];
	}
	return items;
}
