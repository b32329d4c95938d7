import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/** Query parameter of the registered callback URL that carries the webhook secret. */
export const SECRET_PARAMETER = 'secret';

/** 32 random bytes, URL-safe. */
export function newSecret(): string {
	return randomBytes(32).toString('base64url');
}

/**
 * The URL ExorLive is given: the webhook URL with the secret added to its query. ExorLive keeps
 * the query and appends `event` and `userId`, so every call brings the secret back.
 */
export function urlWithSecret(webhookUrl: string, secret: string): string {
	const url = new URL(webhookUrl);
	url.searchParams.set(SECRET_PARAMETER, secret);
	return url.toString();
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether a call brought the stored secret. Compared in constant time (over fixed-length
 * digests, so the length does not leak either); no stored secret matches nothing.
 */
export function secretMatches(stored: unknown, given: unknown): boolean {
	if (typeof stored !== 'string' || stored === '' || typeof given !== 'string') return false;
	return timingSafeEqual(digest(stored), digest(given));
}
