// Epilot benchmarks: Assign Roles for 1,000 items (node, HTTP Request node, raw undici), Return
// All of 10,000 assignables, and Request Options batching against added latency.
import { Agent, request } from 'undici';
import {
	collectGarbage,
	interleaved,
	measured,
	pairedRatios,
	REPETITIONS,
	summary,
} from './lib.mjs';
import { countExpressions, expectItems } from './engine.mjs';

export const ITEMS = 1000;
export const ASSIGNABLES = 10_000;
/** The largest page of assignables:search (spec: size maximum 1000). */
export const PAGE_SIZE = 1000;

const ORG = '200001';
const USER = '300001';
const ROLE = '200001:partner_sales';
const TOKEN = 'sandbox-epilot-token';

const input = () =>
	Array.from({ length: ITEMS }, () => ({ orgId: ORG, userId: USER, roleIds: [ROLE] }));

const credentials = (sandbox) => ({
	epilotApi: sandbox.credentials.epilotApi,
});

/** Assign Roles with every ID mapped from the item, as a workflow feeding it would. */
export const assignRolesParameters = (requestOptions) => ({
	resource: 'partnerUser',
	operation: 'assignRoles',
	orgId: { __rl: true, mode: 'id', value: '={{ $json.orgId }}' },
	userId: { __rl: true, mode: 'id', value: '={{ $json.userId }}' },
	roleIds: '={{ $json.roleIds }}',
	...(requestOptions ? { requestOptions } : {}),
});

/** The same call as n8n users build it with the HTTP Request node and the Epilot credential. */
const httpRequestParameters = (sandbox) => ({
	method: 'POST',
	url: `=${sandbox.urls.epilot}/v2/partners/{{ $json.orgId }}/users/{{ $json.userId }}/roles`,
	authentication: 'predefinedCredentialType',
	nodeCredentialType: 'epilotApi',
	sendBody: true,
	specifyBody: 'keypair',
	bodyParameters: { parameters: [{ name: 'roleIds', value: '={{ $json.roleIds }}' }] },
	options: {},
});

function runEpilot(harness, sandbox, requestOptions) {
	return async () =>
		expectItems(
			await harness.runNode({
				node: 'epilot',
				parameters: assignRolesParameters(requestOptions),
				credentials: credentials(sandbox),
				input: input(),
			}),
			ITEMS,
			'Epilot node',
		);
}

/**
 * The floor: the same 1,000 calls with undici on a keep-alive agent, started the way n8n's
 * engine starts them (all at once, then awaited), each response body read as JSON. With
 * `sequential`, one call after the other.
 */
function undiciAssignRoles(sandbox, agent, { sequential = false } = {}) {
	const url = `${sandbox.urls.epilot}/v2/partners/${ORG}/users/${USER}/roles`;
	const call = async (item) => {
		const response = await request(url, {
			method: 'POST',
			dispatcher: agent,
			headers: {
				authorization: `Bearer ${TOKEN}`,
				accept: 'application/json',
				'content-type': 'application/json',
			},
			body: JSON.stringify({ roleIds: item.roleIds }),
		});
		const body = await response.body.json();
		if (response.statusCode !== 200) throw new Error(`undici: HTTP ${response.statusCode}`);
		return body;
	};
	return async () => {
		const items = input();
		if (!sequential) return await Promise.all(items.map(call));
		const results = [];
		for (const item of items) results.push(await call(item));
		return results;
	};
}

/** Per-item cost: node vs HTTP Request node vs undici, interleaved. */
export async function perItemCost({ harness, http, sandbox, log }) {
	const agent = new Agent({ keepAliveTimeout: 30_000 });
	try {
		const variants = {
			node: runEpilot(harness, sandbox),
			httpRequestNode: async () =>
				expectItems(
					await harness.runNode({
						node: 'httpRequest',
						nodeType: http.nodeType,
						nodeTypeName: http.nodeTypeName,
						typeVersion: http.typeVersion,
						parameters: httpRequestParameters(sandbox),
						credentials: credentials(sandbox),
						input: input(),
					}),
					ITEMS,
					'HTTP Request node',
				),
			undici: undiciAssignRoles(sandbox, agent),
		};
		const times = await interleaved(variants, {
			log: (message) => log(`epilot per-item cost: ${message}`),
		});
		return {
			expressionsPerItem: {
				node: (await countExpressions(variants.node)) / ITEMS,
				httpRequestNode: (await countExpressions(variants.httpRequestNode)) / ITEMS,
			},
			node: summary(times.node),
			httpRequestNode: summary(times.httpRequestNode),
			undici: summary(times.undici),
			nodeVsHttpRequestNode: pairedRatios(times.node, times.httpRequestNode),
			nodeVsUndici: pairedRatios(times.node, times.undici),
		};
	} finally {
		await agent.close();
	}
}

/**
 * Return All of 10,000 assignables (the sandbox lists its partner organization and partner user
 * in front of the generated ones, so 9,998 are generated): requests counted by the sandbox,
 * wall time, and the peak of the JavaScript heap above what it held before the run.
 */
export async function returnAll({ harness, sandbox, log }) {
	const runs = [];
	for (let round = -1; round < REPETITIONS; round++) {
		await sandbox.control('POST', '/reset');
		const run = await measured(
			async () =>
				await harness.runNode({
					node: 'epilot',
					parameters: { resource: 'assignable', operation: 'search', returnAll: true },
					credentials: credentials(sandbox),
				}),
		);
		const { result } = run;
		expectItems(result, ASSIGNABLES, 'Return All');
		const requests = (await sandbox.control('GET', '/requests')).filter(
			(entry) => entry.operationId === 'searchAssignable',
		).length;
		if (round >= 0) runs.push({ ms: run.wallMs, requests, peakHeapMb: run.heapMb });
		log(`epilot return all: ${round < 0 ? 'warm-up' : `round ${round + 1}/${REPETITIONS}`} done`);
	}
	return {
		items: ASSIGNABLES,
		pageSize: PAGE_SIZE,
		expectedRequests: Math.ceil(ASSIGNABLES / PAGE_SIZE),
		requests: summary(runs.map((r) => r.requests)),
		wallMs: summary(runs.map((r) => r.ms)),
		peakHeapMb: summary(runs.map((r) => r.peakHeapMb)),
	};
}

/** Request Options batching, as the editor offers it under Options > Batching. */
export const BATCHING = { batchSize: 50, batchInterval: 10 };

/**
 * Against a sandbox that answers each request `latencyMs` late: the node as n8n runs it by
 * default (every item's request started at once), with Request Options batching, and the
 * sequential floor (undici, one call after the other: ≥ 1,000 × latency).
 */
export async function batching({ harness, sandbox, latencyMs, log }) {
	const agent = new Agent({ keepAliveTimeout: 30_000 });
	try {
		const times = await interleaved(
			{
				nodeDefault: runEpilot(harness, sandbox),
				nodeBatching: runEpilot(harness, sandbox, { batching: { batch: BATCHING } }),
				undiciSequential: undiciAssignRoles(sandbox, agent, { sequential: true }),
			},
			{ log: (message) => log(`epilot batching (${latencyMs} ms latency): ${message}`) },
		);
		return {
			latencyMs,
			batching: BATCHING,
			nodeDefault: summary(times.nodeDefault),
			nodeBatching: summary(times.nodeBatching),
			undiciSequential: summary(times.undiciSequential),
		};
	} finally {
		await agent.close();
	}
}
