// End-to-end with the real n8n CLI (pinned in scripts/n8n.mjs) against the sandbox:
// - the package is loaded from its packed npm tarball, unpacked into a custom extensions folder;
// - credentials and the example workflows are imported with `n8n import:*`;
// - a manual-trigger copy of each example runs with `n8n execute`, then the webhook example
//   runs inside `n8n start`, called over HTTP with undici;
// - outputs, the sandbox's state and n8n's log are checked.
// Run with `npm run test:e2e` (builds first). Everything is bounded and always stopped.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { request } from 'undici';
import { EPILOT_SEED, startSandbox } from '../sandbox/index.mjs';
import {
	OWNER,
	RUNTIME,
	ensureN8n,
	exampleWorkflows,
	freePort,
	importIntoN8n,
	n8nCli,
	n8nEnv,
	npm,
	run,
	startN8n,
	waitForHttp,
} from '../../scripts/n8n.mjs';

const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
const onboardingInput = {
	partnerId: EPILOT_SEED.partnerPending,
	orgId: EPILOT_SEED.partnerOrgId,
	roleIds: EPILOT_SEED.roles,
};

/**
 * The CLI can only start a workflow at a Manual Trigger. The copy keeps every node of the
 * example and puts a Manual Trigger plus a Set node in front; the Set node takes the trigger's
 * name and emits what the webhook would (`{ body }`), so the chain's expressions are unchanged.
 */
function manualCopy(workflow, body) {
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	const start = {
		id: 'e2e-manual-trigger',
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [trigger.position[0] - 240, trigger.position[1]],
		parameters: {},
	};
	const input = {
		id: 'e2e-input',
		name: trigger.name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: trigger.position,
		parameters: { mode: 'raw', jsonOutput: JSON.stringify({ body }), options: {} },
	};
	return {
		...workflow,
		id: `${workflow.id.slice(0, 12)}Cli`,
		name: `${workflow.name} (CLI)`,
		nodes: [start, input, ...workflow.nodes.filter((node) => node !== trigger)],
		connections: {
			...workflow.connections,
			Start: { main: [[{ node: trigger.name, type: 'main', index: 0 }]] },
		},
	};
}

/** `n8n execute --rawOutput` prints log lines, then the run as pretty JSON starting with `{`. */
function parseRun(stdout) {
	const start = stdout.search(/^\{$/m);
	assert.ok(start >= 0, `no run JSON in the output:\n${stdout}`);
	return JSON.parse(stdout.slice(start));
}

const outputOf = (run, node) =>
	run.data.resultData.runData[node][0].data.main[0].map((item) => item.json);

let sandbox;
let env;
let n8n;
let example;

before(
	async () => {
		await ensureN8n();
		console.log(`# n8n ready after ${seconds()}`);
		await npm(['run', 'build', '--silent'], { capture: true });
		// Load what users install: the packed tarball's content (dist/ and package.json).
		const extensions = path.join(RUNTIME, 'e2e-extensions');
		rmSync(extensions, { recursive: true, force: true });
		mkdirSync(extensions, { recursive: true });
		const { stdout } = await npm(['pack', '--silent', `--pack-destination=${extensions}`], {
			capture: true,
		});
		const tarball = path.join(extensions, stdout.trim().split('\n').at(-1));
		const unpacked = path.join(extensions, 'package');
		await run('tar', ['-xzf', tarball, '-C', extensions], { capture: true });
		rmSync(tarball);
		sandbox = await startSandbox({ port: 0 });
		rmSync(path.join(RUNTIME, 'e2e'), { recursive: true, force: true });
		env = await n8nEnv({ profile: 'e2e', extensions: unpacked, port: await freePort() });
		[example] = exampleWorkflows();
		const workflows = [
			example,
			manualCopy(example, { ...onboardingInput, email: 'cli@partner.example' }),
		];
		await importIntoN8n(env, { credentials: sandbox.credentials(), workflows });
		console.log(`# imported after ${seconds()}`);
	},
	{ timeout: 45 * 60_000 },
);

after(async () => {
	await n8n?.stop();
	await sandbox?.stop();
	console.log(`# e2e finished in ${seconds()}`);
});

describe('epilot: invite partner → create partner user → assign roles', () => {
	test('n8n execute runs the chain against the sandbox', { timeout: 180_000 }, async () => {
		sandbox.reset();
		const { stdout } = await n8nCli(
			['execute', `--id=${manualCopy(example, {}).id}`, '--rawOutput'],
			env,
		);
		const result = parseRun(stdout);
		assert.equal(result.status, 'success');
		const [invited] = outputOf(result, 'Invite Partner');
		assert.equal(invited.status, 'Invited');
		const [user] = outputOf(result, 'Create Partner User');
		assert.equal(user.status, 'Pending');
		const [assigned] = outputOf(result, 'Assign Roles');
		assert.deepEqual(
			assigned.results.map((r) => [r.roleId, r.success]),
			EPILOT_SEED.roles.map((id) => [id, true]),
		);

		const { partners, orgs } = sandbox.state.epilot;
		const partner = partners.find((p) => p.id === EPILOT_SEED.partnerPending);
		assert.equal(partner.status, 'Invited');
		assert.ok(partner.invitation_token);
		const created = orgs[0].users.find((u) => u.email === 'cli@partner.example');
		assert.equal(created.status, 'Pending');
		assert.deepEqual(created.roleIds, EPILOT_SEED.roles);
		// Every request carried the credential's token.
		assert.ok(sandbox.requests.every((r) => r.authorization === 'Bearer sandbox-epilot-token'));
	});

	test('the published webhook workflow runs inside n8n start', { timeout: 240_000 }, async () => {
		sandbox.reset();
		// The supported way in n8n 2.x to activate a workflow before n8n starts.
		await n8nCli(['publish:workflow', `--id=${example.id}`], env);
		n8n = startN8n(env);
		const base = `http://127.0.0.1:${env.N8N_PORT}`;
		await waitForHttp(`${base}/healthz/readiness`, 150_000, () => n8n.child.exitCode === null);
		console.log(`# n8n started after ${seconds()}`);

		// The editor's login works, and with it n8n lists the package's node and credential types.
		const login = await request(`${base}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		await login.body.text();
		assert.equal(login.statusCode, 200);
		const cookie = [login.headers['set-cookie']]
			.flat()
			.map((c) => c.split(';')[0])
			.join('; ');
		const types = async (what) =>
			(await request(`${base}/types/${what}.json`, { headers: { cookie } })).body.json();
		const nodeTypes = (await types('nodes')).map((t) => t.name);
		assert.ok(nodeTypes.includes('CUSTOM.epilot'), 'CUSTOM.epilot is not among the node types');
		const credentialTypes = (await types('credentials')).map((t) => t.name);
		assert.ok(credentialTypes.includes('epilotApi'), 'epilotApi is not among the credential types');

		const res = await request(`${base}/webhook/epilot-partner-onboarding`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...onboardingInput, email: 'hook@partner.example' }),
			headersTimeout: 60_000,
			bodyTimeout: 60_000,
		});
		const body = await res.body.json();
		assert.equal(res.statusCode, 200, JSON.stringify(body));
		assert.deepEqual(
			body.results.map((r) => r.success),
			[true, true],
		);
		const created = sandbox.state.epilot.orgs[0].users.find(
			(u) => u.email === 'hook@partner.example',
		);
		assert.equal(created?.status, 'Pending');
		assert.deepEqual(created.roleIds, EPILOT_SEED.roles);
		assert.deepEqual(
			sandbox.requests.map((r) => r.operationId),
			['invitePartnerV2', 'createPartnerUser', 'assignPartnerUserRoles'],
		);
	});

	test("n8n's log shows no load errors", () => {
		assert.ok(n8n, 'n8n was not started');
		const problems = n8n.output
			.split('\n')
			.filter((line) => /error|fail|unrecognized|could not/i.test(line))
			.filter((line) => /load|CUSTOM\.|epilot|node type|credential type|package/i.test(line));
		assert.deepEqual(problems, []);
		assert.match(n8n.output, /Editor is now accessible via/);
	});
});
