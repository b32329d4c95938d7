import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { trimUrl } from '../../../shared/transport';
import { CREDENTIAL_TYPE, toValue } from '../../client';
import { requiredId } from '../../fieldSpecs';
import type { ExorLiveOperation } from '../../operationSpecs';

/** GetAuthKey lives on the auth server. */
async function toAuthServer(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { authBaseUrl } = await this.getCredentials(CREDENTIAL_TYPE);
	return { ...options, baseURL: trimUrl(authBaseUrl) };
}

export const getAuthKey: ExorLiveOperation = {
	name: 'Get Auth Key',
	value: 'getAuthKey',
	action: 'Get an auth key that opens ExorLive signed in as a user',
	description:
		"Get an auth key for a user with a login role (GetAuthKey on the auth server). Act as an administrator of the user's organization. ExorLive does not show the answer: the node reads the key from a bare value, { d } or an authKey field.",
	method: 'POST',
	path: '/webservices/AuthenticationService.svc/GetAuthKey',
	preSend: [toAuthServer],
	fields: [
		requiredId(
			'userId',
			'User ID',
			{ in: 'body', property: 'userId' },
			{
				// ExorLive's sample sends the id as a string.
				asString: true,
				description: 'ExorLive user ID of the user to open ExorLive for',
			},
		),
	],
	output: [
		toValue({
			key: 'authKey',
			candidates: ['authKey', 'AuthKeyString', 'key'],
			context: (ctx) => ({ userId: Number(ctx.getNodeParameter('userId')) }),
		}),
	],
};
