// scripts/live-check.mjs: without credentials it only says what to set; with credentials (here
// the sandbox's, standing in for the real APIs) every allow-listed operation runs through the
// built nodes and nothing but reads reaches the API. Needs dist/ (npm run build).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
	allowListProblems,
	CREDENTIAL_REQUESTS,
	current,
	fieldDifferences,
	installGuard,
	isAllowed,
	READ_ONLY_OPERATIONS,
	VARIABLES,
} from '../../scripts/live-check.mjs';
import {
	EPILOT_SEED,
	EPILOT_TOKEN,
	EXOLINK_SEED,
	EXOLINK_TOKEN,
	startSandbox,
} from '../sandbox/index.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'live-check.mjs');
const require = createRequire(import.meta.url);

/** Runs the script with exactly `env` (plus PATH and HOME); resolves its exit code and output. */
function liveCheck(env, args = []) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [SCRIPT, ...args], {
			cwd: ROOT,
			env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

test('without credentials it names every variable to set and exits 0', async () => {
	const { code, stdout, stderr } = await liveCheck({});
	assert.equal(code, 0, stderr);
	assert.match(stdout, /no vendor credentials set, nothing checked/);
	for (const { required, optional } of Object.values(VARIABLES)) {
		for (const name of [...Object.keys(required), ...Object.keys(optional)]) {
			assert.match(stdout, new RegExp(`\\b${name}\\b`));
		}
	}
});

test('a vendor with only some of its variables is refused with the missing ones (exit 2)', async () => {
	const { code, stderr } = await liveCheck({ EXOLINK_TENANT: 'abc123' });
	assert.equal(code, 2);
	assert.match(stderr, /exolink is partly set up; also set EXOLINK_ACCESS_TOKEN/);
});

test('the allow-list holds only reads, and the built nodes send what it says', () => {
	for (const entry of [...READ_ONLY_OPERATIONS, ...Object.values(CREDENTIAL_REQUESTS).flat()]) {
		assert.ok(
			entry.method === 'GET' || (entry.method === 'POST' && entry.readOnlyPost),
			`${entry.name ?? entry.path}: ${entry.method}`,
		);
	}
	const descriptionOf = (file, name) =>
		new (require(path.join(ROOT, 'dist', 'nodes', file))[name])().description;
	const descriptions = {
		epilot: descriptionOf('Epilot/Epilot.node.js', 'Epilot'),
		exolink: descriptionOf('Exolink/Exolink.node.js', 'Exolink'),
		exorlive: descriptionOf('ExorLive/ExorLive.node.js', 'ExorLive'),
	};
	assert.deepEqual(allowListProblems(descriptions), []);
	// The guard's rule: a listed request, by method and path; nothing else.
	const roles = READ_ONLY_OPERATIONS.filter((e) => e.name === 'Partner Role Get Many');
	assert.ok(isAllowed(roles, { method: 'GET', path: '/epilot/v2/partners/200001/roles' }));
	assert.ok(!isAllowed(roles, { method: 'POST', path: '/epilot/v2/partners/200001/roles' }));
	assert.ok(!isAllowed(roles, { method: 'GET', path: '/v2/partners/200001/roles/x' }));
});

test('fields are compared by the top-level keys of all items', () => {
	const items = (...records) => records.map((json) => ({ json }));
	assert.deepEqual(
		fieldDifferences(items({ id: 1, extra: 2 }, { id: 3, more: 4 }), items({ id: 1, gone: 0 })),
		{
			sandboxLacks: ['extra', 'more'],
			realLacks: ['gone'],
		},
	);
	assert.deepEqual(fieldDifferences(items({ id: 1 }), []), { sandboxLacks: [], realLacks: [] });
});

test('against the sandbox every operation is ok and only reads reach it', async () => {
	const sandbox = await startSandbox({ port: 0, answers: 'documented' });
	try {
		const exorlive = sandbox.credentials().find((c) => c.type === 'exorLiveApi').data;
		const { code, stdout, stderr } = await liveCheck(
			{
				EPILOT_ACCESS_TOKEN: EPILOT_TOKEN,
				EPILOT_BASE_URL: sandbox.urls.epilot,
				EPILOT_ORG_ID: EPILOT_SEED.partnerOrgId,
				EXOLINK_ACCESS_TOKEN: EXOLINK_TOKEN,
				EXOLINK_BASE_URL: sandbox.urls.exolink,
				EXOLINK_TENANT: EXOLINK_SEED.tenant,
				EXORLIVE_CLIENT_KEY: exorlive.clientKey,
				EXORLIVE_CLIENT_SECRET: exorlive.clientSecret,
				EXORLIVE_REDIRECT_URI: exorlive.redirectUri,
				EXORLIVE_CLIENT_NAME: exorlive.clientName,
				EXORLIVE_ADMIN_USER_ID: String(exorlive.adminUserId),
				EXORLIVE_AUTH_BASE_URL: exorlive.authBaseUrl,
				EXORLIVE_API_BASE_URL: exorlive.apiBaseUrl,
			},
			['--json'],
		);
		assert.equal(code, 0, `${stdout}\n${stderr}`);
		const report = JSON.parse(stdout);
		assert.deepEqual(report.checked, ['epilot', 'exolink', 'exorlive']);
		assert.deepEqual(
			report.operations.map((o) => [o.vendor, o.operation, o.status]),
			READ_ONLY_OPERATIONS.map((e) => [e.vendor, e.name, 'ok']),
		);
		for (const operation of report.operations) {
			assert.equal(typeof operation.latencyMs, 'number');
			assert.equal(operation.sandbox.status, 'ok');
			// The same sandbox on both sides: no field differs.
			assert.deepEqual(operation.fieldsSandboxLacks, [], operation.operation);
		}
		const vendorRequests = sandbox.requests.filter((r) => r.vendor !== '_sandbox');
		assert.ok(vendorRequests.length >= READ_ONLY_OPERATIONS.length);
		const writes = vendorRequests.filter(
			(r) =>
				r.method !== 'GET' &&
				!(r.method === 'POST' && /\/v1\/partners\/assignables:search$/.test(r.path)) &&
				!(r.method === 'POST' && /\/Providers\/OAuth\/Token\.ashx$/.test(r.path)),
		);
		assert.deepEqual(writes, []);
	} finally {
		await sandbox.stop();
	}
});

test('the guard refuses a request off the allow-list before it is sent', async () => {
	const sandbox = await startSandbox({ port: 0, answers: 'documented' });
	const uninstall = installGuard();
	try {
		current.allowed = READ_ONLY_OPERATIONS.filter((e) => e.name === 'Partner Role Get Many');
		const send = (method) =>
			new Promise((resolve, reject) => {
				const request = http.request(`${sandbox.urls.epilot}/v2/partners/200001/roles`, {
					method,
					headers: { authorization: `Bearer ${EPILOT_TOKEN}` },
				});
				request.on('response', (response) => resolve(response.resume().statusCode));
				request.on('error', reject);
				request.end(method === 'POST' ? '{}' : undefined);
			});
		assert.throws(() => http.request({ method: 'DELETE', path: '/x' }), {
			message: 'live-check refused DELETE /x: not on its read-only allow-list',
		});
		await assert.rejects(
			send('POST'),
			/live-check refused POST \/epilot\/v2\/partners\/200001\/roles/,
		);
		assert.equal(await send('GET'), 200);
		assert.deepEqual(
			sandbox.requests.map((r) => `${r.method} ${r.path}`),
			['GET /v2/partners/200001/roles'],
		);
	} finally {
		current.allowed = [];
		uninstall();
		await sandbox.stop();
	}
});
