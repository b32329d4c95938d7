import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { trimUrl } from '../../../shared/transport';
import { CREDENTIAL_TYPE, toValue } from '../../client';
import { userIdFieldAt } from '../../exorLiveFields';
import { itemParameter } from '../../../shared/validation';

const show = { resource: ['signIn'], operation: ['getAuthKey'] };

export const signInGetAuthKeyDescription: INodeProperties[] = [
	// ExorLive's sample sends the id as a string.
	userIdFieldAt(
		{ body: 'userId', asText: true },
		show,
		'ExorLive user ID of the user to open ExorLive for',
	),
];

/** GetAuthKey lives on the auth server. */
export async function toAuthServer(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { authBaseUrl } = await this.getCredentials(CREDENTIAL_TYPE);
	return { ...options, baseURL: trimUrl(authBaseUrl) };
}

export const authKeyOutput = toValue({
	key: 'authKey',
	candidates: ['authKey', 'AuthKeyString', 'key'],
	context: (ctx) => ({ userId: Number(itemParameter(ctx, 'userId')) }),
});
