import type {
	IBinaryData,
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
import { jsonParse, NodeApiError } from 'n8n-workflow';
import { vendorError } from '../shared/errors';
import { redactDeep, secretsOf } from '../shared/redaction';
import { CREDENTIAL_TYPE } from './auth/credentialType';
import { sendAs, TokenRefused, withAuthorization } from './auth/renewal';
import { isEmpty } from '../shared/output';
import type { RequestStep, SendRequest } from '../shared/requestStep';
import { trimUrl } from '../shared/transport';
import { inputError, isBlank, itemParameter, type NodeContext } from '../shared/validation';

/*
 * Why: the ExorLive node and trigger share one client: which user a request acts as ("Act As User
 * ID"; tokens and their renewal are in auth/), the Workout Exporter's paths and PDF, and how
 * ExorLive's undocumented answers are read (`unwrap`).
 */

export { CREDENTIAL_TYPE };

/** Parameter name of "Act As User ID" in the node and the trigger (saved workflows: never rename). */
export const ACT_AS = 'actAsUserId';

/** A user id as ExorLive expects it: a positive whole number (also from expressions). */
export function userIdValue(ctx: NodeContext, raw: unknown, label: string): string {
	if (isBlank(raw)) throw inputError(ctx, label, 'a value is required');
	const text = String(raw).trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0) {
		throw inputError(ctx, label, `"${text}" is not an ExorLive user ID (a positive whole number)`);
	}
	return String(Number(text));
}

/** Whether an operation can (optional) or must (required) act as another user, or never does. */
export type ActAs = 'none' | 'optional' | 'required';

/** The checked Act As User ID `raw`; undefined when it is empty and may be (the credential's admin). */
export function actingUser(ctx: NodeContext, raw: unknown, required: boolean): string | undefined {
	if (!required && isBlank(raw)) return undefined;
	return userIdValue(ctx, raw, 'Act As User ID');
}

/** Request step: the acting user's token (or the credential's), renewed once when refused. */
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

/** Calls outside routing: the trigger's hooks and webhook, an operation's follow-up request. */
export type RequestContext = IHookFunctions | IWebhookFunctions | IExecuteSingleFunctions;

export interface ApiGet {
	/** Path under the credential's API base URL, e.g. `/api4/user/SetEventCallbackUrl`. */
	path: string;
	qs?: IDataObject;
}

/**
 * A GET as `actAs` (a user id) or with the credential's token, sent like the operations (same
 * tokens, single renewal, readable NodeApiErrors). Returns the answer's body.
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
		// n8n renews the credential's own token on a 401 (2.x); see auth/renewal.ts.
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

/** A WorkoutForExport split into the PDF (PdfBase64, as binary data) and the rest. */
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
 * An answer's value. Where the docs say nothing about answers, this assumes:
 * 1. A body is JSON text, a bare JSON string or number (ASP.NET Web API returning `string`/`int`),
 *    an object or an array; text that is not JSON is a plain string.
 * 2. WCF services (`*.svc`) wrap results as `{"d": …}`, often `{"d": {"Data": …}}`; both are
 *    removed (documented for the legacy V1 services, assumed for GetAuthKey).
 * 3. A single result (invitation link, admin user id, auth key, new id) comes bare or as a field
 *    of an object; the names tried are listed where it is read.
 * 4. A list comes as an array, a single object, or null/empty for none.
 * 5. An admin user id of 0 or null means the organization has not approved access yet.
 */
export function unwrap(body: unknown): unknown {
	let value = body;
	if (typeof value === 'string') {
		const text = value.trim();
		value = text === '' ? undefined : jsonParse<unknown>(text, { fallbackValue: text });
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
