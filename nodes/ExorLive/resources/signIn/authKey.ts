import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { trimUrl } from '../../../shared/transport';
import { CREDENTIAL_TYPE, toValue } from '../../client';
import { sendChecked } from '../../exorLiveFields';

const show = { resource: ['signIn'], operation: ['getAuthKey'] };

export const signInGetAuthKeyDescription: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'number',
		default: 0,
		required: true,
		description: 'ExorLive user ID of the user to open ExorLive for',
		displayOptions: { show },
		routing: {
			send: sendChecked('body', 'userId', {
				name: 'userId',
				label: 'User ID',
				type: 'number',
				required: true,
				check: 'positive',
				// ExorLive's sample sends the id as a string.
				asText: true,
			}),
		},
	},
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
	context: (ctx) => ({ userId: Number(ctx.getNodeParameter('userId')) }),
});
