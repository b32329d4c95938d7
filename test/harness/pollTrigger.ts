/**
 * The polling triggers (Epilot Trigger, Exolink Trigger) under test: the trigger in a one-node
 * workflow (`PollHarness`) and a mock of its vendor, each step asserting the exact list requests
 * it sent and the items it emitted. What differs between the vendors (node, credential, list
 * path, answer shape) is a `PollVendor`.
 */
import nock from 'nock';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { assertNoSecretForms, assertRequests, visibleError } from './cases';
import { ApiMock, type Reply } from './http';
import { PollHarness, type PollResult } from './poll';

export interface PollVendor {
	/** Node name inside the package, e.g. "epilotTrigger". */
	node: string;
	/** Where nock answers; the credential's Custom URL points here. */
	origin: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Headers every list request carries (lower-case names). */
	headers: Record<string, string>;
	secrets: string[];
	/** The list request's path of a group, as sent on the wire (percent-encoded). */
	listPath(group: string): string;
	/** The vendor's answer listing these users. */
	answer(users: IDataObject[]): Reply;
}

export interface PollEnv {
	vendor: PollVendor;
	trigger: PollHarness;
	api: ApiMock;
}

export async function setup(
	vendor: PollVendor,
	parameters: INodeParameters,
	savedStaticData?: IDataObject,
): Promise<PollEnv> {
	const trigger = await PollHarness.create({
		node: vendor.node,
		parameters,
		credentials: vendor.credentials,
		savedStaticData,
	});
	return { vendor, trigger, api: new ApiMock(vendor.origin) };
}

/**
 * The same workflow edited to `parameters` (to be activated again): the saved static data stays.
 * The old environment's mock is gone.
 */
export async function edited(env: PollEnv, parameters: INodeParameters): Promise<PollEnv> {
	nock.cleanAll();
	return await setup(env.vendor, parameters, JSON.parse(env.trigger.saved) as IDataObject);
}

/** What each group's list request is answered with: its users, or a reply (e.g. an error). */
export type Lists = Record<string, IDataObject[] | Reply>;

/**
 * Runs one step of n8n's (activation, a scheduled poll, Fetch Test Event) with the list of each
 * group in `lists` answered, and asserts that exactly those lists were requested, once each,
 * with the credential's headers.
 */
export async function step(
	env: PollEnv,
	run: 'activate' | 'poll' | 'manual',
	lists: Lists,
): Promise<PollResult> {
	const { vendor, api } = env;
	const requests = Object.keys(lists).map((group) => ({
		method: 'GET',
		path: vendor.listPath(group),
		body: undefined,
	}));
	api.requests.splice(0);
	api.expect(
		...Object.values(lists).map((list, index) => ({
			...requests[index],
			reply: Array.isArray(list) ? vendor.answer(list) : list,
		})),
	);
	const result = await env.trigger[run]();
	assertRequests(api, requests, vendor.headers);
	return result;
}

/** The step succeeded and emitted exactly these items, each paired with the trigger's item. */
export function expectItems(result: PollResult, items: IDataObject[]): void {
	expect(visibleError(result.error)).toBeUndefined();
	expect(result.items).toEqual(items.map((json) => ({ json, pairedItem: { item: 0 } })));
	expect(result.none).toBe(items.length === 0);
}

/** The trigger activated on these lists: the baseline, nothing emitted. */
export async function activated(
	vendor: PollVendor,
	parameters: INodeParameters,
	lists: Record<string, IDataObject[]>,
): Promise<PollEnv> {
	const env = await setup(vendor, parameters);
	expectItems(await step(env, 'activate', lists), []);
	return env;
}

/** The watch state (group → user → entry) the next poll reads, and as n8n last saved it. */
export function state(env: PollEnv): { running: unknown; saved: unknown } {
	const saved = JSON.parse(env.trigger.saved) as Record<string, IDataObject | undefined>;
	return {
		running: JSON.parse(JSON.stringify(env.trigger.nodeStaticData)).users,
		saved: saved['node:Trigger']?.users,
	};
}

/** The running and saved state, and how often n8n saved it: to compare before and after. */
export const snapshot = (env: PollEnv) => ({ ...state(env), saves: env.trigger.saves });

/**
 * A scheduled poll whose list request for `group` answers only after 3 s (nock's delay), with
 * the trigger's Options › Timeout (Seconds) at 1: asserts the one request and its headers.
 */
export async function pollTimingOut(env: PollEnv, group: string): Promise<PollResult> {
	const { vendor } = env;
	nock.cleanAll();
	const headers: Array<Record<string, unknown>> = [];
	nock(vendor.origin)
		.get(vendor.listPath(group))
		.delay(3000)
		.reply(function () {
			headers.push(this.req.headers);
			return [200, JSON.stringify(vendor.answer([]).body)];
		});
	const result = await env.trigger.poll();
	nock.abortPendingRequests();
	nock.cleanAll();
	env.api = new ApiMock(vendor.origin);
	expect(headers).toEqual([expect.objectContaining(vendor.headers)]);
	return result;
}

/** Every own property of the error (`JSON.stringify` of an n8n error keeps only a few). */
function everything(error: object): string {
	const seen = new WeakSet<object>();
	return JSON.stringify({ ...error }, (_key, value: unknown) => {
		if (value === null || typeof value !== 'object') return value;
		if (seen.has(value)) return '[seen]';
		seen.add(value);
		return value;
	});
}

/**
 * Nothing of the error holds a secret: its message, description, cause, JSON (what n8n stores)
 * nor anything else it carries (e.g. the vendor's answer, for the error details).
 */
export function assertNoSecretInError(error: PollResult['error'], secrets: string[]): void {
	expect(error).toBeDefined();
	const { message, description, cause } = error!;
	const shown = JSON.stringify({ message, description, cause, all: visibleError(error) });
	assertNoSecretForms(`${shown} ${JSON.stringify(error)} ${everything(error!)}`, secrets);
}
