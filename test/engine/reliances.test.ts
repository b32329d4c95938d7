/**
 * What the package relies on about n8n's declarative engine (n8n-core
 * execution-engine/routing-node.js), one test per reliance, each through the real engine with a
 * node made up for it. A failure here means the n8n in use changed that point: the message
 * names the package module that relies on it. The same file runs on each n8n line the package
 * supports (`npm test` on the pinned one; test:compat on the others).
 */
import type {
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { DirectoryLoader } from 'n8n-core';
import { NodeApiError } from 'n8n-workflow';
import { runNode } from '../harness/engine';
import { ApiMock } from '../harness/http';

// The package's own modules (dist/), as the nodes use them.
/* eslint-disable @typescript-eslint/no-require-imports */
const hook =
	require('../../dist/nodes/shared/engine/requestHook') as typeof import('../../nodes/shared/engine/requestHook');
/* eslint-enable @typescript-eslint/no-require-imports */

const ORIGIN = 'https://engine-probe.test';

/** `ctx` and its prototypes. */
function prototypeChain(ctx: object): object[] {
	const chain: object[] = [];
	for (let inner: object | null = ctx; inner; inner = Object.getPrototypeOf(inner) as object) {
		chain.push(inner);
	}
	return chain;
}

interface Probe {
	preSend?: PreSendAction[];
	/** preSend of a field, run with the operation's. */
	fieldPreSend?: PreSendAction[];
	postReceive?: PostReceiveAction[];
	hook?: (
		this: IExecutePaginationFunctions,
		requestData: Parameters<import('../../nodes/shared/engine/requestHook').Pagination>[0],
	) => Promise<INodeExecutionData[]>;
}

/** A declarative node with one operation built from `probe`. */
function probeNode(probe: Probe): INodeType {
	const node = describedProbe(probe);
	// What n8n's loader adds to every declarative node (Settings > Request Options > Batching …).
	DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
	return node;
}

function describedProbe(probe: Probe): INodeType {
	const taken = probe.hook ? hook.takeOverSending(probe.hook) : undefined;
	const properties: INodeProperties[] = [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			default: 'get',
			options: [
				{
					name: 'Get',
					value: 'get',
					routing: {
						request: { method: 'GET', url: '/thing' },
						send: { preSend: probe.preSend ?? [], ...(taken?.send ?? {}) },
						output: { postReceive: probe.postReceive ?? [] },
						...(taken ? { operations: taken.operations } : {}),
					},
				},
			],
		},
		{
			displayName: 'Value',
			name: 'value',
			type: 'string',
			default: 'v',
			routing: { send: { preSend: probe.fieldPreSend ?? [] } },
		},
	];
	return {
		description: {
			displayName: 'Probe',
			name: 'probe',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Probe' },
			inputs: ['main'],
			outputs: ['main'],
			requestDefaults: { baseURL: ORIGIN, json: true, ignoreHttpStatusErrors: true },
			properties,
		},
	} as INodeType;
}

async function run(probe: Probe, input: IDataObject[] = [{}], extra: IDataObject = {}) {
	return await runNode({
		node: 'probe',
		nodeType: probeNode(probe),
		parameters: { operation: 'get' },
		input,
		...extra,
	});
}

const relied = (module: string, what: string) =>
	`n8n's routing engine changed: ${what}. ${module} relies on it.`;

describe("What the package relies on in n8n's declarative engine", () => {
	afterEach(() => jest.restoreAllMocks());

	it('the paging hook is called once per item instead of sending, and sends with makeRoutingRequest (engine/requestHook.ts takeOverSending)', async () => {
		const api = new ApiMock(ORIGIN).reply({ body: { n: 1 } }, { body: { n: 2 } });
		const calls: number[] = [];
		const result = await run(
			{
				hook: async function (requestData) {
					calls.push(this.getItemIndex());
					if (this.getItemIndex() === 1) return [{ json: { sent: false } }];
					return await this.makeRoutingRequest(requestData);
				},
			},
			[{}, {}],
		);
		expect({ calls, requests: api.requests.length }).toEqual(
			expect.objectContaining({ calls: [0, 1], requests: 1 }),
		);
		const output = result.items.map((item) => item.json);
		if (output.length !== 2) throw new Error(relied('requestStep.ts', 'the hook output'));
		expect(output).toEqual([{ n: 1 }, { sent: false }]);
	});

	it('an action added to requestData.postReceive runs first on every answer of makeRoutingRequest (engine/requestHook.ts runFirstOnEveryAnswer)', async () => {
		new ApiMock(ORIGIN).reply({ body: { page: 1 } }, { body: { page: 2 } });
		const seen: string[] = [];
		const result = await run({
			postReceive: [
				async function (items) {
					seen.push(`operation ${JSON.stringify(items[0].json)}`);
					return items;
				},
			],
			hook: async function (requestData) {
				hook.runFirstOnEveryAnswer(requestData, async function (items, response) {
					seen.push(`first ${JSON.stringify(response.body)}`);
					return items;
				});
				const first = await this.makeRoutingRequest(requestData);
				const second = await this.makeRoutingRequest(requestData);
				return [...first, ...second];
			},
		});
		expect(result.error).toBeUndefined();
		expect({ seen, why: relied('requestStep.ts', 'postReceive of requestData') }).toEqual({
			seen: [
				'first {"page":1}',
				'operation {"page":1}',
				'first {"page":2}',
				'operation {"page":2}',
			],
			why: relied('requestStep.ts', 'postReceive of requestData'),
		});
	});

	it("the item's preSend context is in the paging hook's prototype chain, one per item, shared by all its preSend steps (engine/perItem.ts)", async () => {
		new ApiMock(ORIGIN).reply({ body: {} }, { body: {} });
		const preSend = new Map<number, object[]>();
		const record: PreSendAction = async function (this: IExecuteSingleFunctions, options) {
			preSend.set(this.getItemIndex(), [...(preSend.get(this.getItemIndex()) ?? []), this]);
			return options;
		};
		const chains = new Map<number, object[]>();
		await run(
			{
				preSend: [record, record],
				fieldPreSend: [record],
				hook: async function (requestData) {
					chains.set(this.getItemIndex(), prototypeChain(this));
					return await this.makeRoutingRequest(requestData);
				},
			},
			[{}, {}],
		);
		for (const index of [0, 1]) {
			const contexts = preSend.get(index) ?? [];
			expect({ item: index, steps: contexts.length }).toEqual({ item: index, steps: 3 });
			expect({ item: index, sameContext: new Set(contexts).size === 1 }).toEqual({
				item: index,
				sameContext: true,
			});
			expect({
				item: index,
				inHookChain: (chains.get(index) ?? []).includes(contexts[0]),
				why: relied('requestStep.ts (errors kept under On Error: Continue)', 'paging context'),
			}).toEqual(expect.objectContaining({ item: index, inHookChain: true }));
		}
		expect(preSend.get(0)?.[0]).not.toBe(preSend.get(1)?.[0]);
	});

	it('a preSend error under On Error: Continue becomes an error item without pairedItem when the items do not match up one to one (requestStep.ts keeps input errors for the request step)', async () => {
		new ApiMock(ORIGIN).reply({ body: { ok: true } });
		const result = await run(
			{
				preSend: [
					async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
						if (this.getItemIndex() === 0) throw new Error('bad input');
						return options;
					},
				],
				// Item 1 gives two items: n8n cannot pair the outputs by position.
				postReceive: [async (items) => [...items, ...items.map((item) => ({ ...item }))]],
			},
			[{}, {}],
			{ continueOnFail: true },
		);
		const failed = result.items.find((item) => item.error);
		expect({
			outputs: result.items.length,
			pairedItem: failed?.pairedItem,
			why: 'If n8n now pairs preSend errors itself, the deferral in requestStep.ts can go.',
		}).toEqual({
			outputs: 3,
			pairedItem: undefined,
			why: 'If n8n now pairs preSend errors itself, the deferral in requestStep.ts can go.',
		});
	});

	it('a NodeApiError from a routing hook reaches the run as it is; any other error becomes a NodeApiError with httpCode "none" (engine/inputError.ts)', async () => {
		new ApiMock(ORIGIN).reply({ body: {} }, { body: {} });
		const own = async function (this: IExecuteSingleFunctions) {
			const error = new NodeApiError(this.getNode(), {}, { message: 'own message' });
			error.name = 'NodeOperationError';
			Reflect.deleteProperty(error, 'httpCode');
			throw error;
		};
		const kept = await run({ preSend: [own] });
		expect({
			name: kept.error?.name,
			message: kept.error?.message,
			httpCode: kept.error?.httpCode,
		}).toEqual({ name: 'NodeOperationError', message: 'own message', httpCode: undefined });
		const other = await run({
			preSend: [
				async () => {
					throw new Error('plain');
				},
			],
		});
		expect({ name: other.error?.name, httpCode: other.error?.httpCode }).toEqual({
			name: 'NodeApiError',
			httpCode: 'none',
		});
	});

	it('items are started side by side, with the same execute data; Batching waits between batches (engine/perRun.ts)', async () => {
		new ApiMock(ORIGIN).reply({ body: {} }, { body: {} }, { body: {} });
		const events: string[] = [];
		const executeData = new Set<unknown>();
		await run(
			{
				preSend: [
					async function (this: IExecuteSingleFunctions, options) {
						events.push('start');
						executeData.add(this.getExecuteData());
						return options;
					},
				],
				postReceive: [
					async function (items) {
						events.push('answer');
						return items;
					},
				],
			},
			[{}, {}, {}],
		);
		expect({
			events,
			sameExecuteData: executeData.size === 1,
			why: relied('engine/perRun.ts', 'how items of one run are started'),
		}).toEqual({
			events: ['start', 'start', 'start', 'answer', 'answer', 'answer'],
			sameExecuteData: true,
			why: relied('engine/perRun.ts', 'how items of one run are started'),
		});

		new ApiMock(ORIGIN).reply({ body: {} }, { body: {} });
		const at: number[] = [];
		await runNode({
			node: 'probe',
			nodeType: probeNode({
				preSend: [
					async function (options) {
						at.push(Date.now());
						return options;
					},
				],
			}),
			parameters: {
				operation: 'get',
				requestOptions: { batching: { batch: { batchSize: 1, batchInterval: 200 } } },
			},
			input: [{}, {}],
		});
		expect(at.length).toBe(2);
		expect(at[1] - at[0]).toBeGreaterThanOrEqual(150);
	});
});
