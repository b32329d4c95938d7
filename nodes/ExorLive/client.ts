import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	IWebhookFunctions,
	JsonObject,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import {
	authSettings,
	cachedToken,
	tokenFor,
	TokenExchangeError,
} from '../../credentials/exorLiveAuth';
import { vendorError } from '../shared/errors';
import { redactDeep, redactSecretsOf, secretsOf } from '../shared/redaction';
import { ExorLiveApi } from '../../credentials/ExorLiveApi.credentials';
import { isEmpty } from '../shared/output';
import type { RequestStep, SendRequest } from '../shared/requestStep';
import { trimUrl } from '../shared/transport';
import { inputError, isBlank, itemParameter, type NodeContext } from '../shared/validation';

/**
 * The ExorLive client of the ExorLive node and the ExorLive Trigger: whose token a request
 * carries (the credential's admin user, or "Act As User ID"), renewing a refused token, the
 * Workout Exporter's paths, the PDF of an exported workout, and how ExorLive's answers are read.
 */

export const CREDENTIAL_TYPE = redactSecretsOf({
	credential: new ExorLiveApi(),
	// A Basic header carries key and secret together.
	combined: ({ clientKey, clientSecret }) =>
		typeof clientKey === 'string' && typeof clientSecret === 'string' && clientSecret
			? [`${clientKey}:${clientSecret}`]
			: [],
	// Tokens exchanged at run time are filed under the client secret they were exchanged with.
	issuer: ({ clientSecret }) => clientSecret,
});

/** Parameter name of "Act As User ID" in the node and the trigger (saved workflows: never rename). */
export const ACT_AS = 'actAsUserId';

// ---------------------------------------------------------------------------------------------
// Tokens: whose, and renewing a refused one

/*
 * ExorLive tokens are issued per user: a customer organization is reached with a token for its
 * admin user, a contact's Go data with a token for the contact. "Act As User ID" makes a request
 * go out with such a token, obtained with the credential's key and secret (the exchange the
 * credential runs for its own admin user). Tokens live in one cache (per credential identity and
 * user id, until shortly before they expire), so a run over many items costs one exchange per
 * user; a token ExorLive refuses (401) is replaced once and the request sent again.
 *
 * Without Act As User ID the credential adds its own token. n8n 2.x renews that token itself on
 * a 401 (requestDefaults' `ignoreHttpStatusErrors.except`) and stores the new one. n8n 1.x does
 * not know `except` and hands the 401 to the node; from then on the credential's admin user is
 * served here like an acting user (explicit token, renewed once on a 401).
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

/** A user id as ExorLive expects it: a positive whole number (also from expressions). */
export function userIdValue(ctx: NodeContext, raw: unknown, label: string): string {
	if (isBlank(raw)) throw inputError(ctx, label, 'a value is required');
	const text = String(raw).trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0) {
		throw inputError(ctx, label, `"${text}" is not an ExorLive user ID (a positive whole number)`);
	}
	return String(Number(text));
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
 * Runs `send` with the credential's own token (its admin user), renewed once when refused.
 * Where n8n leaves renewing to the node, the token renewed here (cached) is sent from then on,
 * as n8n keeps sending the token stored in the credential.
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
 * A failed request as a NodeApiError. A 401 that survives n8n's own renewal and retry arrives as
 * n8n's generic "Authorization failed"; the vendor's words are put back. A NodeApiError (a
 * vendor error, or an input check: InputError) comes back from `new NodeApiError` unchanged.
 */
function credentialUserError(ctx: NodeContext, error: unknown): NodeApiError {
	const data = (error as NodeApiError).context?.data;
	if (httpCodeOf(error) !== '401' || data === undefined) {
		return new NodeApiError(ctx.getNode(), error as JsonObject);
	}
	return vendorError(ctx, { statusCode: 401, body: data, headers: {} }, ctx.getItemIndex?.());
}

/** Whether an operation can (optional) or must (required) act as another user, or never does. */
export type ActAs = 'none' | 'optional' | 'required';

/** The checked Act As User ID `raw`; undefined when it is empty and may be (the credential's admin). */
export function actingUser(ctx: NodeContext, raw: unknown, required: boolean): string | undefined {
	if (!required && isBlank(raw)) return undefined;
	return userIdValue(ctx, raw, 'Act As User ID');
}

/** Request options sent with `authorization`: then every HTTP status comes back to the node. */
function withAuthorization<T extends Pick<IHttpRequestOptions, 'headers'>>(
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

/**
 * The request step of the ExorLive operations: the request goes out with the token of the user
 * acted as (or the credential's own), and a refused token is renewed once and the request repeated.
 */
export function sendAsActingUser(actAs: ActAs): RequestStep {
	return async function (this, options, send: SendRequest) {
		const raw = actAs === 'none' ? '' : itemParameter(this, ACT_AS, '');
		const user = actingUser(this, raw, actAs === 'required');
		return await sendAs(
			this,
			user,
			async (authorization) => await send(withAuthorization(options, authorization)),
		);
	};
}

// ---------------------------------------------------------------------------------------------
// Requests outside routing (the trigger's hooks and webhook)

/**
 * Code that calls ExorLive outside routing: a trigger's hooks and its webhook, and an
 * operation's follow-up request (e.g. finding a user ExorLive saved without answering its ID).
 */
export type RequestContext = IHookFunctions | IWebhookFunctions | IExecuteSingleFunctions;

export interface ApiGet {
	/** Path under the credential's API base URL, e.g. `/api4/user/SetEventCallbackUrl`. */
	path: string;
	qs?: IDataObject;
}

/**
 * A GET to the ExorLive API as `actAs` (a user id) or with the credential's own token, exactly
 * as the node's operations send it (same tokens, same single renewal). Returns the answer's
 * body; HTTP errors become the same readable NodeApiErrors the operations raise.
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
		// n8n renews the credential's own token on a 401 (2.x); see the note on tokens above.
		ignoreHttpStatusErrors: { ignore: true, except: [401] },
	};
	try {
		const body = await sendAs(ctx, actAs, async (authorization) => {
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				CREDENTIAL_TYPE,
				withAuthorization(options, authorization),
			)) as IN8nHttpFullResponse;
			if (response.statusCode === 401) throw new TokenRefused(vendorError(ctx, response));
			if (response.statusCode >= 400) throw vendorError(ctx, response);
			return response.body;
		});
		// Answers that quote the request (its token) are kept from the trigger's output too.
		return redactDeep(body, await secretsOf(ctx));
	} catch (error) {
		throw redactDeep(error, await secretsOf(ctx));
	}
}

// ---------------------------------------------------------------------------------------------
// Workout Exporter

/** The Workout Exporter's methods live under one path; each call also takes `clientname`. */
export const exportPath = (method: string) => `/api4/export/${method}`;

/** preSend of the Workout Exporter operations: the credential's client name as `clientname`. */
export async function sendClientName(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { clientName } = await this.getCredentials(CREDENTIAL_TYPE);
	return { ...options, qs: { ...options.qs, clientname: String(clientName ?? '') } };
}

export const binaryField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	description: 'Name of the output binary field the workout PDF is put in, e.g. data',
	hint: 'The name of the output binary field to put the PDF in',
};

type PrepareBinaryData = IExecuteSingleFunctions['helpers']['prepareBinaryData'];

type WorkoutWithPdf = IDataObject & { PdfBase64: string };

/** Whether a GetWorkoutPDF answer (WorkoutForExport) holds the PDF. */
export function hasPdf(workout: IDataObject | undefined): workout is WorkoutWithPdf {
	return typeof workout?.PdfBase64 === 'string' && workout.PdfBase64 !== '';
}

/**
 * A WorkoutForExport record split into the PDF (PdfBase64, as binary data named after the
 * workout) and the rest (metadata and exercises).
 */
export async function splitWorkoutPdf(
	prepareBinaryData: PrepareBinaryData,
	workout: WorkoutWithPdf,
	workoutId: unknown,
): Promise<{ metadata: IDataObject; pdf: IBinaryData }> {
	const { PdfBase64: base64, ...metadata } = workout;
	const id = metadata.Id ?? workoutId;
	const pdf = await prepareBinaryData(
		Buffer.from(base64, 'base64'),
		`workout-${String(id)}.pdf`,
		'application/pdf',
	);
	return { metadata, pdf };
}

// ---------------------------------------------------------------------------------------------
// Answers

/**
 * The one place where ExorLive answers the docs do not describe are interpreted. Assumed:
 *
 * 1. A body can be JSON text, a bare JSON string or number (ASP.NET Web API returning a `string`
 *    or `int`), an object or an array; text that is not JSON is a plain string value.
 * 2. WCF services (`*.svc`) wrap results as `{"d": …}`, often `{"d": {"Data": …}}`; both wrappers
 *    are removed. (Documented for the legacy V1 services, assumed for GetAuthKey.)
 * 3. A single result (invitation link, admin user id, auth key, new id) comes bare or as a field
 *    of an object; the field names tried are listed where the result is read.
 * 4. A list can come as an array, a single object, or null/empty for "none".
 * 5. An admin user id of 0 or null means the organization has not approved access yet.
 */
export function unwrap(body: unknown): unknown {
	let value = body;
	if (typeof value === 'string') {
		const text = value.trim();
		try {
			value = text === '' ? undefined : JSON.parse(text);
		} catch {
			value = text;
		}
	}
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		const record = value as IDataObject;
		const keys = Object.keys(record).filter((key) => key !== '__type');
		if (keys.length === 1 && keys[0] === 'd') {
			const inner = record.d;
			const isData = inner && typeof inner === 'object' && !Array.isArray(inner) && 'Data' in inner;
			value = isData ? (inner as IDataObject).Data : inner;
		}
	}
	return value;
}

/** A single value: the bare body, or the first of `keys` (any letter case) in an object. */
export function scalarIn(body: unknown, keys: string[]): string | number | undefined {
	const value = unwrap(body);
	if (typeof value === 'string' || typeof value === 'number') return value;
	if (Array.isArray(value) && value.length === 1) return scalarIn(value[0], keys);
	if (value && typeof value === 'object') {
		const record = value as IDataObject;
		const wanted = keys.map((key) => key.toLowerCase());
		for (const key of wanted) {
			const found = Object.keys(record).find((name) => name.toLowerCase() === key);
			const inner = found === undefined ? undefined : record[found];
			if (typeof inner === 'string' || typeof inner === 'number') return inner;
		}
	}
	return undefined;
}

/** The records of a list answer (assumption 4); scalars in a list become `{ value }`. */
export function recordsIn(body: unknown): IDataObject[] {
	const value = unwrap(body);
	if (isEmpty(value) || (Array.isArray(value) && value.length === 0)) return [];
	const list = Array.isArray(value) ? value : [value];
	return list.map((entry) =>
		entry && typeof entry === 'object' && !Array.isArray(entry)
			? (entry as IDataObject)
			: ({ value: entry } as IDataObject),
	);
}

/** An answer that lacks `what` (with its HTTP status when it is a whole answer). */
export function unexpectedAnswer(
	ctx: NodeContext,
	what: string,
	{ body, statusCode }: { body: unknown; statusCode?: number },
	message = `ExorLive's answer holds no ${what}`,
): NodeApiError {
	const value = unwrap(body);
	return new NodeApiError(
		ctx.getNode(),
		{ body: typeof value === 'object' ? value : String(value) } as JsonObject,
		{
			message,
			description: 'The response shape is not documented; the raw answer is in the error details.',
			httpCode: statusCode === undefined ? undefined : String(statusCode),
			itemIndex: ctx.getItemIndex?.(),
		},
	);
}

/** Default output: one item per record; an empty answer becomes `empty` (or nothing). */
export function toItems(empty: IDataObject | null = { success: true }): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	) {
		const records = recordsIn(response.body);
		if (!records.length) return empty ? [{ json: { ...empty } }] : [];
		return records.map((json) => ({ json }));
	};
}

export interface ValueSpec {
	/** Output field, e.g. `invitationLink`. */
	key: string;
	/** Field names tried when the answer is an object (assumption 3). */
	candidates: string[];
	numeric?: boolean;
	/** The value must be an http(s) URL (a link to open). */
	url?: boolean;
	/** Input fields copied into the output item so a chain keeps its context. */
	context?: (ctx: IExecuteSingleFunctions) => IDataObject;
}

/** Output `{ [key]: value, ...context }` from an answer that is a single value. */
export function toValue(spec: ValueSpec): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	) {
		const raw = scalarIn(response.body, spec.candidates);
		const value = spec.numeric && raw !== undefined && raw !== '' ? Number(raw) : raw;
		if (value === undefined || value === '' || (spec.numeric && !Number.isFinite(value))) {
			throw unexpectedAnswer(this, spec.key, response);
		}
		if (spec.url && !/^https?:\/\/\S+$/i.test(String(value).trim())) {
			const html = /^\s*</.test(String(value));
			throw unexpectedAnswer(
				this,
				`http(s) URL in ${spec.key}`,
				response,
				html
					? 'ExorLive answered with an HTML page instead of the URL to open'
					: "ExorLive's answer is not an http(s) URL",
			);
		}
		return [{ json: { [spec.key]: value, ...(spec.context?.(this) ?? {}) } }];
	};
}
