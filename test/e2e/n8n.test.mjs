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
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { request } from 'undici';
import { EXORLIVE_SEED, startSandbox } from '../sandbox/index.mjs';
import {
	OWNER,
	RUNTIME,
	ensureN8n,
	exampleWorkflows,
	freePort,
	importIntoN8n,
	n8nCli,
	n8nEnv,
	startN8n,
	waitForHttp,
} from '../../scripts/n8n.mjs';
import {
	callOnboardingWebhook,
	checkEpilotOnboarding,
	checkForgedCallsRejected,
	checkOnboarded,
	checkExolinkInvite,
	checkExorliveContacts,
	fireWorkoutReady,
	listExecutions,
	login,
	onboardingInput,
	registeredCallback,
} from './examples.mjs';
import { STARTERS, eventually, manualCopy, packedPackage, parseRun } from './helpers.mjs';

const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
const PACKAGE_NODES = ['epilot', 'exolink', 'exorLive', 'exorLiveTrigger'].map(
	(n) => `CUSTOM.${n}`,
);
const PACKAGE_CREDENTIALS = ['epilotApi', 'exolinkApi', 'exorLiveApi'];

async function executeCopy(id) {
	const { stdout } = await n8nCli(
		['execute', `--id=${manualCopy(examples[id]).id}`, '--rawOutput'],
		env,
	);
	const result = parseRun(stdout);
	assert.equal(result.status, 'success', JSON.stringify(result.data.resultData.error));
	return result;
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
		console.log(`# n8n ready after ${seconds()}`);
		// Load what users install: the packed tarball's content (dist/ and package.json).
		const unpacked = await packedPackage('e2e-extensions');
		sandbox = await startSandbox({ port: 0 });
		rmSync(path.join(RUNTIME, 'e2e'), { recursive: true, force: true });
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
			workflows: [...workflows, ...copies],
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
		},
	);

	test(
		"Exolink: invite a user to a tenant → set the user's role",
		{ timeout: 180_000 },
		async () => {
			sandbox.reset();
			const result = await executeCopy('exolinkInviteTenantUser');
			checkExolinkInvite(result, sandbox);
		},
	);
});

describe('n8n start: the webhook and the ExorLive Trigger examples, published', () => {
	before(
		async () => {
			sandbox.reset();
			// The supported way in n8n 2.x to activate a workflow before n8n starts.
			for (const id of ['epilotOnboarding', 'exorliveWorkoutReady']) {
				await n8nCli(['publish:workflow', `--id=${id}`], env);
			}
			n8n = startN8n(env);
			base = `http://127.0.0.1:${env.N8N_PORT}`;
			await waitForHttp(`${base}/healthz/readiness`, 150_000, () => n8n.child.exitCode === null);
			console.log(`# n8n started after ${seconds()}`);
			cookie = await login(base, OWNER);
		},
		{ timeout: 240_000 },
	);

	test('n8n lists every node and credential type of the package', async () => {
		const types = async (what) =>
			(await request(`${base}/types/${what}.json`, { headers: { cookie } })).body.json();
		const nodeTypes = (await types('nodes')).map((t) => t.name);
		for (const name of PACKAGE_NODES) assert.ok(nodeTypes.includes(name), `${name} is not loaded`);
		const credentialTypes = (await types('credentials')).map((t) => t.name);
		for (const name of PACKAGE_CREDENTIALS)
			assert.ok(credentialTypes.includes(name), `${name} is not loaded`);
	});

	test('epilot: the webhook runs the onboarding chain', { timeout: 120_000 }, async () => {
		await callOnboardingWebhook(base, 'hook@partner.example');
		checkOnboarded(sandbox, 'hook@partner.example');
		assert.deepEqual(
			sandbox.requests.filter((r) => r.vendor === 'epilot').map((r) => r.operationId),
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

/** Finished executions n8n has stored (the REST API the editor uses). */
const executionCount = async () => (await listExecutions(base, cookie, { limit: 100 })).length;
