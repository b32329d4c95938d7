// The package installed the ways users install it, from a local npm registry (verdaccio on
// 127.0.0.1, scripts/registry.mjs) that has it as published versions 0.1.0 and 0.1.1 (the packed
// build, the second a copy with only the version changed) and proxies npm's configured registry
// for everything else:
// (a) n8n's own installer (Settings → Community Nodes: `POST/PATCH/DELETE /rest/community-packages`)
//     on n8n 1.123.81 and the pinned 2.40.7: install 0.1.0, the nodes load, the saved epilot
//     onboarding example (its original package type names) runs when its webhook is called;
//     update to 0.1.1, the same workflow runs; uninstall leaves nothing of it in
//     ~/.n8n/nodes/node_modules (n8n keeps its own record in ~/.n8n/nodes/package.json).
// (b) the README's manual path, `npm install <package>` in ~/.n8n/nodes: only the package is
//     installed (n8n-workflow is an optional peer dependency), n8n 2.40.7 loads it from there and
//     a vendor 404 is stored as n8n's own NodeApiError with httpCode "404".
// (c) n8n's install from environment variables (N8N_COMMUNITY_PACKAGES with
//     N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV=true), which 2.40.7 has: see the test for what it does
//     with a registry other than npmjs.org.
// Each n8n gets a user folder in the system's temporary folder, not inside this checkout: from
// there the installed package's `require('n8n-workflow')` finds only n8n's own copy, as in a
// user's install (inside the checkout, Node would find the repository's devDependency first).
// Run with `npm run test:install` (builds first; installs verdaccio, and n8n when missing). Every process it starts (verdaccio, n8n) is
// stopped and every temporary folder removed, also when a check fails.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { request } from 'undici';
import { startSandbox } from '../sandbox/index.mjs';
import { PINNED_N8N_VERSION, ROOT, freePort, npm } from '../../scripts/n8n.mjs';
import { packVersions, startRegistry } from '../../scripts/registry.mjs';
import { track } from '../../scripts/services.mjs';
import { callOnboardingWebhook, checkOnboarded, login } from '../e2e/examples.mjs';
import { eventually, parseRun } from '../e2e/helpers.mjs';

const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const NAME = PACKAGE.name;
/** The versions published to the local registry: installed first, then the update. */
const FIRST = '0.1.0';
const UPDATE = '0.1.1';
/** n8n's installer is checked on the newest 1.x and the pinned 2.x. */
const INSTALLER_N8N_VERSIONS = ['1.123.81', PINNED_N8N_VERSION];
const NODE_TYPES = [
	'epilot',
	'epilotTrigger',
	'exolink',
	'exolinkTrigger',
	'exorLive',
	'exorLiveTrigger',
].map((node) => `${NAME}.${node}`);
/** The license feature a registry other than npmjs.org needs (both lines). */
const CUSTOM_REGISTRY_FEATURE = 'feat:communityNodes:customRegistry';

const started = Date.now();
const seconds = (since = started) => `${Math.round((Date.now() - since) / 1000)} s`;
const temporary = [];
/** A new folder in the system's temporary folder, removed at the end (also on a crash). */
function tempDir(prefix) {
	const dir = mkdtempSync(path.join(os.tmpdir(), `n8n-install-${prefix}-`));
	temporary.push(dir);
	track({ kill: () => {}, cleanup: () => rmSync(dir, { recursive: true, force: true }) });
	return dir;
}

/**
 * scripts/n8n.mjs for one n8n version: it reads N8N_VERSION when loaded, so each version gets
 * its own instance of the module (a distinct URL).
 */
async function n8nModule(version) {
	const saved = process.env.N8N_VERSION;
	process.env.N8N_VERSION = version;
	try {
		return await import(`../../scripts/n8n.mjs?n8n=${version}`);
	} finally {
		if (saved === undefined) delete process.env.N8N_VERSION;
		else process.env.N8N_VERSION = saved;
	}
}

let registry;
let sandbox;

before(
	async () => {
		await npm(['run', 'build', '--silent'], { capture: true });
		registry = await startRegistry({ own: [NAME] });
		const tarballs = await packVersions(ROOT, tempDir('packs'), [FIRST, UPDATE]);
		for (const version of [FIRST, UPDATE]) await registry.publish(tarballs[version]);
		sandbox = await startSandbox({ port: 0 });
		console.log(
			`# registry ${registry.url} (upstream ${registry.upstream}) with ${NAME} ${FIRST} and ${UPDATE}, after ${seconds()}`,
		);
	},
	{ timeout: 15 * 60_000 },
);

after(async () => {
	await sandbox?.stop();
	await registry?.stop();
	for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
	console.log(`# install tests finished in ${seconds()}`);
});

/**
 * n8n's environment (scripts/n8n.mjs `n8nEnv` of that version) with `userFolder` as its user
 * folder and no custom extensions folder: the package must come from ~/.n8n/nodes.
 */
async function envIn(mod, userFolder, extra) {
	const env = await mod.n8nEnv({
		profile: 'install',
		extensions: '',
		port: await freePort(),
		extra: { N8N_USER_FOLDER: userFolder, ...extra },
	});
	delete env.N8N_CUSTOM_EXTENSIONS;
	// n8nEnv made the profile's folder in .n8n-runtime; this test does not use it.
	rmSync(mod.profileDir('install'), { recursive: true, force: true });
	return env;
}

/**
 * A started n8n of `version` (scripts/n8n.mjs of that version) on `userFolder`, with the
 * community-packages module on, n8n's installer pointed at the local registry and n8n's own E2E
 * test mode (for its license switch). Returns `{ n8n, base, cookie, env, stop }`.
 */
async function startInstance(mod, userFolder, extra = {}) {
	await mod.ensureN8n();
	const env = await envIn(mod, userFolder, {
		// Only what fetches catalogues from api.n8n.io stays off; 1.x has no such module.
		N8N_DISABLED_MODULES: mod.N8N_LINE.disabledModules
			.filter((name) => name !== 'community-packages')
			.join(','),
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_COMMUNITY_PACKAGES_REGISTRY: registry.url,
		E2E_TESTS: 'true',
		...extra,
	});
	const n8n = mod.startN8n(env);
	const untrack = track({ kill: () => n8n.child.kill('SIGKILL') });
	try {
		const base = await mod.waitForN8n(n8n, env, 180_000);
		await mod.setUpOwner(base);
		const cookie = await login(base, mod.OWNER);
		return {
			n8n,
			env,
			base,
			cookie,
			stop: async () => {
				await n8n.stop();
				untrack();
			},
		};
	} catch (error) {
		await n8n.stop();
		untrack();
		throw error;
	}
}

/** A REST call as the signed-in owner; returns `{ status, body }` (body parsed when JSON). */
async function rest(instance, method, route, body) {
	const res = await request(`${instance.base}${route}`, {
		method,
		headers: { cookie: instance.cookie, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
		headersTimeout: 180_000,
		bodyTimeout: 180_000,
	});
	const text = await res.body.text();
	let parsed = text;
	try {
		parsed = JSON.parse(text);
	} catch {
		// not JSON
	}
	return { status: res.statusCode, body: parsed };
}

/** Like `rest`, and the call must succeed: returns the answer's `data`. */
async function restOk(instance, method, route, body) {
	const { status, body: answer } = await rest(instance, method, route, body);
	assert.equal(status, 200, `${method} ${route}: ${status} ${JSON.stringify(answer)}`);
	return answer.data;
}

/**
 * Waits until the published onboarding webhook is registered: a GET (the webhook takes POST)
 * then answers that the path exists for POST, and runs nothing. On 2.40.7 this took a few
 * seconds after the activation call had answered.
 */
async function webhookRegistered(instance) {
	await eventually(async () => {
		const res = await request(`${instance.base}/webhook/epilot-partner-onboarding`);
		const text = await res.body.text();
		assert.match(text, /Did you mean to make a POST request/);
	}, 60_000);
}

/**
 * Waits until n8n lists exactly `types` of the package's node types to the editor
 * (`/types/nodes.json`, rewritten by n8n after each install, update or uninstall; tool variants
 * such as `.epilotTool` aside).
 */
async function packageNodesListed(instance, types) {
	await eventually(async () => {
		const { status, body } = await rest(instance, 'GET', '/types/nodes.json');
		assert.equal(status, 200);
		assert.ok(Array.isArray(body), 'nodes.json is being rewritten');
		const listed = new Set(
			body.map((node) => node.name).filter((name) => name.startsWith(`${NAME}.`)),
		);
		assert.deepEqual(
			types.filter((type) => !listed.has(type)),
			[],
			'package nodes missing',
		);
		if (types.length === 0) assert.deepEqual([...listed], []);
	}, 30_000);
}

/** What is left of the package in `<user folder>/.n8n/nodes/node_modules` (backups included). */
function packageLeftovers(userFolder) {
	const modules = path.join(userFolder, '.n8n', 'nodes', 'node_modules');
	return existsSync(modules) ? readdirSync(modules).filter((f) => f.includes(NAME)) : [];
}

/** The dependencies n8n's installer records in `<user folder>/.n8n/nodes/package.json`. */
function ledger(userFolder) {
	const manifest = path.join(userFolder, '.n8n', 'nodes', 'package.json');
	return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).dependencies : undefined;
}

/** The installed copy's version, from its package.json in ~/.n8n/nodes/node_modules. */
const installedVersion = (userFolder) =>
	JSON.parse(
		readFileSync(
			path.join(userFolder, '.n8n', 'nodes', 'node_modules', NAME, 'package.json'),
			'utf8',
		),
	).version;

/** The epilot onboarding example as saved (package type names), its URLs at the sandbox. */
function onboardingExample() {
	const text = readFileSync(path.join(ROOT, 'examples', 'epilot-partner-onboarding.json'), 'utf8');
	return JSON.parse(text.split('http://127.0.0.1:4010').join(sandbox.origin));
}

for (const version of INSTALLER_N8N_VERSIONS) {
	describe(`(a) n8n ${version}: Settings → Community Nodes installs, updates and uninstalls`, () => {
		let mod;
		let instance;
		let userFolder;
		let workflowId;
		let partStarted;

		before(
			async () => {
				partStarted = Date.now();
				mod = await n8nModule(version);
				userFolder = tempDir(`installer-${version}`);
				instance = await startInstance(mod, userFolder);
				console.log(`# n8n ${version} started after ${seconds(partStarted)}`);
			},
			{ timeout: 45 * 60_000 },
		);

		after(async () => {
			await instance?.stop();
			console.log(`# (a) n8n ${version} took ${seconds(partStarted)}`);
		});

		test(
			`a registry other than npmjs.org is a licensed feature (${CUSTOM_REGISTRY_FEATURE})`,
			{ timeout: 60_000 },
			async () => {
				const refused = await rest(instance, 'POST', '/rest/community-packages', {
					name: NAME,
					version: FIRST,
				});
				assert.notEqual(refused.status, 200);
				assert.match(JSON.stringify(refused.body), /customRegistry/);
				// n8n's E2E test mode switches that one feature on.
				const res = await request(`${instance.base}/rest/e2e/feature`, {
					method: 'PATCH',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ feature: CUSTOM_REGISTRY_FEATURE, enabled: true }),
				});
				await res.body.text();
				assert.equal(res.statusCode, 200);
			},
		);

		test(`install ${FIRST}: the nodes load`, { timeout: 180_000 }, async () => {
			const installed = await restOk(instance, 'POST', '/rest/community-packages', {
				name: NAME,
				version: FIRST,
			});
			assert.equal(installed.packageName, NAME);
			assert.equal(installed.installedVersion, FIRST);
			assert.deepEqual(
				installed.installedNodes.map((node) => node.type).sort(),
				[...NODE_TYPES].sort(),
			);
			assert.equal(installedVersion(userFolder), FIRST);
			assert.equal(ledger(userFolder)[NAME], FIRST);
			// n8n dropped the peer dependency before its `npm install`: nothing else was installed.
			assert.deepEqual(
				readdirSync(path.join(userFolder, '.n8n', 'nodes', 'node_modules')).filter(
					(f) => !f.startsWith('.'),
				),
				[NAME],
			);
			await packageNodesListed(instance, NODE_TYPES);
			// Settings → Community Nodes lists it. (n8n 1.x runs `npm outdated` for this list with
			// a reduced environment and without the configured registry, so it asks npmjs.org;
			// here that fails after a minute of retries: not called on 1.x.)
			if (mod.N8N_LINE.major >= 2) {
				const packages = await restOk(instance, 'GET', '/rest/community-packages');
				assert.deepEqual(
					packages.map((p) => [p.packageName, p.installedVersion, p.failedLoading]),
					[[NAME, FIRST, false]],
				);
			}
		});

		test(
			'the saved epilot onboarding example runs with the installed nodes',
			{ timeout: 180_000 },
			async () => {
				const credential = sandbox.credentials().find((c) => c.type === 'epilotApi');
				const { id: credentialId } = await restOk(instance, 'POST', '/rest/credentials', {
					name: credential.name,
					type: credential.type,
					data: credential.data,
				});
				const example = onboardingExample();
				const nodes = example.nodes.map((node) =>
					node.credentials?.epilotApi
						? { ...node, credentials: { epilotApi: { id: credentialId, name: credential.name } } }
						: node,
				);
				assert.ok(nodes.some((node) => node.type === `${NAME}.epilot`));
				const workflow = await restOk(instance, 'POST', '/rest/workflows', {
					name: example.name,
					active: false,
					nodes,
					connections: example.connections,
					settings: example.settings,
				});
				workflowId = workflow.id;
				const activated = await restOk(instance, 'POST', `/rest/workflows/${workflowId}/activate`, {
					versionId: workflow.versionId,
				});
				assert.equal(activated.active, true);
				await webhookRegistered(instance);
				sandbox.reset();
				const email = `installer-${version}@partner.example`;
				await callOnboardingWebhook(instance.base, email);
				checkOnboarded(sandbox, email);
			},
		);

		test(
			`update to ${UPDATE}: the same saved workflow still runs`,
			{ timeout: 180_000 },
			async () => {
				assert.ok(workflowId, 'the workflow was saved');
				const updated = await restOk(instance, 'PATCH', '/rest/community-packages', {
					name: NAME,
					version: UPDATE,
				});
				assert.equal(updated.installedVersion, UPDATE);
				assert.equal(installedVersion(userFolder), UPDATE);
				await packageNodesListed(instance, NODE_TYPES);
				sandbox.reset();
				const email = `updated-${version}@partner.example`;
				await callOnboardingWebhook(instance.base, email);
				checkOnboarded(sandbox, email);
			},
		);

		test('uninstall: nothing of the package is left', { timeout: 180_000 }, async () => {
			const { status, body } = await rest(
				instance,
				'DELETE',
				`/rest/community-packages?name=${encodeURIComponent(NAME)}`,
			);
			assert.equal(status, 200, JSON.stringify(body));
			assert.deepEqual(packageLeftovers(userFolder), []);
			assert.deepEqual(await restOk(instance, 'GET', '/rest/community-packages'), []);
			// n8n keeps the package in its own ledger, ~/.n8n/nodes/package.json (not a package).
			const kept = ledger(userFolder)?.[NAME];
			if (kept)
				console.log(`# n8n ${version} left "${NAME}": "${kept}" in ~/.n8n/nodes/package.json`);
			await packageNodesListed(instance, []);
		});
	});
}

/** Manual Trigger → one Epilot node (package type name) asking for organization `error-404`. */
const vendorErrorWorkflow = {
	id: 'installVendor404',
	name: 'Vendor 404 (manual install)',
	active: false,
	settings: {},
	nodes: [
		{
			id: 'install-start',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'install-epilot',
			name: 'Epilot',
			type: `${NAME}.epilot`,
			typeVersion: 1,
			position: [240, 0],
			parameters: {
				resource: 'partnerUser',
				operation: 'getAll',
				orgId: { __rl: true, mode: 'id', value: 'error-404' },
			},
			credentials: { epilotApi: { id: 'sandboxEpilot001', name: 'Epilot (sandbox)' } },
		},
	],
	connections: { Start: { main: [[{ node: 'Epilot', type: 'main', index: 0 }]] } },
};

describe(`(b) by hand: npm install in ~/.n8n/nodes, then n8n ${PINNED_N8N_VERSION}`, () => {
	let mod;
	let userFolder;
	let env;
	let partStarted;

	before(async () => {
		partStarted = Date.now();
		mod = await n8nModule(PINNED_N8N_VERSION);
		userFolder = tempDir('manual');
	});

	after(() => console.log(`# (b) by hand took ${seconds(partStarted)}`));

	test(
		'`npm install <package>` installs the package and nothing else',
		{ timeout: 300_000 },
		async () => {
			// The README's command, against the local registry.
			const nodes = path.join(userFolder, '.n8n', 'nodes');
			mkdirSync(nodes, { recursive: true });
			const { stdout } = await npm(
				['install', `${NAME}@${FIRST}`, `--registry=${registry.url}`, '--no-audit', '--no-fund'],
				{ cwd: nodes, capture: true, timeoutMs: 240_000 },
			);
			assert.match(stdout, /added 1 package\b/);
			assert.deepEqual(
				readdirSync(path.join(nodes, 'node_modules')).filter((f) => !f.startsWith('.')),
				[NAME],
			);
		},
	);

	test(
		'n8n loads it from ~/.n8n/nodes; a vendor 404 is a NodeApiError with httpCode "404"',
		{ timeout: 300_000 },
		async () => {
			await mod.ensureN8n();
			env = await envIn(mod, userFolder, { N8N_DISABLED_MODULES: 'mcp-registry' });
			const [credential] = sandbox.credentials().filter((c) => c.type === 'epilotApi');
			await mod.importIntoN8n(env, { credentials: [credential], workflows: [vendorErrorWorkflow] });
			sandbox.reset();
			const { stdout, code } = await mod.n8nCli(
				['execute', `--id=${vendorErrorWorkflow.id}`, '--rawOutput'],
				env,
				180_000,
				{ allowFailure: true },
			);
			assert.notEqual(code, 0, 'the failed execution must end the CLI with an error');
			const result = parseRun(stdout);
			assert.equal(result.status, 'error');
			const [task] = result.data.resultData.runData.Epilot;
			assert.equal(task.error?.name, 'NodeApiError', JSON.stringify(task.error));
			assert.equal(task.error.httpCode, '404', JSON.stringify(task.error));
			assert.match(task.error.message, /Simulated HTTP 404/);
			assert.deepEqual(
				sandbox.requests.filter((r) => r.vendor === 'epilot').map((r) => r.status),
				[404],
			);
		},
	);

	test(
		'`n8n start` lists the six nodes; the installer API does not list the package',
		{ timeout: 300_000 },
		async () => {
			const port = await freePort();
			const startEnv = {
				...env,
				N8N_PORT: String(port),
				N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
				N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
			};
			const n8n = mod.startN8n(startEnv);
			const untrack = track({ kill: () => n8n.child.kill('SIGKILL') });
			try {
				const base = await mod.waitForN8n(n8n, startEnv, 180_000);
				const instance = { base, cookie: await login(base, mod.OWNER) };
				await packageNodesListed(instance, NODE_TYPES);
				// Loaded from the folder, not recorded as installed through Settings → Community Nodes.
				assert.deepEqual(await restOk(instance, 'GET', '/rest/community-packages'), []);
				assert.doesNotMatch(n8n.output, /Failed to load|Skipping package/);
			} finally {
				await n8n.stop();
				untrack();
			}
		},
	);
});

describe(`(c) n8n ${PINNED_N8N_VERSION}: N8N_COMMUNITY_PACKAGES with N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV`, () => {
	let partStarted;
	before(() => (partStarted = Date.now()));
	after(() => console.log(`# (c) environment install took ${seconds(partStarted)}`));

	// 2.40.7 reconciles the packages from N8N_COMMUNITY_PACKAGES at start-up
	// (instance-settings-loader/loaders/community-packages.instance-settings-loader.js), before the
	// HTTP server exists. A registry other than npmjs.org needs the license feature there; n8n's E2E
	// test mode can switch it on only once the server is up (PATCH /rest/e2e/feature), too late for
	// the start-up install. So against the local registry n8n refuses the install at start-up (it
	// logs the unlicensed feature and starts without the package), and the installer API refuses
	// changes because the packages are managed by the environment. With a licensed instance or
	// the package on npmjs.org the same settings install it.
	test(
		'start-up install from the environment: refused for an unlicensed custom registry; the API is locked',
		{ timeout: 300_000 },
		async () => {
			const mod = await n8nModule(PINNED_N8N_VERSION);
			const userFolder = tempDir('env');
			const instance = await startInstance(mod, userFolder, {
				N8N_COMMUNITY_PACKAGES_MANAGED_BY_ENV: 'true',
				N8N_COMMUNITY_PACKAGES: JSON.stringify([{ name: NAME, version: FIRST }]),
			});
			try {
				assert.match(
					instance.n8n.output,
					new RegExp(`Failed to install community package '${NAME}@${FIRST}' from env: .*`),
				);
				assert.match(instance.n8n.output, /customRegistry|license/i);
				assert.deepEqual(packageLeftovers(userFolder), []);
				const refused = await rest(instance, 'POST', '/rest/community-packages', {
					name: NAME,
					version: FIRST,
				});
				assert.equal(refused.status, 400);
				assert.match(JSON.stringify(refused.body), /managed via environment variables/);
			} finally {
				await instance.stop();
			}
		},
	);
});
