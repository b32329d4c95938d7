import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';
import { issuerOf, redact, rememberSecret } from '../../shared/redaction';
import type { AuthSettings } from './settings';

/*
 * Why: ExorLive's partner token flow (a server-to-server variant of the authorization-code grant):
 * GET Authorize.aspx names the ExorLive user the token is for and returns a code, POST
 * Token.ashx swaps the code for a bearer token. The credential runs it for its Admin User ID;
 * the node runs the same exchange for "Act As User ID". Both share one in-memory token cache.
 */

/** Lifetime assumed when `expires_in` is missing: the documented 2 hours. */
const DEFAULT_LIFETIME_S = 7200;

export type HttpRequest = (options: IHttpRequestOptions) => Promise<unknown>;

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
	return typeof body === 'string' ? jsonParse<unknown>(body, { fallbackValue: body }) : body;
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
