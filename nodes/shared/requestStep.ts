import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { failedAnswer, isEmptyAnswer, malformedAnswer, refuseHtmlAnswer } from './errors';
import { PerItem } from './engine/perItem';
import {
	runFirstOnEveryAnswer,
	takeOverSending,
	type Pagination,
	type TakenOver,
} from './engine/requestHook';
import { redactDeep, secretsOf } from './redaction';

/**
 * Sends an operation's request as n8n prepared it (request defaults, fields, preSend), with
 * `options` changed as given, and returns the operation's output (its postReceive actions run).
 */
export type SendRequest = (options: RequestOptions) => Promise<INodeExecutionData[]>;

/** An operation's request options as n8n prepared them (its URL may come from the base URL). */
export type RequestOptions = DeclarativeRestApiSettings.HttpRequestOptions;

/** What an operation does in place of n8n sending its request once. */
export type RequestStep = (
	this: IExecutePaginationFunctions,
	options: RequestOptions,
	send: SendRequest,
) => Promise<INodeExecutionData[]>;

/*
 * Why: every operation of the package is sent through n8n's paging hook (engine/requestHook.ts,
 * the one place n8n lets a node take over sending), which the operation builder sets to
 * `requestStep` below: there each request is retried on 429/503, and the output of every
 * operation is checked, paired with its input item and cleared of secrets. Paging itself is
 * nodes/shared/pagination.ts.
 */

// ---------------------------------------------------------------------------------------------
// Retries of one request on 429 and 503

/** Names inside the node's "Request Options" (Settings); stored in saved workflows (the
 * property below spells them and its defaults out, as n8n's lint wants literals). */
export const RETRIES_OPTION = 'rateLimitRetries';
export const MAX_WAIT_OPTION = 'maxRetryWait';

export const RETRY_DEFAULTS = { retries: 3, maxWaitSeconds: 30 };

/**
 * The package's options in n8n's "Request Options" collection of each node's Settings (n8n adds
 * Batching, Proxy, Timeout and the like to it). A node lists it among its properties.
 */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	isNodeSetting: true,
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Retries on Rate Limit or Outage',
			name: 'rateLimitRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 3,
			description:
				'How many times a request the API answers with 429 (rate limit) or 503 (unavailable) is sent again. Only that request is repeated, never the requests of items already done. 0 turns retrying off.',
		},
		{
			displayName: 'Max Wait Before Retry (Seconds)',
			name: 'maxRetryWait',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 600 },
			default: 30,
			description:
				"Longest wait before a retry. The API's Retry-After is honoured up to this; when it asks for longer, the request fails at once. Without Retry-After the waits are 1, 2, 4 … seconds.",
		},
	],
};

function retrySettings(ctx: IExecutePaginationFunctions) {
	const options = (ctx.getNodeParameter('requestOptions', {}) ?? {}) as IDataObject;
	const number = (value: unknown, fallback: number, max: number) => {
		const parsed = Number(value);
		return Number.isFinite(parsed) && parsed >= 0 ? Math.min(parsed, max) : fallback;
	};
	return {
		retries: Math.floor(number(options[RETRIES_OPTION], RETRY_DEFAULTS.retries, 10)),
		maxWaitSeconds: number(options[MAX_WAIT_OPTION], RETRY_DEFAULTS.maxWaitSeconds, 600),
	};
}

function addHint(error: unknown, hint: string): void {
	const record = error as { description?: unknown };
	if (!record || typeof record !== 'object') return;
	record.description = [record.description, hint].filter(Boolean).join(' ');
}

/**
 * `send`, sent again while the API answers 429 or 503 (at most `retries` times, waiting what
 * Retry-After asks, up to the maximum wait). Only this request is repeated: the other items'
 * requests, done or not, are not touched.
 */
async function withRateLimitRetries<T>(
	ctx: IExecutePaginationFunctions,
	send: () => Promise<T>,
): Promise<T> {
	const { retries, maxWaitSeconds } = retrySettings(ctx);
	for (let attempt = 0; ; attempt++) {
		// The error goes on as it is (a node's own request step reads its errors), unless retried.
		const wait = await send().then(
			(value) => ({ value }),
			(error: unknown) => {
				const { status, retryAfter } = failedAnswer(error);
				if (status !== 429 && status !== 503) throw error;
				if (attempt >= retries) {
					if (retries > 0) addHint(error, `Sent ${attempt + 1} times.`);
					throw error;
				}
				const seconds = retryAfter ?? Math.min(2 ** attempt, maxWaitSeconds);
				if (seconds > maxWaitSeconds) {
					addHint(
						error,
						`Not retried: the API asked to wait longer than Max Wait Before Retry (${maxWaitSeconds} s).`,
					);
					throw error;
				}
				return { seconds };
			},
		);
		if ('value' in wait) return wait.value;
		await sleep(Math.round(wait.seconds * 1000));
	}
}

// ---------------------------------------------------------------------------------------------
// The output of every operation

function describeJson(json: unknown): string | undefined {
	if (json === null || json === undefined || isEmptyAnswer(json)) return 'an empty answer';
	if (Array.isArray(json)) return 'a list where an object was expected';
	if (typeof json === 'string') return 'text instead of JSON';
	if (typeof json !== 'object') return 'a bare value instead of a JSON object';
	return undefined;
}

/**
 * Output items as n8n expects them: each a JSON object (an answer that is none fails the item
 * with a clear error), paired with its input item, with no secret of the credential in it.
 */
function checkedOutput(
	ctx: IExecutePaginationFunctions,
	items: INodeExecutionData[],
	secrets: string[],
): INodeExecutionData[] {
	const itemIndex = ctx.getItemIndex();
	for (const item of items) {
		const problem = describeJson(item.json);
		if (problem) throw malformedAnswer(ctx, problem, undefined, item.json, itemIndex);
		if (secrets.length) redactDeep(item.json, secrets);
		item.pairedItem ??= { item: itemIndex };
	}
	return items;
}

/**
 * The pagination hook every operation is sent through: `run` sends (its `makeRoutingRequest`
 * retries on 429/503), then the output is checked, paired and redacted; an error is redacted
 * and, under On Error: Continue, becomes an item paired with its input.
 */
function requestStep(run: Pagination, { computed = false } = {}): Pagination {
	return async function (this: IExecutePaginationFunctions, requestData) {
		runFirstOnEveryAnswer(requestData, refuseHtmlAnswer);
		const makeRoutingRequest = this.makeRoutingRequest.bind(this);
		const ctx: IExecutePaginationFunctions = Object.create(this, {
			makeRoutingRequest: {
				value: async (data: DeclarativeRestApiSettings.ResultOptions) =>
					await withRateLimitRetries(this, async () => await makeRoutingRequest(data)),
			},
		});
		const kept = keptError(this);
		let outcome: { items: INodeExecutionData[] } | { error: unknown } = await (
			kept ? Promise.reject(kept.error) : run.call(ctx, requestData)
		).then(
			(items) => ({ items }),
			(error: unknown) => ({ error }),
		);
		// Read after sending: tokens exchanged on the way are among them.
		const secrets = await secretsOf(this);
		if ('items' in outcome) {
			// The output of an operation the node computes (a sign-in link made of a token) is
			// what the user asked for; only answers from a vendor, which may echo the request, are
			// cleared of secrets. An answer the node cannot use fails here, quoting it: that
			// error is redacted like any other.
			try {
				return checkedOutput(this, outcome.items, computed ? [] : secrets);
			} catch (error) {
				outcome = { error };
			}
		}
		redactDeep(outcome.error, secrets);
		if (!this.continueOnFail()) return await Promise.reject(outcome.error);
		return [
			{
				json: {},
				error: outcome.error as INodeExecutionData['error'],
				pairedItem: { item: this.getItemIndex() },
			},
		];
	};
}

// ---------------------------------------------------------------------------------------------
// Input errors under On Error: Continue

/*
 * n8n turns an error of a preSend action into an error item without `pairedItem`. Under On
 * Error: Continue the operation's own checks therefore keep their error for the request step,
 * which sends nothing and returns it as an item paired with its input.
 */
const keptErrors = new PerItem<{ error: unknown }>();

function keptError(ctx: object): { error: unknown } | undefined {
	return keptErrors.get(ctx);
}

/** `action`, unless an error of the item is already kept; under On Error: Continue its own
 * error is kept (see above) rather than thrown. One wrapper per action. */
function keepingErrors(action: PreSendAction): PreSendAction {
	const known = keepingWrappers.get(action);
	if (known) return known;
	const wrapped = async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		if (keptError(this)) return options;
		// The error goes on as it is unless kept (n8n's lint wants no bare rethrow in a catch).
		return await action.call(this, options).then(undefined, async (error: unknown) => {
			// A preSend may send a request of its own (a challenge, a token): its error can quote
			// the answer, and n8n stores it as it is.
			redactDeep(error, await secretsOf(this));
			if (!this.continueOnFail()) throw error;
			keptErrors.set(this, { error });
			return options;
		});
	};
	keepingWrappers.set(action, wrapped);
	keepingWrappers.set(wrapped, wrapped);
	return wrapped;
}

const keepingWrappers = new WeakMap<PreSendAction, PreSendAction>();

/** The preSend `actions` run in order; under On Error: Continue an error is kept (see above). */
export function preSendKeepingErrors(actions: PreSendAction[]): PreSendAction {
	const steps = actions.map(keepingErrors);
	const all = async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		let current = options;
		for (const step of steps) current = await step.call(this, current);
		return current;
	};
	keepingWrappers.set(all, all);
	return all;
}

type Routed = { routing?: INodeProperties['routing'] };

function withPreSendKeepingErrors<T extends Routed>(entry: T): T {
	const preSend = entry.routing?.send?.preSend;
	if (!preSend?.length) return entry;
	const send = { ...entry.routing?.send, preSend: preSend.map(keepingErrors) };
	return { ...entry, routing: { ...entry.routing, send } };
}

/**
 * The node's properties with the preSend actions of its fields (the checks a single field runs,
 * in collections too) made to keep their errors under On Error: Continue, like the operations'
 * own: n8n runs them with the operation's, before the request step, and would otherwise pair
 * their errors with no input item.
 */
export function fieldsKeepingErrors(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => {
		const options = property.options?.map((option) => {
			if ('values' in option) return { ...option, values: fieldsKeepingErrors(option.values) };
			if ('type' in option) return fieldsKeepingErrors([option as INodeProperties])[0];
			return withPreSendKeepingErrors(option);
		});
		return withPreSendKeepingErrors(
			options ? { ...property, options } : property,
		) as INodeProperties;
	});
}

/** Routing parts that send an operation's request once (with retries, checks and pairing). */
export function sendWithRetries(): TakenOver {
	return sendPaged(async function (this: IExecutePaginationFunctions, requestData) {
		return await this.makeRoutingRequest(requestData);
	});
}

/** Routing parts for an operation that pages itself (see pagination.ts). */
export function sendPaged(pagination: Pagination, options?: { computed?: boolean }): TakenOver {
	return takeOverSending(requestStep(pagination, options));
}

/** Routing parts that make `step` send the operation's request (e.g. as another user, retrying once). */
export function sendThrough(step: RequestStep): TakenOver {
	return sendPaged(async function (this: IExecutePaginationFunctions, requestData) {
		return await step.call(
			this,
			requestData.options,
			async (options) => await this.makeRoutingRequest({ ...requestData, options }),
		);
	});
}

/**
 * Routing parts for an operation the node computes itself and that sends no request of its
 * own (n8n would otherwise send one): `run` returns the operation's output.
 */
export function computeWithoutRequest(
	run: (this: IExecutePaginationFunctions) => Promise<INodeExecutionData[]>,
): TakenOver {
	return sendPaged(
		async function (this: IExecutePaginationFunctions) {
			return await run.call(this);
		},
		{ computed: true },
	);
}
