import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { issuerOf, redact, rememberSecret } from '../nodes/shared/redaction';
import { trimUrl } from '../nodes/shared/transport';
import { trimmedUrlExpression } from './common';

/**
 * ExorLive's partner token flow (a server-to-server variant of the authorization-code grant):
 * GET Authorize.aspx names the ExorLive user the token is for and returns a code, POST
 * Token.ashx swaps the code for a bearer token. The credential runs it for its Admin User ID;
 * the node runs the same exchange for "Act As User ID". Both share one in-memory token cache.
 */

export const DEFAULT_SCOPE =
	'read_profile read_workout read_master write_workout write_profile read_calendar read_contact admin_user create_session configure write_calendar write_contact';

/** The exchange assumes a 2-hour lifetime (the documented one) when `expires_in` is missing. */
const DEFAULT_LIFETIME_S = 7200;

/** Tokens are renewed this long before they expire, so a request never starts with a dying one. */
const RENEW_MARGIN_S = 60;

export type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

export interface AuthSettings {
	authBaseUrl: string;
	clientKey: string;
	clientSecret: string;
	redirectUri: string;
	scope: string;
	/** Longest wait for each request of the exchange (the node's Timeout); 30 s if not set. */
	timeoutMs?: number;
}

/** The ExorLive API host as the node and the credential test send to it. */
export const API_BASE_URL_EXPRESSION = trimmedUrlExpression('$credentials.apiBaseUrl');

export function authSettings(credentials: ICredentialDataDecryptedObject): AuthSettings {
	return {
		authBaseUrl: trimUrl(credentials.authBaseUrl),
		clientKey: String(credentials.clientKey ?? '').trim(),
		clientSecret: String(credentials.clientSecret ?? ''),
		// Sent byte-for-byte: it must match the registered RequesterUrl, trailing slash included.
		redirectUri: String(credentials.redirectUri ?? '').trim(),
		scope: String(credentials.scope ?? '').trim() || DEFAULT_SCOPE,
	};
}

/**
 * A token exchange failure. Its text never holds the client secret, the code or a token: the
 * request URL of step 1 carries the secret, so errors from the HTTP layer are never passed on.
 */
export class TokenExchangeError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'TokenExchangeError';
	}
}

function scrub(text: string, secrets: string[]): string {
	const result = redact(text, secrets);
	return result.length > 300 ? `${result.slice(0, 300)}…` : result;
}

function parsed(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

function describeBody(body: unknown): string {
	const value = parsed(body);
	if (value && typeof value === 'object') {
		const record = value as IDataObject;
		const text = record.error_description ?? record.error ?? record.Message ?? record.message;
		// Never echo a whole answer: it may hold a token or a refresh token.
		return text === undefined ? '' : String(text);
	}
	const text = String(value ?? '').trim();
	// A page is no message (and may quote anything): only what it is.
	return text.startsWith('<') ? 'an HTML page instead of JSON' : text;
}

const HINT =
	'Check Client Key, Client Secret and Registered Domain (it must match the registered value exactly, trailing slash included), the scope, and that the user ID belongs to an organization the key may act for.';

/** How long each request of the exchange may take when the node sets no Timeout. */
export const DEFAULT_EXCHANGE_TIMEOUT_MS = 30_000;

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

async function step(
	request: HttpRequest,
	settings: AuthSettings,
	name: string,
	options: IHttpRequestOptions,
	field: string,
	secrets: string[],
): Promise<IDataObject> {
	const timeout = settings.timeoutMs ?? DEFAULT_EXCHANGE_TIMEOUT_MS;
	// Network-level errors carry the request config (with the secret): keep only their code.
	const response = (await request({
		...options,
		timeout,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: true,
	}).catch((error: { code?: unknown; message?: unknown }) => ({
		unreachable: String(error?.code ?? 'network error'),
		timedOut:
			TIMEOUT_CODES.has(String(error?.code)) || /timeout/i.test(String(error?.message ?? '')),
	}))) as {
		statusCode: number;
		body: unknown;
		unreachable?: string;
		timedOut?: boolean;
	};
	if (response.timedOut) {
		throw new TokenExchangeError(
			`ExorLive token exchange failed: ${name} did not answer within ${timeout / 1000} s (Auth Base URL ${settings.authBaseUrl})`,
			"Check the Auth Base URL in the credential and that the ExorLive auth server is up; the wait is the node's Settings > Request Options > Timeout.",
		);
	}
	if (response.unreachable) {
		throw new TokenExchangeError(
			`ExorLive token exchange failed: ${name} could not be reached (${response.unreachable}; Auth Base URL ${settings.authBaseUrl})`,
			`Check the Auth Base URL (${settings.authBaseUrl}).`,
		);
	}
	const body = parsed(response.body);
	const value = body && typeof body === 'object' ? (body as IDataObject)[field] : undefined;
	if (response.statusCode >= 400 || typeof value !== 'string' || !value) {
		const detail = scrub(describeBody(body), secrets) || 'no details given';
		const status =
			response.statusCode >= 400 ? `HTTP ${response.statusCode}` : `no ${field} in the answer`;
		throw new TokenExchangeError(
			`ExorLive token exchange failed at ${name}: ${detail} (${status})`,
			HINT,
		);
	}
	return body as IDataObject;
}

export interface IssuedToken {
	accessToken: string;
	expiresInSeconds: number;
}

/** Runs both steps for one ExorLive user id and returns the bearer token. */
export async function exchangeToken(
	request: HttpRequest,
	settings: AuthSettings,
	userId: string,
): Promise<IssuedToken> {
	const authorized = await step(
		request,
		settings,
		'Authorize.aspx',
		{
			method: 'GET',
			url: `${settings.authBaseUrl}/Providers/OAuth/Authorize.aspx`,
			qs: {
				user_id: userId,
				response_type: 'code',
				client_id: settings.clientKey,
				client_secret: settings.clientSecret,
				redirect_uri: settings.redirectUri,
				scope: settings.scope,
			},
		},
		'code',
		[settings.clientSecret],
	);
	const form = new URLSearchParams({
		grant_type: 'authorization_code',
		client_id: settings.clientKey,
		client_secret: settings.clientSecret,
		code: String(authorized.code),
		redirect_uri: settings.redirectUri,
	});
	const issued = await step(
		request,
		settings,
		'Token.ashx',
		{
			method: 'POST',
			url: `${settings.authBaseUrl}/Providers/OAuth/Token.ashx`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: form.toString(),
		},
		'access_token',
		[settings.clientSecret, String(authorized.code)],
	);
	const accessToken = String(issued.access_token);
	if (/[\r\n]/.test(accessToken)) {
		throw new TokenExchangeError(
			'ExorLive token exchange failed at Token.ashx: the issued token contains a line break and cannot be sent in a header',
			HINT,
		);
	}
	// Redacted in the runs of the credential they were issued to.
	const issuer = issuerOf(settings.clientSecret);
	rememberSecret(accessToken, issuer);
	rememberSecret(String(authorized.code), issuer);
	// expires_in is documented as a string ("7200").
	const lifetime = Number(issued.expires_in);
	return {
		accessToken,
		expiresInSeconds: Number.isFinite(lifetime) && lifetime > 0 ? lifetime : DEFAULT_LIFETIME_S,
	};
}

interface CacheEntry {
	token?: string;
	pending?: Promise<string>;
	expiresAt: number;
}

/**
 * Tokens by credential identity and user id, for the life of the token. The key is a hash of
 * everything that decides who a token acts for (auth host, client key and secret, redirect URI,
 * scope, user id), so a credential can only ever get back a token its own secret would get, and
 * editing the credential starts afresh. The map holds no secret in clear in its keys; entries
 * are dropped when they expire. Concurrent requests for the same token share one exchange.
 */
const tokens = new Map<string, CacheEntry>();

function cacheKey(settings: AuthSettings, userId: string): string {
	const { authBaseUrl, clientKey, clientSecret, redirectUri, scope } = settings;
	return createHash('sha256')
		.update(JSON.stringify([authBaseUrl, clientKey, clientSecret, redirectUri, scope, userId]))
		.digest('hex');
}

function dropExpired(now: number): void {
	for (const [key, entry] of tokens) {
		if (!entry.pending && entry.expiresAt <= now) tokens.delete(key);
	}
}

/** The cached token for `userId` while it is valid; undefined rather than an exchange. */
export function cachedToken(settings: AuthSettings, userId: string): string | undefined {
	const entry = tokens.get(cacheKey(settings, userId));
	return entry?.token && entry.expiresAt > Date.now() ? entry.token : undefined;
}

/**
 * A token for `userId`: the cached one while it is valid, else a new exchange. `rejected` is a
 * token the API has just answered 401 to; it is never handed out again, but when another
 * request has already replaced it, that newer token is used instead of exchanging once more.
 */
export async function tokenFor(
	request: HttpRequest,
	settings: AuthSettings,
	userId: string,
	rejected?: string,
): Promise<string> {
	const now = Date.now();
	dropExpired(now);
	const key = cacheKey(settings, userId);
	const entry = tokens.get(key);
	if (entry?.pending) return await entry.pending;
	if (entry?.token && entry.token !== rejected && entry.expiresAt > now) return entry.token;
	const pending = exchangeToken(request, settings, userId).then(
		({ accessToken, expiresInSeconds }) => {
			tokens.set(key, {
				token: accessToken,
				expiresAt: Date.now() + (expiresInSeconds - RENEW_MARGIN_S) * 1000,
			});
			return accessToken;
		},
		(error: unknown) => {
			tokens.delete(key);
			throw error;
		},
	);
	tokens.set(key, { pending, expiresAt: Number.POSITIVE_INFINITY });
	return await pending;
}
