import type { IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { redact } from '../../shared/redaction';
import { ACT_AS, actingUser, CREDENTIAL_TYPE, exorLiveGet, type RequestContext } from '../client';
import { newSecret, urlWithSecret } from './secret';

/*
 * Why: the trigger registers its webhook URL, with a secret in its query, as the organization's
 * ExorLive callback URL. ExorLive cannot tell which URL it holds and documents no way to remove
 * one, so what was registered is kept in the node's static data (never in any output).
 */

/** The URL's secret, the webhook URL without it, and the user whose organization it is for. */
interface Registration {
	secret?: string;
	webhookUrl?: string;
	userId?: string;
}

export const SET_EVENT_CALLBACK_URL = '/api4/user/SetEventCallbackUrl';

/** The Act As User ID, checked; undefined when empty (the credential's own admin user). */
export function actAsUser(ctx: RequestContext): string | undefined {
	return actingUser(ctx, ctx.getNodeParameter(ACT_AS, ''), false);
}

/** The user whose organization the callback URL belongs to. */
async function organizationUser(ctx: IHookFunctions): Promise<{ actAs?: string; userId: string }> {
	const actAs = actAsUser(ctx);
	if (actAs !== undefined) return { actAs, userId: actAs };
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	return { userId: String(credentials.adminUserId ?? '') };
}

function registration(ctx: IHookFunctions | RequestContext): Registration & IDataObject {
	return ctx.getWorkflowStaticData('node') as Registration & IDataObject;
}

/** The secret of the URL registered last, if any. */
export function storedSecret(ctx: RequestContext): string | undefined {
	return registration(ctx).secret;
}

function webhookUrlOf(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(ctx.getNode(), 'n8n gave no webhook URL for this trigger');
	return url;
}

/** "Exists": this node registered the current webhook URL for this organization, still active. */
export async function isRegistered(ctx: IHookFunctions): Promise<boolean> {
	const stored = registration(ctx);
	if (!stored.secret) return false;
	const { userId } = await organizationUser(ctx);
	return stored.webhookUrl === webhookUrlOf(ctx) && stored.userId === userId;
}

/**
 * The error of a failed registration without the secret: ExorLive may echo the URL, and
 * errors of the HTTP layer carry the request. Only message, description and status remain.
 */
function withoutSecret(ctx: IHookFunctions, error: unknown, secret: string): NodeApiError {
	const hide = (text: unknown) =>
		text === undefined || text === null ? undefined : redact(String(text), [secret]);
	const { message, description, httpCode } = error as NodeApiError;
	const detail = hide(message) ?? 'unknown error';
	return new NodeApiError(ctx.getNode(), { message: detail } as JsonObject, {
		message: `ExorLive did not accept the callback URL: ${detail}`,
		description: hide(description),
		httpCode: httpCode ?? undefined,
	});
}

/** SetEventCallbackUrl (as the Act As user when set) with a new secret: replaces ExorLive's URL. */
export async function register(ctx: IHookFunctions): Promise<boolean> {
	const webhookUrl = webhookUrlOf(ctx);
	const { actAs, userId } = await organizationUser(ctx);
	const secret = newSecret();
	try {
		await exorLiveGet(
			ctx,
			{ path: SET_EVENT_CALLBACK_URL, qs: { callbackUrl: urlWithSecret(webhookUrl, secret) } },
			actAs,
		);
	} catch (error) {
		throw withoutSecret(ctx, error, secret);
	}
	Object.assign(registration(ctx), { secret, webhookUrl, userId });
	return true;
}

/** The URL stays registered; the secret is forgotten, so a call that still arrives is refused. */
export function forget(ctx: IHookFunctions): boolean {
	const stored = registration(ctx);
	delete stored.secret;
	delete stored.webhookUrl;
	delete stored.userId;
	return true;
}
