import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { trimmedUrlExpression } from '../../../credentials/common';
import { trimUrl } from '../../shared/transport';

/*
 * Why: the credential, the node and the trigger read the same values out of an ExorLive
 * credential for the token exchange; they are read here, once.
 */

export const DEFAULT_SCOPE =
	'read_profile read_workout read_master write_workout write_profile read_calendar read_contact admin_user create_session configure write_calendar write_contact';

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
