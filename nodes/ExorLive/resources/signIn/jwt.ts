import { createHmac, createPrivateKey, createSign } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

const base64url = (data: string | Buffer) =>
	Buffer.from(data).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

export class SigningSetupError extends Error {}

/**
 * Signs the Partner JWT link payload as a compact JWS. The docs name no algorithm; a `kid`
 * header is visible in their sample token, so RS256 (ExorLive's preferred asymmetric key) and
 * HS256 (shared secret) are offered with the key id agreed with ExorLive.
 */
export function signJwt(credentials: ICredentialDataDecryptedObject, claims: IDataObject): string {
	const algorithm = String(credentials.jwtAlgorithm ?? 'none');
	if (algorithm !== 'RS256' && algorithm !== 'HS256') {
		throw new SigningSetupError(
			'Set JWT Link Signing in the ExorLive credential to RS256 or HS256 and add the key',
		);
	}
	const kid = String(credentials.jwtKid ?? '').trim();
	const header = { alg: algorithm, typ: 'JWT', ...(kid ? { kid } : {}) };
	const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
	if (algorithm === 'HS256') {
		const secret = String(credentials.jwtSharedSecret ?? '');
		if (!secret)
			throw new SigningSetupError('JWT Shared Secret in the ExorLive credential is empty');
		return `${input}.${base64url(createHmac('sha256', secret).update(input).digest())}`;
	}
	let key;
	try {
		// Keys pasted as one line often carry literal "\n" sequences.
		key = createPrivateKey(String(credentials.jwtPrivateKey ?? '').replace(/\\n/g, '\n'));
	} catch {
		key = undefined;
	}
	// The reason crypto gives is dropped on purpose: it must not quote key material.
	if (!key || key.asymmetricKeyType !== 'rsa') {
		throw new SigningSetupError(
			'JWT Private Key in the ExorLive credential is not an RSA private key in PEM form',
		);
	}
	const signature = createSign('RSA-SHA256').update(input).sign(key);
	return `${input}.${base64url(signature)}`;
}
