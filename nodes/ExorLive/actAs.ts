import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	ACT_AS_HEADER,
	authSettings,
	tokenFor,
	TokenExchangeError,
} from '../../credentials/exorLiveAuth';
import { vendorError } from '../shared/errors';
import { inputError, isBlank, type NodeContext } from '../shared/validation';
import type { Show } from './fields';

/**
 * Acting for other ExorLive users with one credential. ExorLive tokens are issued per user: a
 * customer organization is reached through a token for its admin user, a contact's Go data
 * through a token for the contact. "Act As User ID" makes an operation obtain such a token with
 * the credential's key and secret (the same exchange the credential runs for its own admin) and
 * send the request with it. Tokens live in the shared token cache (per credential identity and
 * user id, until shortly before they expire), so a run over many items and organizations costs
 * one exchange per user; a 401 replaces the token once and retries.
 */

export const CREDENTIAL_TYPE = 'exorLiveApi';

export const ACT_AS = 'actAsUserId';

export function actAsField(show: Show, required: boolean): INodeProperties {
	return {
		displayName: 'Act As User ID',
		name: ACT_AS,
		type: 'string',
		default: '',
		...(required ? { required: true } : {}),
		placeholder: 'e.g. 12345',
		description: required
			? 'ExorLive user ID of the contact whose ExorLive Go data this is. The node gets a token for this user with the credential.'
			: "ExorLive user ID to act as, e.g. the admin user of a customer organization (from Request API Access). Empty: the credential's Admin User ID.",
		displayOptions: { show },
	};
}

/**
 * What getting a token needs. Operations, and a trigger's hooks and webhook, all have it.
 */
export interface TokenContext extends NodeContext {
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
	helpers: { httpRequest(options: IHttpRequestOptions): Promise<unknown> };
}

/** A user id as ExorLive expects it: a positive whole number (also from expressions). */
export function userIdValue(ctx: NodeContext, raw: unknown, label: string): string {
	if (isBlank(raw)) throw inputError(ctx, label, 'a value is required');
	const text = String(raw).trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0) {
		throw inputError(ctx, label, `"${text}" is not an ExorLive user ID (a positive whole number)`);
	}
	return String(Number(text));
}

/** A token for `userId` (cached, or exchanged now); exchange failures become NodeApiErrors. */
export async function userToken(
	ctx: TokenContext,
	userId: string,
	rejected?: string,
): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	try {
		return await tokenFor(
			async (options) => await ctx.helpers.httpRequest(options),
			authSettings(credentials),
			userId,
			rejected,
		);
	} catch (error) {
		const safe = error instanceof TokenExchangeError;
		const message = safe ? error.message : 'ExorLive token exchange failed';
		throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
			message: `${message} (getting a token for user ${userId})`,
			description: safe ? error.description : undefined,
			itemIndex: ctx.getItemIndex?.(),
		});
	}
}

export function httpCodeOf(error: unknown): string | undefined {
	return (error as { httpCode?: string | null })?.httpCode ?? undefined;
}

/**
 * A failed request with the credential's own token, as a NodeApiError. A 401 that survives
 * n8n's new exchange and retry arrives as n8n's generic "Authorization failed"; the vendor's
 * words are put back.
 */
export function credentialUserError(ctx: NodeContext, error: unknown): NodeApiError {
	const data = (error as NodeApiError).context?.data;
	if (httpCodeOf(error) !== '401' || data === undefined) {
		return new NodeApiError(ctx.getNode(), error as JsonObject);
	}
	return vendorError(ctx, { statusCode: 401, body: data, headers: {} }, ctx.getItemIndex?.());
}

/** A request with the credential's own token. */
async function asCredentialUser(
	ctx: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	try {
		return await ctx.makeRoutingRequest(requestData);
	} catch (error) {
		throw credentialUserError(ctx, error);
	}
}

/**
 * Runs `send` as `userId`: it gets the headers that carry that user's token (and the mark the
 * credential keeps it by). The credential's own 401 handling would renew the admin token, not
 * this one, so `send` must not let n8n retry a 401 but throw it (an error with httpCode
 * '401'); the token is then replaced once and `send` runs again.
 */
export async function asUser<T>(
	ctx: TokenContext,
	userId: string,
	send: (headers: IDataObject) => Promise<T>,
): Promise<T> {
	let rejected: string | undefined;
	for (;;) {
		const token = await userToken(ctx, userId, rejected);
		try {
			return await send({ Authorization: `Bearer ${token}`, [ACT_AS_HEADER]: userId });
		} catch (error) {
			if (error instanceof NodeOperationError) throw new NodeOperationError(ctx.getNode(), error);
			if (rejected !== undefined || httpCodeOf(error) !== '401') {
				throw new NodeApiError(ctx.getNode(), error as JsonObject);
			}
			rejected = token;
		}
	}
}

/**
 * The request step of every operation (n8n runs it in place of a plain request): with Act As
 * User ID the request goes out with that user's token, otherwise with the credential's own.
 */
export function actAsRequest(mode: 'none' | 'optional' | 'required') {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const raw = mode === 'none' ? '' : this.getNodeParameter(ACT_AS, '');
		if (mode !== 'required' && isBlank(raw)) return await asCredentialUser(this, requestData);
		const userId = userIdValue(this, raw, 'Act As User ID');
		return await asUser(this, userId, async (headers) => {
			const options = {
				...requestData.options,
				ignoreHttpStatusErrors: true,
				headers: { ...requestData.options.headers, ...headers },
			};
			return await this.makeRoutingRequest({ ...requestData, options });
		});
	};
}
