import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { vendorError } from '../../shared/errors';
import type { NodeContext } from '../../shared/validation';
import { CREDENTIAL_TYPE } from './credentialType';
import { authSettings } from './settings';
import { cachedToken, tokenFor } from './tokenCache';
import { TokenExchangeError } from './tokenExchange';

/*
 * Why: ExorLive issues tokens per user: a customer organization is reached with its admin user's
 * token, a contact's Go data with the contact's. "Act As User ID" sends with such a token, got
 * with the credential's key and secret and cached per credential and user until shortly before
 * it expires (one exchange per user in a run); a refused token (401) is replaced once.
 * Without Act As User ID the credential adds its own token, which n8n 2.x renews on a 401
 * (requestDefaults' `ignoreHttpStatusErrors.except`) and stores. n8n 1.x does not know `except`
 * and hands the 401 to the node: from then on the admin user is served here like an acting user.
 */

/** What getting a token needs: operations, and the trigger's hooks and webhook, all have it. */
export interface TokenContext extends NodeContext {
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
	helpers: { httpRequest(options: IHttpRequestOptions): Promise<unknown> };
	getNodeParameter?: (name: string, fallback: unknown) => unknown;
}

/** The node's Settings > Request Options > Timeout in ms, when it has one set. */
function nodeTimeout(ctx: TokenContext): number | undefined {
	let options: unknown;
	try {
		options = ctx.getNodeParameter?.('requestOptions', {});
	} catch {
		return undefined; // a node without Request Options (the trigger)
	}
	const timeout = Number((options as IDataObject | undefined)?.timeout);
	return Number.isFinite(timeout) && timeout > 0 ? timeout : undefined;
}

/**
 * A token for `userId` (cached, or exchanged now); exchange failures become NodeApiErrors, which
 * name the user unless it is the credential's own admin user (`named` false).
 */
export async function userToken(
	ctx: TokenContext,
	userId: string,
	rejected?: string,
	named = true,
): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	try {
		return await tokenFor(
			async (options) => await ctx.helpers.httpRequest(options),
			{ ...authSettings(credentials), timeoutMs: nodeTimeout(ctx) },
			userId,
			rejected,
		);
	} catch (error) {
		const safe = error instanceof TokenExchangeError;
		const message = safe ? error.message : 'ExorLive token exchange failed';
		throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
			message: named ? `${message} (getting a token for user ${userId})` : message,
			description: safe ? error.description : undefined,
			itemIndex: ctx.getItemIndex?.(),
		});
	}
}

/** ExorLive refused the token of a request (HTTP 401) and n8n did not renew it. */
export class TokenRefused extends Error {
	constructor(readonly apiError: NodeApiError) {
		super(apiError.message);
		this.name = 'TokenRefused';
	}
}

/** First post-receive action of every operation sent by the request step: marks a refused token. */
export async function refusedToken(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode === 401) {
		throw new TokenRefused(vendorError(this, response, this.getItemIndex()));
	}
	return items;
}

/** Sends with `authorization` (a bearer header), or with the credential's own token (undefined). */
type SendWithToken<T> = (authorization?: string) => Promise<T>;

/** `send`'s result, or `refused` when ExorLive refused the token (other errors are thrown). */
async function unlessRefused<T>(
	sending: Promise<T>,
): Promise<{ value: T } | { refused: TokenRefused }> {
	return await sending.then(
		(value) => ({ value }),
		(error: unknown) => {
			if (error instanceof TokenRefused) return { refused: error };
			throw error;
		},
	);
}

/**
 * Runs `send` with a token for `userId`; a refused token is replaced once and `send` runs again.
 * `refused`: a token that was already refused (the single renewal is then this one).
 */
async function withUserToken<T>(
	ctx: TokenContext,
	userId: string,
	send: SendWithToken<T>,
	{ refused, named = true }: { refused?: string; named?: boolean } = {},
): Promise<T> {
	let rejected = refused;
	for (;;) {
		const token = await userToken(ctx, userId, rejected, named);
		const result = await unlessRefused(send(`Bearer ${token}`));
		if ('value' in result) return result.value;
		if (rejected !== undefined) throw result.refused.apiError;
		rejected = token;
	}
}

/** Whether n8n was seen to hand a refused token of the credential to the node (n8n 1.x). */
let engineLeavesRenewal = false;

/**
 * Runs `send` with the credential's own token, renewed once when refused. Where n8n leaves renewal
 * to the node, the cached renewed token is sent from then on (n8n keeps sending the stored one).
 */
async function withCredentialToken<T>(ctx: TokenContext, send: SendWithToken<T>): Promise<T> {
	const adminOf = (credentials: ICredentialDataDecryptedObject) =>
		String(credentials.adminUserId ?? '');
	let renewed: string | undefined;
	if (engineLeavesRenewal || nodeTimeout(ctx) !== undefined) {
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
		// n8n gets a token for a credential that holds none itself, waiting 30 s at most; got
		// here first, the exchange follows the node's Timeout (n8n's then finds it cached).
		if (!credentials.accessToken) await userToken(ctx, adminOf(credentials), undefined, false);
		if (engineLeavesRenewal) renewed = cachedToken(authSettings(credentials), adminOf(credentials));
	}
	const result = await unlessRefused(send(renewed === undefined ? undefined : `Bearer ${renewed}`));
	if ('value' in result) return result.value;
	engineLeavesRenewal = true;
	// Read after sending: the token n8n sent may have just been stored by its preAuthentication.
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const refused = String(renewed ?? credentials.accessToken ?? '');
	return await withUserToken(ctx, adminOf(credentials), send, { refused, named: false });
}

/**
 * Runs `send` as `actAs` (a checked user id), or with the credential's own token when undefined.
 * A token still refused after its renewal fails with ExorLive's words.
 */
export async function sendAs<T>(
	ctx: TokenContext,
	actAs: string | undefined,
	send: SendWithToken<T>,
): Promise<T> {
	try {
		return actAs === undefined
			? await withCredentialToken(ctx, send)
			: await withUserToken(ctx, actAs, send);
	} catch (error) {
		if (error instanceof NodeOperationError) throw new NodeOperationError(ctx.getNode(), error);
		throw credentialUserError(ctx, error);
	}
}

function httpCodeOf(error: unknown): string | undefined {
	return (error as { httpCode?: string | null })?.httpCode ?? undefined;
}

/**
 * A failed request as a NodeApiError (`new NodeApiError` returns one, InputError too, unchanged).
 * A 401 that outlived n8n's renewal arrives as "Authorization failed": the vendor's words go back.
 */
function credentialUserError(ctx: NodeContext, error: unknown): NodeApiError {
	const data = (error as NodeApiError).context?.data;
	if (httpCodeOf(error) !== '401' || data === undefined) {
		return new NodeApiError(ctx.getNode(), error as JsonObject);
	}
	return vendorError(ctx, { statusCode: 401, body: data, headers: {} }, ctx.getItemIndex?.());
}

/** Request options sent with `authorization`: then every HTTP status comes back to the node. */
export function withAuthorization<T extends Pick<IHttpRequestOptions, 'headers'>>(
	options: T,
	authorization: string | undefined,
): T {
	if (authorization === undefined) return options;
	return {
		...options,
		ignoreHttpStatusErrors: true,
		headers: { ...options.headers, Authorization: authorization },
	};
}
