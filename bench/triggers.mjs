// Trigger benchmarks: one poll of the Epilot Trigger and of the Exolink Trigger watching a
// partner organization / tenant of 10,000 users (issue: "a tenant of 10,000 users polled every
// minute; state ≤ 1 MB, one poll ≤ 1 s of CPU"), run by n8n-core through the polling harness
// (test/harness/poll.ts) against the sandbox, next to the floor: the same list fetched with raw
// undici. Part of `npm run bench`; alone: `node --expose-gc bench/triggers.mjs` (builds the
// package, compiles the harness, starts its own sandbox and prints its rows).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Agent, request } from 'undici';
import { format, measured, pairedRatios, REPETITIONS, summary, table } from './lib.mjs';

/** Users generated in the watched organization / tenant (the seeded ones come on top). */
export const USERS = 10_000;
/** The issue's limits: saved state (JSON of the workflow's static data) and CPU of one poll. */
export const STATE_LIMIT_BYTES = 1_000_000;
export const CPU_LIMIT_MS = 1000;
/** Timed rounds: a poll takes about 0.1 s, so 4 × BENCH_REPETITIONS steady the medians cheaply. */
export const ROUNDS = 4 * REPETITIONS;

const EPILOT_ORG = '200001';
const EXOLINK_TENANT = 'abc123';

/** A POST to a vendor's control endpoint of the sandbox (`/_sandbox/<vendor>/…`) with a body. */
async function control(sandbox, pathname, body) {
	const response = await request(`${sandbox.origin}/_sandbox${pathname}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const text = await response.body.text();
	if (response.statusCode >= 300) {
		throw new Error(`sandbox control ${pathname}: ${response.statusCode} ${text}`);
	}
	return text ? JSON.parse(text) : undefined;
}

/** A vendor API call as a user of the vendor would make it (the changes between two polls). */
async function vendorCall(url, token, method, body) {
	const response = await request(url, {
		method,
		headers: {
			authorization: `Bearer ${token}`,
			accept: 'application/json',
			...(body ? { 'content-type': 'application/json' } : {}),
		},
		body: body ? JSON.stringify(body) : undefined,
	});
	const text = await response.body.text();
	if (response.statusCode >= 300) {
		throw new Error(`${method} ${url}: ${response.statusCode} ${text}`);
	}
}

/**
 * What differs between the triggers: node, parameters, how the sandbox generates the users, the
 * list's URL and shape, and the few changes made (untimed) before a "changes" poll: 2 users
 * added, 1 user's roles changed, 1 user removed — 4 events, all of them selected.
 */
const TRIGGERS = {
	epilot: {
		label: 'Epilot Trigger',
		node: 'epilotTrigger',
		credentialType: 'epilotApi',
		parameters: {
			events: [
				'partnerUserAdded',
				'partnerUserActivated',
				'partnerUserRolesChanged',
				'partnerUserRemoved',
			],
			orgIds: [EPILOT_ORG],
		},
		async generate(sandbox) {
			const answer = await control(sandbox, '/epilot/users', {
				orgId: EPILOT_ORG,
				count: USERS,
				status: 'Active',
				roleIds: [`${EPILOT_ORG}:partner_sales`],
			});
			// Generated IDs are consecutive: roles are changed from the first up, users removed from
			// the last down.
			const first = Number(answer.firstUserId);
			const last = Number(answer.lastUserId);
			let changed = 0;
			let removed = 0;
			return async () => {
				const base = `${sandbox.urls.epilot}/v2/partners/${EPILOT_ORG}/users`;
				const token = sandbox.credentials.epilotApi.accessToken;
				await control(sandbox, '/epilot/users', { orgId: EPILOT_ORG, count: 2, status: 'Pending' });
				await vendorCall(`${base}/${first + changed++}/roles`, token, 'POST', {
					roleIds: [`${EPILOT_ORG}:partner_viewer`],
				});
				await vendorCall(`${base}/${last - removed++}`, token, 'DELETE');
			};
		},
		listUrl: (sandbox) => `${sandbox.urls.epilot}/v2/partners/${EPILOT_ORG}/users`,
		token: (sandbox) => sandbox.credentials.epilotApi.accessToken,
		users: (body) => body.results,
		expectedEvents: [
			'partnerUserAdded',
			'partnerUserAdded',
			'partnerUserRolesChanged',
			'partnerUserRemoved',
		],
	},
	exolink: {
		label: 'Exolink Trigger',
		node: 'exolinkTrigger',
		credentialType: 'exolinkApi',
		parameters: {
			events: ['tenantUserAdded', 'tenantUserRoleChanged', 'tenantUserRemoved'],
			tenants: EXOLINK_TENANT,
		},
		async generate(sandbox) {
			await control(sandbox, '/exolink/users', {
				tenant: EXOLINK_TENANT,
				count: USERS,
				role: 'user',
			});
			// Generated users (random UUIDs) are told apart from the seeded ones by their username.
			const token = sandbox.credentials.exolinkApi.accessToken;
			const base = `${sandbox.urls.exolink}/tenant/${EXOLINK_TENANT}/user`;
			const response = await request(base, { headers: { authorization: `Bearer ${token}` } });
			const ids = (await response.body.json())
				.filter((u) => /^user\d+@example\.invalid$/.test(u.username))
				.map((u) => u.userId);
			let changed = 0;
			let removed = 0;
			return async () => {
				await control(sandbox, '/exolink/users', {
					tenant: EXOLINK_TENANT,
					count: 2,
					role: 'user',
				});
				await vendorCall(`${base}/${ids[changed++]}`, token, 'PUT', { role: 'viewer' });
				await vendorCall(`${base}/${ids[ids.length - 1 - removed++]}`, token, 'DELETE');
			};
		},
		listUrl: (sandbox) => `${sandbox.urls.exolink}/tenant/${EXOLINK_TENANT}/user`,
		token: (sandbox) => sandbox.credentials.exolinkApi.accessToken,
		users: (body) => body,
		expectedEvents: [
			'tenantUserAdded',
			'tenantUserAdded',
			'tenantUserRoleChanged',
			'tenantUserRemoved',
		],
	},
};

const stateBytes = (poll) => Buffer.byteLength(poll.saved);

/**
 * One trigger: the users generated, the trigger activated (its first poll records the baseline
 * and n8n saves it), then interleaved rounds (after a warm-up round) of a poll with nothing
 * changed, a poll after the 4 changes, and the floor: GET of the same list with undici on a
 * keep-alive agent, its body parsed as JSON.
 */
async function measureTrigger(name, { PollHarness, sandbox, log }) {
	const trigger = TRIGGERS[name];
	const change = await trigger.generate(sandbox);
	const poll = await PollHarness.create({
		node: trigger.node,
		parameters: trigger.parameters,
		credentials: { [trigger.credentialType]: sandbox.credentials[trigger.credentialType] },
	});
	const activation = await poll.activate();
	if (activation.error) throw new Error(`${trigger.label} activation: ${activation.error.message}`);
	if (activation.items.length) {
		throw new Error(`${trigger.label} activation emitted ${activation.items.length} items`);
	}
	const groupState = () => Object.values(poll.nodeStaticData.users ?? {})[0] ?? {};
	const watched = Object.keys(groupState()).length;
	if (watched < USERS) throw new Error(`${trigger.label}: ${watched} users in the state`);
	const state = { afterActivation: stateBytes(poll), watched, max: stateBytes(poll) };

	const agent = new Agent({ keepAliveTimeout: 30_000 });
	const url = trigger.listUrl(sandbox);
	const token = trigger.token(sandbox);
	let listed = 0;
	const variants = {
		steady: {
			run: async () => {
				const result = await poll.poll();
				if (result.error) throw new Error(`${trigger.label} poll: ${result.error.message}`);
				if (!result.none) {
					throw new Error(`${trigger.label}: ${result.items.length} items with nothing changed`);
				}
			},
		},
		changes: {
			before: change,
			run: async () => {
				const result = await poll.poll();
				if (result.error) throw new Error(`${trigger.label} poll: ${result.error.message}`);
				const events = result.items.map((item) => item.json.event).sort();
				if (JSON.stringify(events) !== JSON.stringify([...trigger.expectedEvents].sort())) {
					throw new Error(`${trigger.label}: events ${events.join(', ')} after the changes`);
				}
				state.max = Math.max(state.max, stateBytes(poll));
			},
		},
		undici: {
			run: async () => {
				const response = await request(url, {
					dispatcher: agent,
					headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
				});
				const body = await response.body.json();
				if (response.statusCode !== 200) throw new Error(`undici: HTTP ${response.statusCode}`);
				listed = trigger.users(body).length;
				if (listed < USERS) throw new Error(`undici: ${listed} users listed`);
			},
		},
	};
	const names = Object.keys(variants);
	const runs = Object.fromEntries(names.map((n) => [n, []]));
	try {
		for (let round = -1; round < ROUNDS; round++) {
			const order = names.map((_, i) => names[(i + Math.max(round, 0)) % names.length]);
			for (const variant of order) {
				await variants[variant].before?.();
				const run = await measured(variants[variant].run);
				if (round >= 0) runs[variant].push(run);
			}
			if (round < 0 || (round + 1) % REPETITIONS === 0) {
				log(`${trigger.label}: ${round < 0 ? 'warm-up' : `round ${round + 1}/${ROUNDS}`} done`);
			}
		}
	} finally {
		await agent.close();
	}
	const of = (variant, key) => runs[variant].map((run) => run[key]);
	const series = (variant) => ({
		cpuMs: summary(of(variant, 'cpuMs')),
		wallMs: summary(of(variant, 'wallMs')),
		heapMb: summary(of(variant, 'heapMb')),
	});
	return {
		label: trigger.label,
		rounds: ROUNDS,
		listedLast: listed,
		state: { ...state, final: stateBytes(poll) },
		changes: trigger.expectedEvents.length,
		steady: series('steady'),
		changesPoll: series('changes'),
		undici: series('undici'),
		steadyVsUndici: {
			cpu: pairedRatios(of('steady', 'cpuMs'), of('undici', 'cpuMs')),
			wall: pairedRatios(of('steady', 'wallMs'), of('undici', 'wallMs')),
		},
		changesVsUndici: {
			cpu: pairedRatios(of('changes', 'cpuMs'), of('undici', 'cpuMs')),
			wall: pairedRatios(of('changes', 'wallMs'), of('undici', 'wallMs')),
		},
	};
}

/**
 * Both triggers, each against a sandbox of its own holding the 10,000 users (so the other
 * benchmarks' sandbox keeps its seeded organization). `startSandbox` and `loadPollHarness` come
 * from bench/engine.mjs.
 */
export async function pollCost({ startSandbox, loadPollHarness, log }) {
	const { PollHarness } = loadPollHarness();
	const results = {};
	for (const name of Object.keys(TRIGGERS)) {
		const sandbox = await startSandbox();
		try {
			results[name] = await measureTrigger(name, { PollHarness, sandbox, log });
		} finally {
			await sandbox.stop();
		}
	}
	return results;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (s) => ({
	median: `${s.median.toFixed(0)} MB`,
	range: `${s.min.toFixed(0)}–${s.max.toFixed(0)} MB`,
});
const range = (s, unit = format.ms) => `${unit(s.min)}–${unit(s.max)}`;

/** The table rows of `pollCost`'s results. */
export function rows(results) {
	return Object.values(results).flatMap((r) => [
		{
			measurement: `${r.label}, ${r.state.watched} users: saved state (largest)`,
			value: `${kb(r.state.max)}, ${Math.round(r.state.max / r.state.watched)} bytes per user`,
			target: '≤ 1 MB',
			pass: r.state.max <= STATE_LIMIT_BYTES,
		},
		{
			measurement: `${r.label}: CPU per poll, nothing changed (${r.rounds} rounds)`,
			median: format.ms(r.steady.cpuMs.median),
			range: range(r.steady.cpuMs),
			value: `wall ${format.ms(r.steady.wallMs.median)}`,
			target: '≤ 1 s (every poll)',
			pass: r.steady.cpuMs.max <= CPU_LIMIT_MS,
		},
		{
			measurement: `${r.label}: CPU per poll, ${r.changes} changes`,
			median: format.ms(r.changesPoll.cpuMs.median),
			range: range(r.changesPoll.cpuMs),
			value: `wall ${format.ms(r.changesPoll.wallMs.median)}`,
			target: '≤ 1 s (every poll)',
			pass: r.changesPoll.cpuMs.max <= CPU_LIMIT_MS,
		},
		{
			measurement: `${r.label}: CPU of the list via raw undici (floor)`,
			median: format.ms(r.undici.cpuMs.median),
			range: range(r.undici.cpuMs),
			value: `wall ${format.ms(r.undici.wallMs.median)}`,
		},
		{
			measurement: `${r.label}: poll, nothing changed / undici (CPU)`,
			median: format.ratio(r.steadyVsUndici.cpu.median),
			range: range(r.steadyVsUndici.cpu, format.ratio),
			value: `wall ${format.ratio(r.steadyVsUndici.wall.median)}`,
		},
		{
			measurement: `${r.label}: poll, nothing changed: peak heap growth`,
			...mb(r.steady.heapMb),
			value: `undici ${mb(r.undici.heapMb).median}`,
		},
	]);
}

// Alone: build, compile the harness, measure, print the rows.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	const { npm } = await import('../scripts/n8n.mjs');
	const engine = await import('./engine.mjs');
	const started = Date.now();
	const log = (message) =>
		console.error(
			`[bench:triggers ${String(Math.round((Date.now() - started) / 1000)).padStart(3)} s] ${message}`,
		);
	if (!globalThis.gc) log('without --expose-gc: garbage of one run may be collected in the next');
	log('building the package');
	await npm(['run', 'build', '--silent'], { capture: true });
	log('compiling the engine harness');
	await engine.loadHarness();
	const results = await pollCost({ ...engine, log });
	console.log(`\n${ROUNDS} rounds (interleaved), medians\n`);
	console.log(table(rows(results)).text);
	if (process.env.BENCH_JSON) console.log(JSON.stringify(results, null, 2));
}
