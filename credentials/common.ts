import type {
	ICredentialDataDecryptedObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * The "Server" choice every credential of this package offers: the vendor's known hosts plus a
 * custom URL (self-hosted proxies, mock servers, staging hosts we do not know about).
 * Nodes and credential tests read the resolved URL through `BASE_URL_EXPRESSION`, so the
 * credential test always hits the same host the node will.
 */
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
 * `authenticate` of the access-token credentials: the token as a bearer header. A function
 * rather than the generic form `=Bearer {{$credentials.accessToken}}`, which n8n evaluates as an
 * expression (a full expression context) on every request.
 */
export async function bearerAuthenticate(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return {
		...requestOptions,
		headers: {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
		},
	};
}
