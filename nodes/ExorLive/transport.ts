import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
} from 'n8n-workflow';
import { trimUrl } from '../../credentials/exorLiveAuth';
import { vendorError } from '../shared/errors';
import { asUser, credentialUserError, CREDENTIAL_TYPE } from './actAs';

/** Code that calls ExorLive outside routing: a trigger's hooks and its webhook. */
export type RequestContext = IHookFunctions | IWebhookFunctions;

export interface ApiGet {
	/** Path under the credential's API base URL, e.g. `/api4/user/SetEventCallbackUrl`. */
	path: string;
	qs?: IDataObject;
}

/**
 * A GET to the ExorLive API with the credential's own token, or, with `actAs` (a user id),
 * with that user's token, exactly as the ExorLive node's operations send it (same token cache,
 * same single retry on 401). Returns the answer's body; HTTP errors become the same readable
 * NodeApiErrors the operations raise.
 */
export async function exorLiveGet(
	ctx: RequestContext,
	request: ApiGet,
	actAs?: string,
): Promise<unknown> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const options: IHttpRequestOptions = {
		method: 'GET',
		url: `${trimUrl(credentials.apiBaseUrl)}${request.path}`,
		qs: request.qs,
		headers: { Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
	};
	const send = async (headers?: IDataObject): Promise<unknown> => {
		const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, {
			...options,
			headers: { ...options.headers, ...headers },
			// With the credential's token n8n renews it on a 401; another user's token is renewed
			// by asUser, so then every status comes back here.
			ignoreHttpStatusErrors: headers ? true : { ignore: true, except: [401] },
		})) as IN8nHttpFullResponse;
		if (response.statusCode >= 400) throw vendorError(ctx, response);
		return response.body;
	};
	if (actAs !== undefined) return await asUser(ctx, actAs, send);
	try {
		return await send();
	} catch (error) {
		throw credentialUserError(ctx, error);
	}
}
