import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../../../shared/operation';
import { toValue } from '../../client';
import { actAsField } from '../../exorLiveFields';
import { exorLiveOperation } from '../../exorLiveOperation';
import { authKeyOutput, signInGetAuthKeyDescription, toAuthServer } from './authKey';
import { signInCreateJwtLinkDescription, signedPayload } from './jwtLink';
import { buildSignInUrl, signInBuildSignInUrlDescription } from './signInUrl';

export const signInDescription: INodeProperties[] = [
	operationProperty('signIn', 'buildSignInUrl', [
		exorLiveOperation({
			name: 'Build Sign-In URL',
			value: 'buildSignInUrl',
			action: 'Build a URL that opens ExorLive signed in as a user',
			description:
				'Build a link that signs a user in to the ExorLive app or ExorLive Go. It holds a token for that user (valid up to 2 hours): give it only to that user.',
			local: buildSignInUrl,
		}),
		exorLiveOperation({
			name: 'Create Partner JWT Link',
			value: 'createJwtLink',
			action: 'Create a single sign-on link to ExorLive with a signed partner JWT',
			description:
				"Sign the employee, organization and contact in focus as a JWT and post it to ExorLive's partner endpoint, which answers with the URL to open. A customer organization's first jump also approves your API access to it. ExorLive does not name the JWT algorithm or claims: the node signs HS256 or RS256 with the credential's key and adds iat and exp.",
			method: 'POST',
			request: {
				// ExorLive answers an AJAX POST with the URL to open (a plain form POST gets an HTML
				// page); X-Requested-With is how AJAX posts are commonly told apart (an assumption,
				// see README).
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
					'X-Requested-With': 'XMLHttpRequest',
				},
				// Another host, no token of the credential: a 401 is the endpoint's answer, not a
				// reason to renew the token.
				ignoreHttpStatusErrors: true,
			},
			plain: true,
			preSend: [signedPayload],
			postReceive: [toValue({ key: 'url', candidates: ['url', 'link', 'redirectUrl'], url: true })],
		}),
		exorLiveOperation({
			name: 'Get Auth Key',
			value: 'getAuthKey',
			action: 'Get an auth key that opens ExorLive signed in as a user',
			description:
				"Get an auth key for a user with a login role (GetAuthKey on the auth server). Act as an administrator of the user's organization. ExorLive does not show the answer: the node reads the key from a bare value, { d } or an authKey field.",
			method: 'POST',
			path: '/webservices/AuthenticationService.svc/GetAuthKey',
			actAs: 'optional',
			preSend: [toAuthServer],
			postReceive: [authKeyOutput],
		}),
	]),
	// Build Sign-In URL and the Partner JWT link carry no token of an acting user.
	actAsField({ resource: ['signIn'], operation: ['getAuthKey'] }, false),
	...signInGetAuthKeyDescription,
	...signInBuildSignInUrlDescription,
	...signInCreateJwtLinkDescription,
];
