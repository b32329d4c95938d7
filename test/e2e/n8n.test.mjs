// End-to-end with the real n8n CLI (pinned in scripts/n8n.mjs) against the sandbox:
// - the package is loaded from its packed npm tarball, unpacked into a custom extensions folder;
// - credentials and the example workflows are imported with `n8n import:*`;
// - a manual-trigger copy of each example with a schedule or webhook trigger runs with
//   `n8n execute`; then the webhook example and the ExorLive Trigger example run inside
//   `n8n start`, called over HTTP with undici and by the sandbox's ExorLive callback;
// - outputs, the sandbox's state and n8n's log are checked.
// Run with `npm run test:e2e` (builds first). Everything is bounded and always stopped.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { request } from 'undici';
import {
	EPILOT_SEED,
	EXOLINK_SEED,
	EXORLIVE_CLIENT,
	EXORLIVE_SEED,
	startSandbox,
} from '../sandbox/index.mjs';
import {
	N8N_VERSION,
	OWNER,
	activateWorkflow,
	ensureN8n,
	exampleWorkflows,
	freePort,
	importIntoN8n,
	n8nCli,
	n8nEnv,
	profileDir,
	setUpOwner,
	startN8n,
	waitForN8n,
} from '../../scripts/n8n.mjs';
import {
	acceptInvitation,
	callOnboardingWebhook,
	checkEpilotOnboarding,
	checkForgedCallsRejected,
	checkOnboarded,
	checkExolinkInvite,
	checkExorliveContacts,
	executionWithData,
	fireWorkoutReady,
	listExecutions,
	login,
	onboardingInput,
	registeredCallback,
} from './examples.mjs';
import { STARTERS, eventually, manualCopy, outputOf, packedPackage, parseRun } from './helpers.mjs';

const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
const PACKAGE_NODES = [
	...['epilot', 'epilotTrigger', 'exolink', 'exolinkTrigger', 'exorLive', 'exorLiveTrigger'],
	// The variants n8n makes of nodes usable as AI Agent tools.
	...['epilotTool', 'exolinkTool', 'exorLiveTool'],
].map((n) => `CUSTOM.${n}`);
const PACKAGE_CREDENTIALS = ['epilotApi', 'exolinkApi', 'exorLiveApi'];

async function executeCopy(id) {
	const { stdout, code, signal } = await n8nCli(
		['execute', `--id=${manualCopy(examples[id]).id}`, '--rawOutput'],
		env,
		180_000,
		{ allowFailure: true },
	);
	const result = parseRun(stdout);
	assert.equal(result.status, 'success', JSON.stringify(result.data.resultData.error));
	assert.ok(code === 0 || signal, `n8n execute exited with ${code} after a successful run`);
	// Seen now and then on 2.40.7: the CLI process is ended by a signal while shutting down,
	// after it printed and stored the finished run; the run is what is checked here.
	if (signal) console.log(`# note: n8n execute --id=${id} ended by ${signal} after the run`);
	return result;
}

/**
 * Workflows that fail at their Epilot node: on the vendor's answer (the sandbox's `error-404`
 * organization answers 404) and on an input check, before anything is sent.
 */
const ERROR_CASES = {
	vendor: {
		id: 'e2eVendorError',
		parameters: {
			resource: 'partnerUser',
			operation: 'getAll',
			orgId: { __rl: true, mode: 'id', value: 'error-404' },
		},
	},
	input: {
		id: 'e2eInputError',
		parameters: {
			resource: 'partnerUser',
			operation: 'create',
			orgId: { __rl: true, mode: 'id', value: EPILOT_SEED.partnerOrgId },
			email: 'not-an-email',
		},
	},
};

/** Manual Trigger → one Epilot node with `parameters`. */
const errorWorkflow = ({ id, parameters }) => ({
	id,
	name: `Error check (${id})`,
	active: false,
	settings: {},
	nodes: [
		{
			id: `${id}-start`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: `${id}-epilot`,
			name: 'Epilot',
			type: 'CUSTOM.epilot',
			typeVersion: 1,
			position: [240, 0],
			parameters,
			credentials: { epilotApi: { id: 'sandboxEpilot001', name: 'Epilot (sandbox)' } },
		},
	],
	connections: { Start: { main: [[{ node: 'Epilot', type: 'main', index: 0 }]] } },
});

/** Runs an error case with `n8n execute`: the error stored for its Epilot node. */
async function failedNode(errorCase) {
	const { stdout, code } = await n8nCli(
		['execute', `--id=${errorCase.id}`, '--rawOutput'],
		env,
		180_000,
		{
			allowFailure: true,
		},
	);
	assert.notEqual(code, 0, 'the failed execution must end the CLI with an error');
	const result = parseRun(stdout);
	assert.equal(result.status, 'error');
	const [task] = result.data.resultData.runData.Epilot;
	assert.ok(task.error, JSON.stringify(task));
	return task.error;
}

let sandbox;
let env;
let n8n;
let base;
let cookie;
const examples = {};

before(
	async () => {
		await ensureN8n();
		console.log(`# n8n ${N8N_VERSION} ready after ${seconds()}`);
		// Load what users install: the packed tarball's content (dist/ and package.json).
		const unpacked = await packedPackage('e2e');
		sandbox = await startSandbox({ port: 0 });
		rmSync(profileDir('e2e'), { recursive: true, force: true });
		env = await n8nEnv({ profile: 'e2e', extensions: unpacked, port: await freePort() });
		for (const workflow of exampleWorkflows({ sandboxOrigin: sandbox.origin })) {
			examples[workflow.id] = workflow;
		}
		const workflows = Object.values(examples);
		// The epilot copy stands for a webhook call: its Set node emits the call's body.
		const triggerOutput = {
			epilotOnboarding: { body: { ...onboardingInput, email: 'cli@partner.example' } },
		};
		const copies = workflows
			.filter((workflow) => workflow.nodes.some((node) => STARTERS.includes(node.type)))
			.map((workflow) => manualCopy(workflow, triggerOutput[workflow.id]));
		await importIntoN8n(env, {
			credentials: sandbox.credentials(),
			workflows: [...workflows, ...copies, ...Object.values(ERROR_CASES).map(errorWorkflow)],
		});
		console.log(
			`# imported ${workflows.length} examples and ${copies.length} CLI copies after ${seconds()}`,
		);
	},
	{ timeout: 45 * 60_000 },
);

after(async () => {
	await n8n?.stop();
	await sandbox?.stop();
	console.log(`# e2e finished in ${seconds()}`);
});

describe('examples run by `n8n execute` against the sandbox', () => {
	test(
		'epilot: invite partner → create partner user → assign roles',
		{ timeout: 180_000 },
		async () => {
			sandbox.reset();
			const result = await executeCopy('epilotOnboarding');
			checkEpilotOnboarding(result, sandbox, 'cli@partner.example');
		},
	);

	test(
		'ExorLive: each customer organization → admin user → lookup or create the contact → invitation link',
		{ timeout: 180_000 },
		async () => {
			sandbox.reset();
			const result = await executeCopy('exorliveContacts');
			checkExorliveContacts(result, sandbox);
			// Request API Access carries the credential's partner API key (in the query).
			const access = sandbox.requests.filter((r) => r.operationId === 'requestApiAccess');
			assert.equal(access.length, 3);
			for (const r of access) {
				assert.equal(r.status, 200);
				assert.equal(r.query.partnerApiKey, EXORLIVE_CLIENT.clientKey);
			}
		},
	);

	test(
		'ExorLive: a stored token ExorLive no longer accepts is renewed once on 401 and the request sent again',
		{ timeout: 180_000 },
		async () => {
			// The previous run stored the admin user's token in the credential; ExorLive drops it.
			const { exchangesByUser } = sandbox.state.exorlive;
			const adminExchanges = exchangesByUser[EXORLIVE_SEED.adminUserId];
			assert.equal(adminExchanges, 1, 'the previous test ran the example once');
			await sandbox.vendors.exorlive.control({ method: 'POST', path: '/expireTokens' });
			const seen = sandbox.requests.length;
			const result = await executeCopy('exorliveContacts');
			const links = outputOf(result, 'Get Invitation Link');
			assert.equal(links.length, 3);
			assert.equal(sandbox.state.exorlive.exchangesByUser[EXORLIVE_SEED.adminUserId], 2);
			// Requests with the stale token got 401 and were sent again, successfully. (n8n 2.x
			// renews the token itself, but its items that started with the old token are refused
			// once each; on 1.x the node renews it and sends the new one from then on.)
			const requests = sandbox.requests.slice(seen).filter((r) => r.vendor === 'exorlive');
			const refused = requests.filter((r) => r.status === 401);
			assert.ok(refused.length >= 1, 'no request was sent with the stale token');
			for (const r of refused) {
				assert.equal(r.operationId, 'requestApiAccess');
				const again = requests.slice(requests.indexOf(r) + 1);
				assert.ok(
					again.some(
						(next) =>
							next.path === r.path &&
							next.query.externalOrganizatonId === r.query.externalOrganizatonId &&
							next.status === 200,
					),
					`${r.path} was not sent again`,
				);
			}
			assert.equal(
				requests.filter((r) => r.operationId === 'requestApiAccess' && r.status === 200).length,
				3,
			);
		},
	);

	test('Exolink: invite a user to a tenant', { timeout: 180_000 }, async () => {
		sandbox.reset();
		const result = await executeCopy('exolinkInvite');
		checkExolinkInvite(result, sandbox);
	});
});

// n8n recognises the node's errors by class (`instanceof` against its own n8n-workflow); the
// package resolves that same copy when installed, so an error keeps what the node gave it.
describe("the node's errors as n8n stores them (`n8n execute`)", () => {
	test("a vendor error: NodeApiError with the HTTP status as its code and the vendor's message", async () => {
		sandbox.reset();
		const error = await failedNode(ERROR_CASES.vendor);
		assert.equal(error.name, 'NodeApiError', JSON.stringify(error));
		assert.equal(error.httpCode, '404', JSON.stringify(error));
		assert.match(error.message, /Simulated HTTP 404/);
		assert.equal(error.node?.name, 'Epilot');
		assert.deepEqual(
			sandbox.requests.filter((r) => r.vendor === 'epilot').map((r) => r.status),
			[404],
		);
	});

	test("an input check: the node's own error naming the field, no HTTP code, nothing sent", async () => {
		sandbox.reset();
		const error = await failedNode(ERROR_CASES.input);
		assert.equal(error.name, 'NodeOperationError', JSON.stringify(error));
		assert.equal(error.httpCode ?? null, null, JSON.stringify(error));
		assert.match(error.message, /^Email: .*not-an-email/);
		assert.deepEqual(sandbox.requests, []);
	});
});

describe('n8n start: the webhook and the trigger examples, published', () => {
	before(
		async () => {
			sandbox.reset();
			// The invitee of the Exolink example waits for acceptance while the trigger example
			// watches the tenant (its activation records the users listed before).
			checkExolinkInvite(await executeCopy('exolinkInvite'), sandbox);
			for (const id of TRIGGERED) await activateWorkflow(env, id);
			n8n = startN8n(env);
			base = await waitForN8n(n8n, env, 150_000);
			console.log(`# n8n started after ${seconds()}`);
			await setUpOwner(base);
			cookie = await login(base, OWNER);
		},
		{ timeout: 240_000 },
	);

	test('n8n lists every node and credential type of the package', async () => {
		// n8n may still be writing these files just after it starts (2.41 cut a first read short).
		const types = (what) =>
			eventually(
				async () =>
					(await request(`${base}/types/${what}.json`, { headers: { cookie } })).body.json(),
				30_000,
			);
		const nodeTypes = (await types('nodes')).map((t) => t.name);
		for (const name of PACKAGE_NODES) assert.ok(nodeTypes.includes(name), `${name} is not loaded`);
		const credentialTypes = (await types('credentials')).map((t) => t.name);
		for (const name of PACKAGE_CREDENTIALS)
			assert.ok(credentialTypes.includes(name), `${name} is not loaded`);
	});

	test('epilot: the webhook runs the onboarding chain', { timeout: 120_000 }, async () => {
		await callOnboardingWebhook(base, 'hook@partner.example');
		checkOnboarded(sandbox, 'hook@partner.example');
		// The Epilot Trigger example's polls (getPartnerUsers) run beside it.
		assert.deepEqual(
			sandbox.requests
				.filter((r) => r.vendor === 'epilot' && r.operationId !== 'getPartnerUsers')
				.map((r) => r.operationId),
			['invitePartnerV2', 'createPartnerUser', 'assignPartnerUserRoles'],
		);
	});

	test(
		'ExorLive Trigger: activation registered the URL with a secret; forged calls get 401',
		{ timeout: 60_000 },
		async () => {
			const registered = registeredCallback(sandbox, base);
			const executionsBefore = await executionCount();
			// The count sees executions: the webhook test's run is among them.
			assert.ok(executionsBefore >= 1, 'n8n lists no executions at all');
			await checkForgedCallsRejected(registered);
			assert.equal(await executionCount(), executionsBefore, 'a forged call started a workflow');
		},
	);

	test(
		'ExorLive Trigger: a workoutReady callback downloads, forwards and acknowledges the workouts',
		{ timeout: 120_000 },
		async () => {
			const executionsBefore = await executionCount();
			await fireWorkoutReady(sandbox);
			// One call, one workflow execution (one item per workout).
			await eventually(async () => assert.equal(await executionCount(), executionsBefore + 1));
		},
	);

	test(
		'the invitees accept → within one poll the Exolink and Epilot Trigger examples set and assign the roles',
		{ timeout: 240_000 },
		async () => {
			// Both accept at once: the two triggers poll every minute, independently.
			const exolinkUser = await acceptInvitation(sandbox, 'exolink', {
				tenant: EXOLINK_SEED.tenant,
				email: INVITEE,
			});
			// Whether a poll saw the onboarded user as Pending (it was created by the webhook test
			// above, up to a minute ago): if not, the trigger first sees it Active.
			const created = sandbox.requests.findIndex((r) => r.operationId === 'createPartnerUser');
			const sawPending = sandbox.requests
				.slice(created)
				.some((r) => r.operationId === 'getPartnerUsers' && r.status === 200);
			const epilotUser = await acceptInvitation(sandbox, 'epilot', {
				orgId: EPILOT_SEED.partnerOrgId,
				email: 'hook@partner.example',
			});
			const seen = sandbox.requests.length;
			const [exolinkRun, epilotRun] = await Promise.all([
				triggeredRun('exolinkUserAdded', 'Set User Role'),
				triggeredRun('epilotActivation', 'Assign Roles'),
			]);
			assert.deepEqual(exolinkRun.trigger, [
				{
					event: 'tenantUserAdded',
					tenant: EXOLINK_SEED.tenant,
					user: { userId: exolinkUser.userId, username: INVITEE, role: 'viewer' },
				},
			]);
			assert.equal(memberOf(sandbox, exolinkUser.userId).role, 'user', 'set by the example');
			assert.deepEqual(epilotRun.trigger, [
				{
					event: 'partnerUserActivated',
					orgId: EPILOT_SEED.partnerOrgId,
					user: { ...epilotUser, status: 'Active' },
					previousStatus: sawPending ? 'Pending' : null,
				},
			]);
			const assigned = sandbox.requests
				.slice(seen)
				.filter((r) => r.operationId === 'assignPartnerUserRoles');
			assert.deepEqual(
				assigned.map((r) => [r.path, r.body, r.status]),
				[
					[
						`/v2/partners/${EPILOT_SEED.partnerOrgId}/users/${epilotUser.id}/roles`,
						{ roleIds: [EPILOT_SEED.roles[0]] },
						200,
					],
				],
			);
		},
	);

	test('the credential test of each credential type passes against the sandbox', async () => {
		for (const credential of sandbox
			.credentials()
			.filter(({ type }) => PACKAGE_CREDENTIALS.includes(type))) {
			const res = await request(`${base}/rest/credentials/test`, {
				method: 'POST',
				headers: { cookie, 'content-type': 'application/json' },
				body: JSON.stringify({ credentials: credential }),
				headersTimeout: 60_000,
				bodyTimeout: 60_000,
			});
			const body = await res.body.json();
			assert.equal(res.statusCode, 200, JSON.stringify(body));
			assert.equal(body.data?.status, 'OK', `${credential.type}: ${JSON.stringify(body)}`);
		}
		const tested = PACKAGE_CREDENTIALS.map((type) =>
			sandbox.credentials().some((credential) => credential.type === type),
		);
		assert.deepEqual(tested, [true, true, true]);
	});

	test("n8n's log shows no load errors", () => {
		const problems = n8n.output
			.split('\n')
			.filter((line) => /error|fail|unrecognized|could not/i.test(line))
			.filter((line) =>
				/load|CUSTOM\.|epilot|exolink|exorlive|node type|credential type|package/i.test(line),
			);
		assert.deepEqual(problems, [], n8n.output.slice(-4000));
		assert.match(n8n.output, /Editor is now accessible via/);
	});
});

/** Examples started by n8n itself (webhook, callback, polls) in this part. */
const TRIGGERED = ['epilotOnboarding', 'exorliveWorkouts', 'exolinkUserAdded', 'epilotActivation'];

/** The email the Exolink invite example invites. */
const INVITEE = 'new.colleague@company.example';

const memberOf = (sandbox, userId) =>
	sandbox.state.exolink.tenants
		.find((t) => t.domainPrefix === EXOLINK_SEED.tenant)
		.members.find((m) => m.userId === userId);

/**
 * The one execution a trigger example's poll started (waited for up to two poll intervals),
 * finished with success: the trigger's items and the output of its last node.
 */
async function triggeredRun(workflowId, lastNode) {
	const execution = await eventually(async () => {
		const executions = await listExecutions(base, cookie, { workflowId });
		assert.equal(executions.length, 1, `executions of ${workflowId}: ${executions.length}`);
		assert.equal(executions[0].status, 'success', JSON.stringify(executions[0]));
		return executions[0];
	}, 150_000);
	const run = (await executionWithData(base, cookie, execution.id)).data;
	const output = (node) => run.resultData.runData[node][0].data.main[0].map((item) => item.json);
	const trigger = Object.keys(run.resultData.runData).find((node) => /Trigger$/.test(node));
	assert.ok(output(lastNode).length >= 1, `${lastNode} output nothing`);
	return { trigger: output(trigger), last: output(lastNode) };
}

/** Finished executions n8n has stored (the REST API the editor uses). */
const executionCount = async () => (await listExecutions(base, cookie, { limit: 100 })).length;
