import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/*
 * Why: what the package's credentials share: the Server choice and the base URL expression (so a
 * credential test hits the host the node uses), the Access Token field and its bearer header.
 */

/** The secret of the access-token credentials, with the vendor's word on where it comes from. */
export function accessTokenProperty(description: string): INodeProperties {
	return {
		displayName: 'Access Token',
		name: 'accessToken',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		description,
	};
}

/** The vendor's known hosts plus a Custom URL (self-hosted proxies, mock servers, staging). */
export function serverProperties(servers: Array<{ name: string; url: string }>): INodeProperties[] {
	return [
		{
			displayName: 'Server',
			name: 'server',
			type: 'options',
			options: [
				...servers.map(({ name, url }) => ({ name, value: url, description: url })),
				{ name: 'Custom URL', value: 'custom' },
			],
			default: servers[0].url,
		},
		{
			displayName: 'Custom URL',
			name: 'customUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://api.example.com',
			description: 'Base URL of the API, without a trailing slash',
			displayOptions: { show: { server: ['custom'] } },
		},
	];
}

/**
 * An expression for a URL taken from the credential, as requests are built on it: no spaces
 * around it, no trailing slash (what `trimUrl` in nodes/shared/transport.ts does in code).
 */
export const trimmedUrlExpression = (value: string) =>
	`={{ String(${value}).trim().replace(/\\/+$/, '') }}`;

export const BASE_URL_EXPRESSION = trimmedUrlExpression(
	"$credentials.server === 'custom' ? $credentials.customUrl : $credentials.server",
);

/**
 * `authenticate` of the access-token credentials. A function, not the generic
 * `=Bearer {{$credentials.accessToken}}`, which n8n evaluates as a full expression per request.
 */
export async function bearerAuthenticate(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const token = headerValue(credentials.accessToken, 'Access Token');
	return {
		...requestOptions,
		headers: { ...requestOptions.headers, Authorization: `Bearer ${token}` },
	};
}

export class CredentialValueError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CredentialValueError';
	}
}

/**
 * A credential value for a header, trimmed. A control character (line break) would be altered by
 * the HTTP client or split the header, so it is refused, naming the field (never the value).
 */
export function headerValue(value: unknown, field: string): string {
	const text = String(value ?? '').trim();
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(text)) {
		throw new CredentialValueError(
			`The credential's ${field} contains a line break or another control character, which cannot be sent in a request header. Open the credential and enter the ${field} again on one line.`,
		);
	}
	return text;
}
