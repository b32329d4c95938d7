import { createHash } from 'crypto';
import type { AuthSettings } from './settings';
import { exchangeToken, type HttpRequest } from './tokenExchange';

/*
 * Why: tokens are cached by credential identity and user id for the life of the token. The key
 * is a hash of all that decides whom a token acts for (auth host, client key and secret, redirect
 * URI, scope, user id): a credential only gets back a token its own secret would get, editing it
 * starts afresh, and no secret is held in clear. Expired entries are dropped; concurrent requests
 * for one token share one exchange.
 */

/** Tokens are renewed this long before they expire, so a request never starts with a dying one. */
const RENEW_MARGIN_S = 60;

interface CacheEntry {
	token?: string;
	pending?: Promise<string>;
	expiresAt: number;
}

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
 * A token for `userId`, cached or exchanged. `rejected` (just answered 401) is never handed out
 * again; a newer token another request already got is used rather than exchanging once more.
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
