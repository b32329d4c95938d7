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

/*
 * Why: every operation is sent through n8n's paging hook (engine/requestHook.ts, the one place n8n
 * lets a node take over sending), which the operation builder sets to `requestStep`: there each
 * request is retried on 429/503, and every output is checked, paired with its input item and
 * cleared of secrets. Paging itself is in pagination.ts.
 */

/** Sends the request as n8n prepared it, with `options` changed; returns the operation's output. */
export type SendRequest = (options: RequestOptions) => Promise<INodeExecutionData[]>;

/** An operation's request options as n8n prepared them (its URL may come from the base URL). */
export type RequestOptions = DeclarativeRestApiSettings.HttpRequestOptions;

/** What an operation does in place of n8n sending its request once. */
export type RequestStep = (
	this: IExecutePaginationFunctions,
	options: RequestOptions,
	send: SendRequest,
) => Promise<INodeExecutionData[]>;

// ---------------------------------------------------------------------------------------------
// Retries of one request on 429 and 503

/** Names in "Request Options", kept in saved workflows (spelled out below for n8n's lint). */
export const RETRIES_OPTION = 'rateLimitRetries';
export const MAX_WAIT_OPTION = 'maxRetryWait';

export const RETRY_DEFAULTS = { retries: 3, maxWaitSeconds: 30 };

/** The package's options in n8n's "Request Options" setting (n8n adds Batching, Proxy, Timeout). */
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

/** `send`, repeated on 429/503 up to `retries` times as Retry-After asks; other items untouched. */
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

/** Output items as n8n expects them: JSON objects (else an error), paired, without secrets. */
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
 * The paging hook of every operation (see the note at the top). An error is redacted and, under On
 * Error: Continue, becomes an item paired with its input.
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
		const kept = keptErrors.get(this);
		let outcome: { items: INodeExecutionData[] } | { error: unknown } = await (
			kept ? Promise.reject(kept.error) : run.call(ctx, requestData)
		).then(
			(items) => ({ items }),
			(error: unknown) => ({ error }),
		);
		// Read after sending: tokens exchanged on the way are among them.
		const secrets = await secretsOf(this);
		if ('items' in outcome) {
			// A computed output (a sign-in link made of a token) is what the user asked for: only
			// vendor answers, which may echo the request, are redacted. A failed check is redacted below.
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
 * n8n turns a preSend error into an error item without `pairedItem`. Under On Error: Continue the
 * checks keep their error here instead; the request step sends nothing and returns it paired.
 */
const keptErrors = new PerItem<{ error: unknown }>();

/** `action`, skipped once the item has a kept error, keeping its own; one per action. */
function keepingErrors(action: PreSendAction): PreSendAction {
	const known = keepingWrappers.get(action);
	if (known) return known;
	const wrapped = async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		if (keptErrors.get(this)) return options;
		// The error goes on as it is unless kept (n8n's lint wants no bare rethrow in a catch).
		return await action.call(this, options).then(undefined, async (error: unknown) => {
			// A preSend's own request (a challenge, a token) may be quoted in its error; n8n stores it.
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
 * The properties with their fields' preSend actions (in collections too) keeping errors like the
 * operations' own: n8n runs them before the request step as well.
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

/** Routing parts for an operation the node computes (`run`); n8n would otherwise send a request. */
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
