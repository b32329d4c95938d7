import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import {
	accessTokenProperty,
	BASE_URL_EXPRESSION,
	bearerAuthenticate,
	serverProperties,
} from './common';

export class ExolinkApi implements ICredentialType {
	name = 'exolinkApi';

	displayName = 'Exolink API';

	icon: Icon = { light: 'file:../icons/exolink.svg', dark: 'file:../icons/exolink.dark.svg' };

	documentationUrl = 'https://guides.exolink.com/apis/exolink_api';

	properties: INodeProperties[] = [
		accessTokenProperty(
			'A bearer token for the Exolink API, sent as "Authorization: Bearer &lt;token&gt;". Exolink\'s API docs do not show how a token is obtained (their Auth endpoints are undocumented): ask Exolink for one.',
		),
		...serverProperties([
			{ name: 'Production', url: 'https://api.exolink.cloud' },
			{
				name: 'Mock Server (Exolink Docs)',
				url: 'https://guides.exolink.com/_mock/apis/exolink_api',
			},
		]),
	];

	authenticate = bearerAuthenticate;

	// List Products is the cheapest documented call: no parameters, bearer token required.
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/product',
			method: 'GET',
		},
	};
}
