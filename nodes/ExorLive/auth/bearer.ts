import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';
import { headerValue } from '../../../credentials/common';
import { trimUrl } from '../../shared/transport';

/*
 * Why: the ExorLive node sends some requests with the token of another user (Act As User ID) in
 * its own Authorization header, others with the credential's token, which n8n adds through the
 * credential's `authenticate`. Which header a request leaves with is decided here, in one place.
 */

function originOf(url: unknown): string | undefined {
	try {
		return new URL(String(url)).origin;
	} catch {
		return undefined;
	}
}

/** The Authorization header's name as `headers` spells it, if it has one. */
function authorizationKey(headers: IDataObject): string | undefined {
	return Object.keys(headers).find((header) => header.toLowerCase() === 'authorization');
}

/**
 * Requests this credential put its own token on. n8n hands such a request back to
 * `authenticate` after renewing the token on a 401; it then gets the new token.
 */
const withOwnToken = new WeakSet<IHttpRequestOptions>();

/**
 * Bearer token and ExorLive-Client header, only for the configured API and auth hosts (the
 * Partner JWT link posts elsewhere). A request's own Authorization header is kept: that is how
 * the node and trigger send the token of the user they act as (see renewal.ts).
 */
export function bearerAuthentication(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const headers: IDataObject = { ...(requestOptions.headers ?? {}) };
	const { baseURL } = requestOptions;
	// Nodes on n8n's older `request` helper (the HTTP Request node with this credential
	// among them) give the address as `uri`, not `url`.
	const url = String(requestOptions.url ?? (requestOptions as { uri?: unknown }).uri ?? '');
	const absolute = /^[a-z][a-z\d+.-]*:\/\//i.test(url) || !baseURL;
	const target = originOf(absolute ? url : `${trimUrl(baseURL)}${url}`);
	const own = [
		originOf(trimUrl(credentials.apiBaseUrl)),
		originOf(trimUrl(credentials.authBaseUrl)),
	];
	if (!target || !own.includes(target)) return requestOptions;
	headers['ExorLive-Client'] = headerValue(credentials.clientName, 'Client Name');
	const given = authorizationKey(headers);
	if (given !== undefined && !withOwnToken.has(requestOptions)) {
		return { ...requestOptions, headers };
	}
	if (given !== undefined) delete headers[given];
	headers.Authorization = `Bearer ${headerValue(credentials.accessToken, 'access token')}`;
	const authenticated = { ...requestOptions, headers };
	withOwnToken.add(authenticated);
	return authenticated;
}
