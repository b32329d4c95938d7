import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import {
	accessTokenProperty,
	BASE_URL_EXPRESSION,
	bearerAuthenticate,
	serverProperties,
} from './common';

export class EpilotApi implements ICredentialType {
	name = 'epilotApi';

	displayName = 'Epilot API';

	icon: Icon = { light: 'file:../icons/epilot.svg', dark: 'file:../icons/epilot.dark.svg' };

	documentationUrl = 'https://docs.epilot.io/docs/auth/access-tokens';

	properties: INodeProperties[] = [
		accessTokenProperty(
			'An epilot access token. Create one in the epilot portal under Settings > Access Tokens (needs the token:create permission); it is shown only once.',
		),
		...serverProperties([
			{ name: 'Production', url: 'https://partner-directory-api.sls.epilot.io' },
			{ name: 'Staging', url: 'https://partner-directory-api.staging.sls.epilot.io' },
			{ name: 'Dev', url: 'https://partner-directory-api.dev.sls.epilot.io' },
		]),
	];

	authenticate = bearerAuthenticate;

	// The Partner Directory API has no parameterless GET; a one-result assignable search is
	// the cheapest call that needs a valid token.
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/v1/partners/assignables:search',
			method: 'POST',
			body: { q: '', size: 1 },
		},
	};
}
