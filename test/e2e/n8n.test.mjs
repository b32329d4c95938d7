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
import { EPILOT_SEED, EXOLINK_SEED, EXORLIVE_SEED, startSandbox } from '../sandbox/index.mjs';
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
import { STARTERS, eventually, manualCopy, outputOf, packedPackage, parseRun } from './helpers.mjs';

const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
const onboardingInput = {
	partnerId: EPILOT_SEED.partnerPending,
	orgId: EPILOT_SEED.partnerOrgId,
	roleIds: EPILOT_SEED.roles,
};
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
		},
	);

	test(
		'ExorLive: each customer organization → admin user → lookup or create the contact → invitation link',
		{ timeout: 180_000 },
		async () => {
			sandbox.reset();
			const result = await executeCopy('exorliveContacts');
			const customers = outputOf(result, 'One Item per Customer');
			assert.equal(customers.length, 3);
			const admins = outputOf(result, 'Get Admin User ID');
			assert.deepEqual(
				admins.map((a) => a.externalOrganizationId),
				customers.map((c) => c.externalOrganizationId),
			);
			const links = outputOf(result, 'Get Invitation Link');
			assert.equal(links.length, 3);
			const { orgs, users, exchangesByUser } = sandbox.state.exorlive;
			for (const [index, customer] of customers.entries()) {
				// A new approved organization per customer, with the contact created inside it.
				const org = orgs.find((o) => o.externalId === customer.externalOrganizationId);
				assert.equal(org.adminUserId, admins[index].adminUserId);
				const contact = users.find((u) => u.Email === customer.email);
				assert.equal(contact.OrganizationId, org.id);
				assert.equal(links[index].contactUserId, contact.Id);
				assert.match(links[index].invitationLink, /^https?:\/\//);
				// One token for that organization's admin, reused by lookup, create and link.
				assert.equal(exchangesByUser[admins[index].adminUserId], 1);
			}
			assert.equal(exchangesByUser[EXORLIVE_SEED.adminUserId], 1);
			assert.equal(sandbox.state.exorlive.tokenExchanges, 4);
		},
	);

	test(
		"Exolink: invite a user to a tenant → set the user's role",
		{ timeout: 180_000 },
		async () => {
			sandbox.reset();
			const result = await executeCopy('exolinkInviteTenantUser');
			const [invited] = outputOf(result, 'Create Invite');
			assert.ok(invited.userId, JSON.stringify(invited));
			const tenant = sandbox.state.exolink.tenants.find(
				(t) => t.domainPrefix === EXOLINK_SEED.tenant,
			);
			const member = tenant.members.find((m) => m.userId === invited.userId);
			assert.equal(member?.status, 'pending');
			assert.equal(member.role, 'user', 'the role set after the invite (viewer → user)');
			assert.ok(sandbox.requests.every((r) => r.authorization === 'Bearer sandbox-exolink-token'));
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
			const login = await request(`${base}/rest/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
			});
			await login.body.text();
			assert.equal(login.statusCode, 200);
			cookie = [login.headers['set-cookie']]
				.flat()
				.map((c) => c.split(';')[0])
				.join('; ');
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
			sandbox.requests.filter((r) => r.vendor === 'epilot').map((r) => r.operationId),
			['invitePartnerV2', 'createPartnerUser', 'assignPartnerUserRoles'],
		);
	});

	test(
		'ExorLive Trigger: activation registered the URL with a secret; forged calls get 401',
		{ timeout: 60_000 },
		async () => {
			const customer = EXORLIVE_SEED.customers[0];
			const org = sandbox.state.exorlive.orgs.find((o) => o.id === customer.orgId);
			assert.ok(org.callbackUrl, 'no callback URL registered for the customer organization');
			const registered = new URL(org.callbackUrl);
			assert.equal(registered.origin, base);
			assert.ok(registered.searchParams.get('secret')?.length >= 32, 'no secret in the URL');
			const executionsBefore = await executionCount();
			// The count sees executions: the webhook test's run is among them.
			assert.ok(executionsBefore >= 1, 'n8n lists no executions at all');
			for (const secret of [undefined, 'wrong-secret']) {
				const forged = new URL(registered);
				if (secret) forged.searchParams.set('secret', secret);
				else forged.searchParams.delete('secret');
				forged.searchParams.set('event', 'workoutReady');
				forged.searchParams.set('userId', String(EXORLIVE_SEED.contactId));
				const res = await request(forged);
				await res.body.text();
				assert.equal(res.statusCode, 401, `${secret ?? 'no secret'}: ${res.statusCode}`);
			}
			assert.equal(await executionCount(), executionsBefore, 'a forged call started a workflow');
		},
	);

	test(
		'ExorLive Trigger: a workoutReady callback downloads, forwards and acknowledges the workouts',
		{ timeout: 120_000 },
		async () => {
			const executionsBefore = await executionCount();
			const fired = await request(
				`${sandbox.origin}/_sandbox/exorlive/workoutReady?userId=${EXORLIVE_SEED.contactId}&workouts=1`,
				{ method: 'POST', headersTimeout: 60_000, bodyTimeout: 60_000 },
			);
			const answer = await fired.body.json();
			assert.equal(fired.statusCode, 200, JSON.stringify(answer));
			assert.equal(answer.status, 200, JSON.stringify(answer));
			const ready = [...EXORLIVE_SEED.newWorkoutIds, ...answer.workoutIds];
			// The workflow forwards each PDF to the inbox, then acknowledges it.
			await eventually(() => {
				const received = sandbox.inbox.map((entry) => Number(entry.query.workoutId)).sort();
				assert.deepEqual(received, [...ready].sort());
				for (const id of ready) {
					const workout = sandbox.state.exorlive.workouts.find((w) => w.Id === id);
					assert.equal(workout.Acknowledged, true, `workout ${id} not acknowledged`);
				}
			});
			// One call, one workflow execution (one item per workout).
			await eventually(async () => assert.equal(await executionCount(), executionsBefore + 1));
			assert.ok(sandbox.inbox.every((entry) => entry.head.startsWith('%PDF') && entry.size > 100));
			assert.ok(
				sandbox.inbox.every((entry) => entry.query.userId === String(EXORLIVE_SEED.contactId)),
			);
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
async function executionCount() {
	const res = await request(`${base}/rest/executions?limit=100`, { headers: { cookie } });
	const body = await res.body.json();
	assert.equal(res.statusCode, 200, JSON.stringify(body));
	return (body.data?.results ?? body.data ?? []).length;
}
