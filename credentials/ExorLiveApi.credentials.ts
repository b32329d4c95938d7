import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { bearerAuthentication } from '../nodes/ExorLive/auth/bearer';
import {
	API_BASE_URL_EXPRESSION,
	authSettings,
	DEFAULT_SCOPE,
} from '../nodes/ExorLive/auth/settings';
import { tokenFor } from '../nodes/ExorLive/auth/tokenCache';

export class ExorLiveApi implements ICredentialType {
	name = 'exorLiveApi';

	displayName = 'ExorLive API';

	icon: Icon = { light: 'file:../icons/exorlive.svg', dark: 'file:../icons/exorlive.dark.svg' };

	documentationUrl = 'https://developer.exorlive.com/api/authentication/';

	properties: INodeProperties[] = [
		{
			displayName:
				'ExorLive support issues these values per environment (test and production) when the API agreement is signed',
			name: 'issuedNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Client Key',
			name: 'clientKey',
			type: 'string',
			required: true,
			default: '',
			description:
				'The client key (also called application key or API key): the OAuth client_id, and the partner API key of the partner methods',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The client secret (application secret) that belongs to the client key',
		},
		{
			displayName: 'Registered Domain (Redirect URI)',
			name: 'redirectUri',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. http://www.mysamplesystem.com/',
			description:
				'The domain (RequesterUrl) registered with ExorLive, sent as redirect_uri. It only validates the request and must match the registered value exactly, including any trailing slash.',
		},
		{
			displayName: 'Client Name',
			name: 'clientName',
			type: 'string',
			required: true,
			default: '',
			description:
				'The client name agreed with ExorLive; sent as the ExorLive-Client header on every API call and as clientname to the Workout Exporter',
		},
		{
			displayName: 'Admin User ID',
			name: 'adminUserId',
			type: 'number',
			required: true,
			default: 0,
			description:
				"ExorLive user ID of the administrator the key was issued for. Tokens are requested for this user unless an operation's Act As User ID says otherwise.",
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: DEFAULT_SCOPE,
			description:
				"Space-separated OAuth scopes. The default is the one of ExorLive's sample apps, which can look up and create users.",
		},
		{
			displayName: 'Auth Base URL',
			name: 'authBaseUrl',
			type: 'string',
			default: 'https://auth.exorlive.com',
			description: 'The ExorLive authentication server',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: 'https://exorlive.com',
			description: 'The ExorLive application host (the API methods and the apps live here)',
		},
		{
			displayName: 'JWT Link Signing',
			name: 'jwtAlgorithm',
			type: 'options',
			options: [
				{ name: 'Not Used', value: 'none' },
				{
					name: 'RS256 (Private Key)',
					value: 'RS256',
					description: 'Sign with your private key; ExorLive holds the public key',
				},
				{
					name: 'HS256 (Shared Secret)',
					value: 'HS256',
					description: 'Sign with a secret shared only with ExorLive',
				},
			],
			default: 'none',
			description: 'How the Partner JWT Link operation signs its payload',
		},
		{
			displayName: 'JWT Private Key',
			name: 'jwtPrivateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			placeholder: '-----BEGIN PRIVATE KEY-----',
			description: 'PEM private key whose public key ExorLive has',
			displayOptions: { show: { jwtAlgorithm: ['RS256'] } },
		},
		{
			displayName: 'JWT Shared Secret',
			name: 'jwtSharedSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { jwtAlgorithm: ['HS256'] } },
		},
		{
			displayName: 'JWT Key ID',
			name: 'jwtKid',
			type: 'string',
			default: '',
			description: 'Key ID agreed with ExorLive, sent as the kid header of the JWT (optional)',
			displayOptions: { show: { jwtAlgorithm: ['RS256', 'HS256'] } },
		},
		{
			displayName: 'JWT Link Endpoint',
			name: 'jwtEndpoint',
			type: 'string',
			default: 'https://sso.exorlive.com/partner/payload',
			displayOptions: { show: { jwtAlgorithm: ['RS256', 'HS256'] } },
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * Runs when the stored token is empty, after a 401, and in the credential test. The token
	 * cache makes the items of one run (and concurrent 401s) share a single exchange.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const accessToken = await tokenFor(
			async (options) => await this.helpers.httpRequest(options),
			authSettings(credentials),
			String(credentials.adminUserId),
			String(credentials.accessToken ?? '') || undefined,
		);
		return { accessToken };
	}

	/** Bearer token and ExorLive-Client header: see nodes/ExorLive/auth/bearer.ts. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return bearerAuthentication(credentials, requestOptions);
	}

	// LookupUser for the admin user itself: needs a valid token for the right user and scope.
	test: ICredentialTestRequest = {
		request: {
			baseURL: API_BASE_URL_EXPRESSION,
			url: '/api4/user/lookupuser',
			method: 'GET',
			qs: { type: 'id', text: '={{ String($credentials.adminUserId) }}' },
		},
	};
}
