import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

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
 * Finds the human-readable message in a vendor error body. The three APIs do not document one
 * error shape (epilot: none; ExorLive: WCF faults; Exolink: JSON), so the common ones are tried:
 * `{message}`, `{error: "…"}`, `{error: {message}}`, `{errors: [{message}]}`, WCF
 * `{Message}`/`{d: {Message}}`, and a plain-text body.
 */
export function vendorMessage(body: unknown, depth = 0): string | undefined {
	if (depth > 3 || body === null || body === undefined) return undefined;
	if (typeof body === 'string') {
		const text = body.trim();
		if (!text) return undefined;
		if (text.startsWith('{') || text.startsWith('[')) {
			try {
				return vendorMessage(JSON.parse(text), depth + 1);
			} catch {
				// not JSON after all: fall through to the text itself
			}
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
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as JsonObject;
	if (typeof body === 'string') {
		try {
			const parsed = JSON.parse(body);
			if (parsed && typeof parsed === 'object') return parsed as JsonObject;
		} catch {
			// keep the raw text below
		}
	}
	return { body: body === undefined ? null : (body as string) } as JsonObject;
}

/**
 * `text` with every secret (as given and URL-encoded) replaced by `***`, for messages that may
 * quote a request or an answer. Secrets shorter than 4 characters are left (they would mask
 * ordinary text).
 */
export function redact(text: string, secrets: string[]): string {
	let result = text;
	for (const secret of secrets.filter((value) => value.length >= 4)) {
		for (const form of new Set([secret, encodeURIComponent(secret)])) {
			result = result.split(form).join('***');
		}
	}
	return result;
}

const STATUS_HINTS: Record<number, string> = {
	401: 'The credential was rejected. Check the token or key in the credential.',
	403: 'The credential is valid but lacks permission for this action.',
	404: 'The resource was not found. Check the IDs used.',
	409: 'The request conflicts with the current state of the resource.',
	429: 'The API rate limit was hit. Use Retry On Fail, or the batching settings under Options.',
};

/** Builds the error for a failed vendor response: the vendor's own words and the HTTP status. */
export function vendorError(
	ctx: Pick<IExecuteSingleFunctions, 'getNode'>,
	response: Pick<IN8nHttpFullResponse, 'statusCode' | 'body' | 'headers'>,
	itemIndex?: number,
): NodeApiError {
	const status = response.statusCode;
	const found = vendorMessage(response.body);
	const message = found ? `${found} (HTTP ${status})` : `The API answered with HTTP ${status}`;
	const hints = [STATUS_HINTS[status]];
	const retryAfter = response.headers?.['retry-after'];
	if (status === 429 && retryAfter !== undefined) hints.push(`Retry after ${retryAfter} s.`);
	return new NodeApiError(ctx.getNode(), bodyAsObject(response.body), {
		message,
		description: hints.filter(Boolean).join(' ') || undefined,
		httpCode: String(status),
		itemIndex,
	});
}

/**
 * First post-receive action of every operation: the nodes ask n8n not to throw on HTTP errors
 * (`ignoreHttpStatusErrors`) so that this action can raise a readable `NodeApiError` instead of
 * "Request failed with status code 4xx".
 */
export async function throwOnErrorStatus(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode >= 400) {
		throw vendorError(this, response, this.getItemIndex());
	}
	return items;
}
