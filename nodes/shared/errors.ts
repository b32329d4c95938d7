import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteSingleFunctions,
	INode,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { createHash } from 'crypto';

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

/** What a secret is replaced by wherever it would be shown. */
export const REDACTED = '[redacted]';

/** The forms a secret can take when an answer or an error quotes a request. */
function secretForms(secret: string): string[] {
	const forms = new Set([
		secret,
		encodeURIComponent(secret),
		// form-encoded (x-www-form-urlencoded: spaces as "+", "*" encoded)
		new URLSearchParams({ s: secret }).toString().slice(2),
		// inside JSON text (quotes, backslashes and line breaks escaped)
		JSON.stringify(secret).slice(1, -1),
		Buffer.from(secret).toString('base64'),
	]);
	return [...forms].filter((form) => form.length >= 4);
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * All forms of a list of secrets in two patterns each (forms with a percent escape match in any
 * case): `detect` only tells whether a text holds any form (the fast test most texts end at);
 * `find` finds every occurrence, overlapping ones included: `(?=(…))` matches at every position
 * where a form starts, longest form first.
 */
interface Matcher {
	shortest: number;
	detect: RegExp[];
	find: RegExp[];
}

function compile(secrets: string[]): Matcher {
	const forms = [...new Set(secrets.filter((s) => s.length >= 4).flatMap(secretForms))].sort(
		(a, b) => b.length - a.length,
	);
	const groups = [
		{ list: forms.filter((form) => !form.includes('%')), flags: '' },
		{ list: forms.filter((form) => form.includes('%')), flags: 'i' },
	].filter(({ list }) => list.length);
	const alternatives = groups.map(({ list, flags }) => ({
		source: list.map(escapeRegExp).join('|'),
		flags,
	}));
	return {
		shortest: forms.length ? forms[forms.length - 1].length : Infinity,
		detect: alternatives.map(({ source, flags }) => new RegExp(source, flags)),
		find: alternatives.map(({ source, flags }) => new RegExp(`(?=(${source}))`, `g${flags}`)),
	};
}

/** Compiled once per list: `secretsOf` hands out the same list while nothing changed. */
const matchers = new WeakMap<string[], Matcher>();

function matcherFor(secrets: string[]): Matcher {
	let matcher = matchers.get(secrets);
	if (!matcher) {
		matcher = compile(secrets);
		matchers.set(secrets, matcher);
	}
	return matcher;
}

function redactWith(text: string, matcher: Matcher): string {
	// Fast path: too short to hold any form, or no form in it.
	if (text.length < matcher.shortest || !matcher.detect.some((form) => form.test(text))) {
		return text;
	}
	const found: Array<[number, number]> = [];
	for (const pattern of matcher.find) {
		pattern.lastIndex = 0;
		for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
			found.push([match.index, match.index + match[1].length]);
			pattern.lastIndex = match.index + 1;
		}
	}
	if (!found.length) return text;
	found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
	// Overlapping occurrences are replaced as one; adjacent ones each on their own.
	let result = text.slice(0, found[0][0]);
	let end = found[0][1];
	for (const [from, to] of found) {
		if (from < end) {
			end = Math.max(end, to);
			continue;
		}
		result += `${REDACTED}${text.slice(end, from)}`;
		end = to;
	}
	return `${result}${REDACTED}${text.slice(end)}`;
}

/**
 * `text` with every secret replaced by `[redacted]`: as given, URI- and form-encoded (any case of
 * the percent escapes), JSON-escaped and base64-encoded. Secrets shorter than 4 characters are
 * left (they would mask ordinary text). Every character of every occurrence is covered, also
 * where occurrences overlap.
 */
export function redact(text: string, secrets: string[]): string {
	return secrets.length ? redactWith(text, matcherFor(secrets)) : text;
}

/** Keys of nested values never rewritten: the node (its parameters belong to the workflow). */
const KEEP = new Set(['node']);

function redactNested(value: object, matcher: Matcher, depth: number, seen: Set<object>): void {
	if (depth > 8 || seen.has(value)) return;
	seen.add(value);
	const prototype = Object.getPrototypeOf(value) as unknown;
	const plain =
		Array.isArray(value) ||
		value instanceof Error ||
		prototype === Object.prototype ||
		prototype === null;
	if (!plain) return;
	const record = value as Record<string, unknown>;
	for (const key of Object.getOwnPropertyNames(record)) {
		if (KEEP.has(key)) continue;
		const descriptor = Object.getOwnPropertyDescriptor(record, key);
		if (!descriptor || !('value' in descriptor) || !descriptor.writable) continue;
		const inner = descriptor.value as unknown;
		if (typeof inner === 'string') {
			const cleaned = redactWith(inner, matcher);
			if (cleaned !== inner) record[key] = cleaned;
		} else if (inner !== null && typeof inner === 'object') {
			redactNested(inner, matcher, depth + 1, seen);
		}
	}
}

/**
 * Replaces every secret in the strings of `value` (objects, arrays and errors, with their
 * message, description, context and cause) in place, and returns it. Strings at the top level
 * come back redacted.
 */
export function redactDeep<T>(value: T, secrets: string[]): T {
	if (!secrets.length) return value;
	if (typeof value === 'string') return redactWith(value, matcherFor(secrets)) as T;
	if (value !== null && typeof value === 'object') {
		redactNested(value, matcherFor(secrets), 0, new Set());
	}
	return value;
}

/*
 * Secrets a credential does not hold itself but that requests carry: tokens the nodes exchange
 * (ExorLive's per-user tokens and codes). Kept per credential that got them (see `issuerOf`),
 * so that its runs' errors and outputs can be scrubbed of them and no other credential's runs
 * pay for them. Bounded: at most MAX_ISSUED per credential and MAX_TOTAL in all, the oldest
 * forgotten first (over all credentials: those of the credential that got none for longest).
 */
const issuedSecrets = new Map<string, Set<string>>();
const MAX_ISSUED = 1000;
const MAX_TOTAL = 10_000;
let issuedTotal = 0;
/** Counts every change of the issued secrets: lists built before a change are not used after. */
let issuedVersion = 0;

/**
 * Identifies the credential tokens are issued to by its client secret (what the exchange is
 * made with), hashed: the key holds no secret in clear. Credentials that share a client secret
 * share their issued tokens, which only makes more redacted.
 */
export function issuerOf(clientSecret: unknown): string {
	return createHash('sha256')
		.update(`issuer\u0000${String(clientSecret ?? '')}`)
		.digest('hex');
}

function forgetOldest(tokens: Set<string>, issuer: string): void {
	tokens.delete(tokens.values().next().value as string);
	issuedTotal--;
	if (!tokens.size) issuedSecrets.delete(issuer);
}

/**
 * Remembers a token or code issued at run time to the credential `issuer` (see `issuerOf`), so
 * that it is redacted like that credential's own secrets.
 */
export function rememberSecret(value: string, issuer: string): void {
	if (value.length < 4) return;
	const tokens = issuedSecrets.get(issuer) ?? new Set<string>();
	// Most recently issued credential last.
	issuedSecrets.delete(issuer);
	issuedSecrets.set(issuer, tokens);
	if (tokens.delete(value)) issuedTotal--;
	tokens.add(value);
	issuedTotal++;
	if (tokens.size > MAX_ISSUED) forgetOldest(tokens, issuer);
	while (issuedTotal > MAX_TOTAL) {
		const [oldest, theirs] = issuedSecrets.entries().next().value as [string, Set<string>];
		forgetOldest(theirs, oldest);
	}
	issuedVersion++;
}

/** Credential fields holding secrets, in any of the package's credentials. */
const SECRET_FIELDS = ['accessToken', 'clientSecret', 'jwtPrivateKey', 'jwtSharedSecret'];

/** The secrets in one credential's data (with the Basic form of key and secret). */
export function credentialSecrets(credentials: IDataObject): string[] {
	const secrets = SECRET_FIELDS.map((field) => credentials[field])
		.filter((value): value is string => typeof value === 'string')
		.flatMap((value) => [value, value.trim()]);
	const { clientKey, clientSecret } = credentials;
	if (typeof clientKey === 'string' && typeof clientSecret === 'string' && clientSecret) {
		secrets.push(`${clientKey}:${clientSecret}`);
	}
	// A PEM key is also echoed line by line.
	const key = credentials.jwtPrivateKey;
	if (typeof key === 'string') {
		secrets.push(
			...key.split(/\r?\n/).filter((line) => line.length >= 16 && !line.startsWith('-----')),
		);
	}
	// Shorter values are no real secrets and would mask ordinary text in outputs.
	return [...new Set(secrets)].filter((value) => value.length >= 8);
}

/** Any node context that can read its credentials. */
interface CredentialContext {
	getNode(): INode;
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
}

/** The credential values the secrets are made of, for comparing one read with the next. */
const SOURCE_FIELDS = ['clientKey', ...SECRET_FIELDS];
const UNREADABLE = Symbol('unreadable credential');

/** A built list with what it was built from. */
interface BuiltSecrets {
	sources: unknown[];
	version: number;
	secrets: string[];
}

/** Recently built lists, by node and credentials (validated on every use, see `secretsOf`). */
const built = new Map<string, BuiltSecrets>();
const MAX_BUILT = 100;

function sameValues(a: unknown[], b: unknown[]): boolean {
	return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * Every secret the node's credentials hold, plus the tokens issued at run time to them: what
 * `redactDeep` removes from errors and output items. The credentials are read on every call
 * (their fields may be expressions resolved per item, and a credential may be edited or its
 * token renewed during a run); the list is built again only when what it is made of changed
 * (a credential value, or any issued token), else the same list (and its compiled patterns)
 * is handed out.
 */
export async function secretsOf(ctx: CredentialContext): Promise<string[]> {
	const node = ctx.getNode();
	const types = Object.keys(node.credentials ?? {});
	const read: Array<ICredentialDataDecryptedObject | undefined> = [];
	for (const type of types) {
		// A credential the node cannot read holds nothing this run could show.
		read.push(await ctx.getCredentials(type).catch(() => undefined));
	}
	const sources = read.flatMap((data): unknown[] =>
		data ? SOURCE_FIELDS.map((field) => data[field]) : [UNREADABLE],
	);
	const key = JSON.stringify([node.id, node.name, node.credentials]);
	const cached = built.get(key);
	if (cached && cached.version === issuedVersion && sameValues(cached.sources, sources)) {
		return cached.secrets;
	}
	const secrets: string[] = [];
	for (const data of read) {
		if (!data) continue;
		secrets.push(...credentialSecrets(data));
		secrets.push(...(issuedSecrets.get(issuerOf(data.clientSecret)) ?? []));
	}
	// Longest first, so a secret containing another is replaced whole.
	const list = [...new Set(secrets)].sort((a, b) => b.length - a.length);
	built.delete(key);
	built.set(key, { sources, version: issuedVersion, secrets: list });
	if (built.size > MAX_BUILT) built.delete(built.keys().next().value as string);
	return list;
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

/** The vendor's name as users know it, from the node's type. */
export function apiNameOf(ctx: Pick<IExecuteSingleFunctions, 'getNode'>): string {
	const type = ctx.getNode().type.toLowerCase();
	if (/\.epilot(trigger)?$/.test(type)) return 'Epilot';
	if (/\.exolink(trigger)?$/.test(type)) return 'Exolink';
	if (type.includes('.exorlive')) return 'ExorLive';
	return 'The API';
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
 * An answer without a body (empty, or JSON `null`) is handed to the operation's post-receive
 * actions as one item holding an object marked here: actions that confirm an empty answer
 * (`noContent`) do so, list actions find no elements, and if the marked object itself reaches
 * the output, the request step reports the answer as empty instead of outputting it.
 */
const emptyAnswers = new WeakSet<object>();

/** Whether `json` stands for an answer without a body. */
export function isEmptyAnswer(json: unknown): boolean {
	return typeof json === 'object' && json !== null && emptyAnswers.has(json);
}

/**
 * Post-receive action the request step runs first for every operation, whatever its own
 * actions: a 2xx answer that is an HTML page (a login page, a proxy's page) is an error.
 */
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

/**
 * First post-receive action of every operation: the nodes ask n8n not to throw on HTTP errors
 * (`ignoreHttpStatusErrors`) so that this action can raise a readable `NodeApiError` instead of
 * "Request failed with status code 4xx". (A 2xx HTML page is refused before, see above); an empty one (or JSON `null`) is passed on as an empty answer (see above).
 */
export async function throwOnErrorStatus(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	if (response.statusCode >= 400) throw vendorError(this, response, itemIndex);
	const body = response.body as unknown;
	const text = typeof body === 'string' ? body.trim() : undefined;
	// Text that is not JSON is left to the operation (ExorLive answers bare strings, which n8n
	// hands over parsed, as text); the request step refuses it as an item.
	if (body === null || body === undefined || text === '') {
		const empty = {};
		emptyAnswers.add(empty);
		return [{ json: empty }];
	}
	return items;
}
