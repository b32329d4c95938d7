// The package in n8n's queue mode (scripts/queue.mjs): Redis and PostgreSQL from Debian's
// packages, one main process, one webhook processor and two workers, the package loaded from its
// packed tarball by every n8n process, against the sandbox. Checks, in this order:
// - the ExorLive Trigger: activated on main, its callback received by the webhook processor and
//   run by a worker, once;
// - the other three examples run by the workers, with the single-process e2e's checks;
// - load: 200 webhook calls of the epilot onboarding example, 20 at a time;
// - tokens: ExorLive runs spread over both workers, exchanges counted by the sandbox;
// - a worker killed (SIGKILL) with executions in flight: what n8n does with them.
// Run with `npm run test:scale` (builds first; installs n8n, redis-server and postgresql when
// missing). Every process it starts is stopped at the end, also when a check fails.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { request } from 'undici';
import { EPILOT_SEED, EXOLINK_SEED, EXORLIVE_SEED, startSandbox } from '../sandbox/index.mjs';
import {
	OWNER,
	profileDir,
	ensureN8n,
	exampleWorkflows,
	freePort,
	n8nEnv,
} from '../../scripts/n8n.mjs';
import { executionsByWorker, importAndPublish, startQueueMode } from '../../scripts/queue.mjs';
import {
	acceptInvitation,
	callOnboardingWebhook,
	checkEpilotOnboarding,
	checkExolinkInvite,
	checkExorliveContacts,
	checkForgedCallsRejected,
	executionWithData,
	fireWorkoutReady,
	listExecutions,
	login,
	onboardingInput,
	registeredCallback,
} from '../e2e/examples.mjs';
import { eventually, outputOf, packedPackage, startedBy } from '../e2e/helpers.mjs';

const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
const WORKERS = 2;
/** Bull's lock on a running job and the check for jobs whose lock ran out (n8n: 60 s and 30 s). */
const QUEUE_TIMING = {
	QUEUE_WORKER_LOCK_DURATION: '10000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '2500',
	QUEUE_WORKER_STALLED_INTERVAL: '5000',
	N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
};

let sandbox;
let queue;
let cookie;
const examples = {};
/** Webhook-started copies of the scheduled examples (the workers run webhook executions). */
const hooked = {};

/** A copy of a scheduled example started by a production webhook at /webhook/scale-<id>. */
function webhookCopy(workflow) {
	const start = {
		id: 'scale-webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path: `scale-${workflow.id}`, responseMode: 'lastNode' },
	};
	return startedBy(workflow, start, { suffix: 'Hook' });
}

/** Calls a webhook copy; resolves with the HTTP status and body. */
async function callCopy(id) {
	const res = await request(`${queue.webhookOrigin}/webhook/scale-${id}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
		headersTimeout: 120_000,
		bodyTimeout: 120_000,
	});
	return { status: res.statusCode, body: await res.body.text() };
}

/** One execution with its run data (n8n's run format), from the REST API. */
const execution = (id) => executionWithData(queue.mainOrigin, cookie, id);

/** The newest execution of a workflow, with its run data. */
async function newestRun(workflowId) {
	const [newest] = await listExecutions(queue.mainOrigin, cookie, { workflowId, limit: 1 });
	assert.ok(newest, `no execution of ${workflowId}`);
	return await execution(newest.id);
}

/** Runs `fn` over `items`, `concurrency` at a time; resolves with the results in order. */
async function inPool(items, concurrency, fn) {
	const results = new Array(items.length);
	let next = 0;
	const lane = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index], index);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, lane));
	return results;
}

/** Counts of `values` by value. */
/** Workflows published as they are: started by a webhook, ExorLive's callback or a poll. */
const POLLED = ['epilotOnboarding', 'exorliveWorkouts', 'exolinkUserAdded', 'epilotActivation'];

const tally = (values) =>
	values.reduce((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});

const epilotWrites = () =>
	sandbox.requests.filter(
		(r) =>
			r.vendor === 'epilot' &&
			['invitePartnerV2', 'createPartnerUser', 'assignPartnerUserRoles'].includes(r.operationId),
	);

before(
	async () => {
		await ensureN8n();
		const unpacked = await packedPackage('scale');
		console.log(`# n8n installed, package built and packed after ${seconds()}`);
		sandbox = await startSandbox({ port: 0 });
		rmSync(profileDir('scale'), { recursive: true, force: true });
		const env = await n8nEnv({ profile: 'scale', extensions: unpacked, port: await freePort() });
		for (const workflow of exampleWorkflows({ sandboxOrigin: sandbox.origin })) {
			examples[workflow.id] = workflow;
		}
		for (const id of ['exorliveContacts', 'exolinkInvite']) {
			hooked[id] = webhookCopy(examples[id]);
		}
		const published = [...POLLED, ...Object.values(hooked).map((w) => w.id)];
		queue = await startQueueMode({
			env,
			workers: WORKERS,
			extra: QUEUE_TIMING,
			setup: (cliEnv) =>
				importAndPublish(cliEnv, {
					credentials: sandbox.credentials(),
					workflows: [...POLLED.map((id) => examples[id]), ...Object.values(hooked)],
					publish: published,
				}),
		});
		console.log(
			`# queue mode up after ${seconds()}: redis :${queue.redis.port}, postgres :${queue.postgres.port}, main ${queue.mainOrigin}, webhook ${queue.webhookOrigin}, ${WORKERS} workers`,
		);
		cookie = await login(queue.mainOrigin, OWNER);
	},
	{ timeout: 30 * 60_000 },
);

after(async () => {
	const pids = [
		queue?.redis.pid,
		queue?.postgres.pid,
		...[queue?.main, queue?.webhook, ...(queue?.workers ?? [])].map((p) => p?.pid),
	].filter(Boolean);
	await queue?.stop();
	await sandbox?.stop();
	// n8n's output of every process, for looking into a failure: <profileDir('scale')>/<name>.log
	for (const proc of [queue?.main, queue?.webhook, ...(queue?.workers ?? [])].filter(Boolean)) {
		writeFileSync(path.join(profileDir('scale'), `${proc.name}.log`), proc.output);
	}
	// Nothing this test started may outlive it (n8n processes: their whole process group).
	const alive = pids.filter((pid) => {
		for (const target of [pid, -pid]) {
			try {
				process.kill(target, 0);
				return true;
			} catch {
				// gone
			}
		}
		return false;
	});
	assert.deepEqual(alive, [], 'processes left running');
	console.log(`# scale finished in ${seconds()}`);
});

describe('the examples in queue mode', () => {
	test(
		'ExorLive Trigger: registered by main with the webhook processor URL, called back, run once by a worker',
		{ timeout: 120_000 },
		async () => {
			// Activation happened on main at start-up; production webhooks go to the webhook processor.
			const registered = registeredCallback(sandbox, queue.webhookOrigin);
			await checkForgedCallsRejected(registered);
			const before = await listExecutions(queue.mainOrigin, cookie, {
				workflowId: 'exorliveWorkouts',
			});
			assert.equal(before.length, 0, 'a forged call started a workflow');
			await fireWorkoutReady(sandbox);
			const [run, ...more] = await eventually(async () => {
				const runs = await listExecutions(queue.mainOrigin, cookie, {
					workflowId: 'exorliveWorkouts',
				});
				assert.ok(runs.length && runs.every((r) => r.status === 'success'), JSON.stringify(runs));
				return runs;
			});
			assert.deepEqual(more, [], 'one callback, one execution');
			const worker = executionsByWorker(queue.workers).get(String(run.id));
			assert.ok(worker, `execution ${run.id} was not run by a worker`);
			assert.equal(run.mode, 'webhook');
			console.log(`# ExorLive Trigger callback: execution ${run.id} ran on ${worker}`);
		},
	);

	test(
		'epilot: the webhook runs the onboarding chain on a worker',
		{ timeout: 120_000 },
		async () => {
			sandbox.reset();
			await callOnboardingWebhook(queue.webhookOrigin, 'queue@partner.example');
			const run = await newestRun('epilotOnboarding');
			checkEpilotOnboarding(run, sandbox, 'queue@partner.example');
			assert.deepEqual(
				epilotWrites().map((r) => r.operationId),
				['invitePartnerV2', 'createPartnerUser', 'assignPartnerUserRoles'],
			);
			assert.ok(executionsByWorker(queue.workers).has(String(run.id)));
		},
	);

	test(
		'ExorLive: each customer organization → admin user → contact → invitation link, on a worker',
		{ timeout: 120_000 },
		async () => {
			sandbox.reset();
			const { status, body } = await callCopy('exorliveContacts');
			assert.equal(status, 200, body);
			const run = await newestRun(hooked.exorliveContacts.id);
			checkExorliveContacts(run, sandbox);
			assert.ok(executionsByWorker(queue.workers).has(String(run.id)));
		},
	);

	test('Exolink: invite a user to a tenant, on a worker', { timeout: 120_000 }, async () => {
		sandbox.reset();
		const { status, body } = await callCopy('exolinkInvite');
		assert.equal(status, 200, body);
		const run = await newestRun(hooked.exolinkInvite.id);
		checkExolinkInvite(run, sandbox);
		assert.ok(executionsByWorker(queue.workers).has(String(run.id)));
	});

	test(
		'Epilot Trigger and Exolink Trigger: the invitees accept → each change starts exactly one execution, on a worker',
		{ timeout: 300_000 },
		async () => {
			// The Exolink invitee of the previous test is still pending; a new epilot user is too.
			await callOnboardingWebhook(queue.webhookOrigin, 'trigger@partner.example');
			const exolinkUser = await acceptInvitation(sandbox, 'exolink', {
				tenant: EXOLINK_SEED.tenant,
				email: 'new.colleague@company.example',
			});
			const epilotUser = await acceptInvitation(sandbox, 'epilot', {
				orgId: EPILOT_SEED.partnerOrgId,
				email: 'trigger@partner.example',
			});
			const runsOf = async (workflowId) =>
				await listExecutions(queue.mainOrigin, cookie, { workflowId });
			const runs = await eventually(async () => {
				const found = [await runsOf('exolinkUserAdded'), await runsOf('epilotActivation')];
				for (const list of found) {
					assert.equal(list.length, 1, JSON.stringify(list));
					assert.equal(list[0].status, 'success');
				}
				return found.map(([run]) => run);
			}, 150_000);
			for (const run of runs) {
				assert.equal(run.mode, 'trigger');
				assert.ok(
					executionsByWorker(queue.workers).has(String(run.id)),
					`${run.id} not on a worker`,
				);
			}
			const exolinkRun = await execution(runs[0].id);
			assert.deepEqual(outputOf(exolinkRun, 'Exolink Trigger'), [
				{
					event: 'tenantUserAdded',
					tenant: EXOLINK_SEED.tenant,
					user: {
						userId: exolinkUser.userId,
						username: 'new.colleague@company.example',
						role: 'viewer',
					},
				},
			]);
			const epilotRun = await execution(runs[1].id);
			assert.deepEqual(
				outputOf(epilotRun, 'Epilot Trigger').map((item) => [item.event, item.user.id]),
				[['partnerUserActivated', epilotUser.id]],
			);
			// Later polls (every minute, on main only) find nothing new: still one execution each.
			await new Promise((resolve) => setTimeout(resolve, 65_000));
			assert.equal((await runsOf('exolinkUserAdded')).length, 1);
			assert.equal((await runsOf('epilotActivation')).length, 1);
			const member = sandbox.state.exolink.tenants
				.find((t) => t.domainPrefix === EXOLINK_SEED.tenant)
				.members.find((m) => m.userId === exolinkUser.userId);
			assert.equal(member.role, 'user');
			const assigned = sandbox.requests.filter(
				(r) =>
					r.operationId === 'assignPartnerUserRoles' &&
					r.path.endsWith(`/users/${epilotUser.id}/roles`),
			);
			// One by the onboarding chain, one by the trigger example: never a repeat.
			assert.equal(assigned.length, 2);
		},
	);
});

describe('load, tokens and a crash with two workers', () => {
	test(
		'load: 200 onboarding webhook calls, 20 at a time: every call answered, every write once, both workers busy',
		{ timeout: 600_000 },
		async () => {
			sandbox.reset();
			const seen = new Set(executionsByWorker(queue.workers).keys());
			const emails = Array.from({ length: 200 }, (_, i) => `load-${i}@partner.example`);
			const t0 = Date.now();
			await inPool(emails, 20, (email) => callOnboardingWebhook(queue.webhookOrigin, email));
			const elapsed = (Date.now() - t0) / 1000;
			// Exactly the expected writes: one invite, one user and one role assignment per call.
			const writes = epilotWrites();
			assert.deepEqual(tally(writes.map((r) => r.operationId)), {
				invitePartnerV2: 200,
				createPartnerUser: 200,
				assignPartnerUserRoles: 200,
			});
			assert.ok(writes.every((r) => r.status < 300));
			const created = writes.filter((r) => r.operationId === 'createPartnerUser');
			assert.deepEqual(created.map((r) => r.body.email).sort(), [...emails].sort());
			const assigned = writes.filter((r) => r.operationId === 'assignPartnerUserRoles');
			assert.equal(new Set(assigned.map((r) => r.path)).size, 200, 'a user got its roles twice');
			const users = sandbox.state.epilot.orgs[0].users.filter((u) => emails.includes(u.email));
			assert.equal(users.length, 200);
			for (const user of users) assert.deepEqual(user.roleIds, EPILOT_SEED.roles);
			// Both workers ran some of them.
			const ran = [...executionsByWorker(queue.workers)].filter(([id]) => !seen.has(id));
			const perWorker = tally(ran.map(([, worker]) => worker));
			assert.equal(ran.length, 200, JSON.stringify(perWorker));
			assert.equal(Object.keys(perWorker).length, WORKERS, JSON.stringify(perWorker));
			console.log(
				`# load: 200 calls in ${elapsed.toFixed(1)} s (${(200 / elapsed).toFixed(1)}/s), executions per worker ${JSON.stringify(perWorker)}`,
			);
		},
	);

	test(
		'tokens: ExorLive runs on both workers exchange one token per user and worker at most',
		{ timeout: 300_000 },
		async () => {
			sandbox.reset();
			const seen = new Set(executionsByWorker(queue.workers).keys());
			// The first run stores the partner admin's token in the credential (PostgreSQL), where
			// every process reads it; act-as tokens stay in each process's memory.
			const first = await callCopy('exorliveContacts');
			assert.equal(first.status, 200, first.body);
			const customerAdmins = outputOf(
				await newestRun(hooked.exorliveContacts.id),
				'Get Admin User ID',
			).map((item) => item.adminUserId);
			assert.equal(customerAdmins.length, 3);
			const runsOf = () => [...executionsByWorker(queue.workers)].filter(([id]) => !seen.has(id));
			for (let round = 0; round < 6; round++) {
				const calls = await inPool(Array.from({ length: 8 }), 8, () =>
					callCopy('exorliveContacts'),
				);
				for (const call of calls) assert.equal(call.status, 200, call.body);
				if (new Set(runsOf().map(([, worker]) => worker)).size === WORKERS) break;
			}
			const runs = runsOf();
			const workersUsed = new Set(runs.map(([, worker]) => worker));
			assert.equal(workersUsed.size, WORKERS, 'the runs did not reach both workers');
			const { tokenExchanges, exchangesByUser } = sandbox.state.exorlive;
			const users = 1 + customerAdmins.length;
			// Partner admin: once (the first run); each customer admin: once per worker.
			const expected = 1 + customerAdmins.length * workersUsed.size;
			console.log(
				`# tokens: ${runs.length} ExorLive runs on ${workersUsed.size} workers ${JSON.stringify(tally(runs.map(([, w]) => w)))}: ${tokenExchanges} token exchanges (expected ${expected} = 1 partner admin + ${customerAdmins.length} customer admins × ${workersUsed.size} workers; bound ${WORKERS} workers × ${users} users = ${WORKERS * users}); by user ${JSON.stringify(exchangesByUser)}`,
			);
			assert.equal(tokenExchanges, expected);
			assert.ok(tokenExchanges <= WORKERS * users);
			assert.equal(exchangesByUser[EXORLIVE_SEED.adminUserId], 1);
			for (const id of customerAdmins) assert.equal(exchangesByUser[id], workersUsed.size);
		},
	);

	test(
		'a worker killed (SIGKILL) with executions in flight: none silently lost, no write repeated',
		{ timeout: 300_000 },
		async () => {
			sandbox.reset();
			const seen = new Set(executionsByWorker(queue.workers).keys());
			const [newest] = await listExecutions(queue.mainOrigin, cookie, { limit: 1 });
			const lastBefore = Number(newest?.id ?? 0);
			const [survivor, victim] = queue.workers;
			// Every vendor answer 400 ms late: each run takes over a second, so some are in flight.
			sandbox.setLatency(400);
			const emails = Array.from({ length: 20 }, (_, i) => `crash-${i}@partner.example`);
			const answers = Promise.all(
				emails.map(async (email) => {
					const res = await request(`${queue.webhookOrigin}/webhook/epilot-partner-onboarding`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ ...onboardingInput, email }),
						headersTimeout: 180_000,
						bodyTimeout: 180_000,
					});
					return { email, status: res.statusCode, body: await res.body.text() };
				}),
			);
			const startedOn = (worker) =>
				[...executionsByWorker([worker]).keys()].filter((id) => !seen.has(id));
			await eventually(() => {
				assert.ok(startedOn(victim).length >= 2 && startedOn(survivor).length >= 1);
				assert.ok(epilotWrites().length >= 4);
			}, 60_000);
			const finishedOnVictim = () =>
				[...victim.output.matchAll(/Worker finished execution (\d+)/g)].map((m) => m[1]);
			const killedAt = Date.now();
			await victim.kill();
			const inFlight = startedOn(victim).filter((id) => !finishedOnVictim().includes(id));
			const writesAtKill = epilotWrites().length;
			assert.ok(inFlight.length >= 1, 'no execution was in flight on the killed worker');
			const results = await answers;
			const answeredAfter = ((Date.now() - killedAt) / 1000).toFixed(1);
			sandbox.setLatency(0);

			// n8n's record: every execution of these calls, none left running.
			const executions = await eventually(async () => {
				const listed = (
					await listExecutions(queue.mainOrigin, cookie, { workflowId: 'epilotOnboarding' })
				).filter((e) => Number(e.id) > lastBefore);
				assert.equal(listed.length, 20, JSON.stringify(listed.map((e) => [e.id, e.status])));
				assert.ok(listed.every((e) => !['new', 'running', 'waiting'].includes(e.status)));
				return listed;
			}, 120_000);
			const statusOf = new Map(executions.map((e) => [String(e.id), e.status]));
			const unsuccessful = [...statusOf].filter(([, status]) => status !== 'success');
			// No execution ran twice: a stalled job is not given to another worker. The ones that
			// did not succeed are exactly those the killed worker had taken.
			const onSurvivor = startedOn(survivor);
			for (const id of inFlight) assert.ok(!onSurvivor.includes(id), `execution ${id} re-ran`);
			for (const id of inFlight) assert.notEqual(statusOf.get(id), 'success');
			for (const [id] of unsuccessful)
				assert.ok(!onSurvivor.includes(id), `${id} failed on ${survivor.name}`);

			// Every call answered; a 200 means the whole chain ran.
			const ok = results.filter((r) => r.status === 200);
			const failed = results.filter((r) => r.status !== 200);
			assert.equal(ok.length + failed.length, 20);
			assert.equal(failed.length, unsuccessful.length, JSON.stringify(results));
			const users = sandbox.state.epilot.orgs[0].users;
			for (const { email } of ok) {
				assert.deepEqual(users.find((u) => u.email === email)?.roleIds, EPILOT_SEED.roles);
			}
			// No write sent twice: per call at most one user created, per user one role assignment.
			const writes = epilotWrites();
			const creates = tally(
				writes.filter((r) => r.operationId === 'createPartnerUser').map((r) => r.body.email),
			);
			assert.ok(
				Object.values(creates).every((n) => n === 1),
				JSON.stringify(creates),
			);
			const assigns = tally(
				writes.filter((r) => r.operationId === 'assignPartnerUserRoles').map((r) => r.path),
			);
			assert.ok(
				Object.values(assigns).every((n) => n === 1),
				JSON.stringify(assigns),
			);
			assert.ok(writes.filter((r) => r.operationId === 'invitePartnerV2').length <= 20);
			const partial = failed.map((r) => {
				const made = users.find((u) => u.email === r.email);
				return made ? (made.roleIds.length ? 'user and roles' : 'user, no roles') : 'no user';
			});
			console.log(
				[
					`# worker killed: ${inFlight.length} executions in flight on ${victim.name} (${inFlight.join(', ')}), ${writesAtKill} epilot writes sent by then`,
					`#   n8n: not re-run on ${survivor.name}; execution status ${JSON.stringify(tally(unsuccessful.map(([, status]) => status)))} (${unsuccessful.length} executions); callers answered ${JSON.stringify(tally(failed.map((r) => r.status)))} within ${answeredAfter} s of the kill`,
					`#   ${failed[0] ? `answer body: ${failed[0].body.slice(0, 200)}` : ''}`,
					`#   vendor state of the failed calls: ${JSON.stringify(tally(partial))}; the other ${ok.length} calls completed (200)`,
				].join('\n'),
			);
		},
	);
});
