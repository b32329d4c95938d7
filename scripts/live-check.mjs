// `npm run live-check`: the built nodes (dist/) against the real vendor APIs, for maintainers
// with real accounts. Read-only: it runs only the operations of READ_ONLY_OPERATIONS below (lists,
// searches, gets), through n8n-core's engine as the tests do (test/harness/engine.ts, compiled
// into the git-ignored .live-check/), and refuses any other request before it is sent.
//
// Per operation it prints the status (ok, or error with the message), the latency in ms (the
// node's whole run: ExorLive's first one includes its token exchange), the number of items, and
// the top-level answer fields the sandbox lacks: the same operation runs against the sandbox
// (test/sandbox, in this process, documented answers only) and the keys of the items are
// compared.
//
// Credentials come from environment variables (VARIABLES below). A vendor is checked when its
// variables are set; without any, it prints what to set and exits 0. Exit codes: 0 every
// operation ok (or nothing to check), 1 an operation failed or a request was refused, 2 a
// vendor's variables are incomplete or dist/ is missing. `--json` prints the report as JSON.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.join(ROOT, '.live-check');
const require = createRequire(import.meta.url);

/** The environment variables of each vendor; `required` ones make the vendor checkable. */
export const VARIABLES = {
	epilot: {
		required: { EPILOT_ACCESS_TOKEN: 'an epilot access token (Settings > Access Tokens)' },
		optional: {
			EPILOT_BASE_URL:
				'the partner directory API, default https://partner-directory-api.sls.epilot.io',
			EPILOT_ORG_ID: 'a partner organization ID, for Partner User and Partner Role Get Many',
		},
	},
	exolink: {
		required: { EXOLINK_ACCESS_TOKEN: 'an Exolink API bearer token' },
		optional: {
			EXOLINK_BASE_URL: 'the Exolink API, default https://api.exolink.cloud',
			EXOLINK_TENANT:
				"a tenant's domain prefix (e.g. abc123), for Tenant Get and Tenant User Get Many",
		},
	},
	exorlive: {
		required: {
			EXORLIVE_CLIENT_KEY: 'the client key (OAuth client_id)',
			EXORLIVE_CLIENT_SECRET: 'the client secret',
			EXORLIVE_REDIRECT_URI: 'the registered domain (redirect URI), exactly as registered',
			EXORLIVE_CLIENT_NAME: 'the client name (ExorLive-Client header)',
			EXORLIVE_ADMIN_USER_ID: 'the ExorLive user ID of the administrator the key was issued for',
		},
		optional: {
			EXORLIVE_SCOPE: "the OAuth scopes, default the credential's",
			EXORLIVE_AUTH_BASE_URL: 'the authentication server, default https://auth.exorlive.com',
			EXORLIVE_API_BASE_URL: 'the application host, default https://exorlive.com',
		},
	},
};

const rl = (value) => ({ __rl: true, mode: 'id', value: String(value) });

/**
 * The allow-list: the only operations this script runs, each with the one request it sends
 * (method and path as in the node's routing). Only GETs, and POSTs that are searches reading
 * data (`readOnlyPost` says why). `values` are a vendor's run values (see `valuesOf`).
 */
export const READ_ONLY_OPERATIONS = [
	{
		vendor: 'epilot',
		name: 'Assignable Search (limit 5)',
		parameters: () => ({ resource: 'assignable', operation: 'search', returnAll: false, limit: 5 }),
		method: 'POST',
		path: '/v1/partners/assignables:search',
		readOnlyPost: 'a search: epilot takes the query in a POST body and changes nothing',
	},
	{
		vendor: 'epilot',
		name: 'Partner User Get Many',
		needs: { value: 'orgId', variable: 'EPILOT_ORG_ID' },
		parameters: (values) => ({
			resource: 'partnerUser',
			operation: 'getAll',
			orgId: rl(values.orgId),
		}),
		method: 'GET',
		path: '/v2/partners/{orgId}/users',
	},
	{
		vendor: 'epilot',
		name: 'Partner Role Get Many',
		needs: { value: 'orgId', variable: 'EPILOT_ORG_ID' },
		parameters: (values) => ({
			resource: 'partnerRole',
			operation: 'getAll',
			orgId: rl(values.orgId),
		}),
		method: 'GET',
		path: '/v2/partners/{orgId}/roles',
	},
	{
		vendor: 'exolink',
		name: 'Product Get Many',
		parameters: () => ({ resource: 'product', operation: 'getAll' }),
		method: 'GET',
		path: '/product',
	},
	{
		vendor: 'exolink',
		name: 'Tenant Get',
		needs: { value: 'tenant', variable: 'EXOLINK_TENANT' },
		parameters: (values) => ({ resource: 'tenant', operation: 'get', tenant: values.tenant }),
		method: 'GET',
		path: '/tenant/{tenant}',
	},
	{
		vendor: 'exolink',
		name: 'Tenant User Get Many',
		needs: { value: 'tenant', variable: 'EXOLINK_TENANT' },
		parameters: (values) => ({
			resource: 'tenantUser',
			operation: 'getAll',
			tenant: values.tenant,
		}),
		method: 'GET',
		path: '/tenant/{tenant}/user',
	},
	{
		vendor: 'exorlive',
		name: 'User Lookup (the admin user by ID)',
		parameters: (values) => ({
			resource: 'user',
			operation: 'lookup',
			type: 'id',
			text: String(values.adminUserId),
			whenNotFound: 'item',
		}),
		method: 'GET',
		path: '/api4/user/lookupuser',
	},
	{
		vendor: 'exorlive',
		name: 'Workout Export Get Available Workouts (all)',
		parameters: () => ({
			resource: 'workoutExport',
			operation: 'getAvailableWorkouts',
			scope: 'new',
		}),
		method: 'GET',
		path: '/api4/export/GetAvailableWorkouts',
	},
];

/**
 * Requests a vendor's credential sends besides the operation's: ExorLive's token exchange
 * (nodes/ExorLive/auth/), which issues a token and changes no data.
 */
export const CREDENTIAL_REQUESTS = {
	epilot: [],
	exolink: [],
	exorlive: [
		{ method: 'GET', path: '/Providers/OAuth/Authorize.aspx' },
		{
			method: 'POST',
			path: '/Providers/OAuth/Token.ashx',
			readOnlyPost: 'the OAuth token exchange: issues a token, changes no data',
		},
	],
};

const NODES = { epilot: 'epilot', exolink: 'exolink', exorlive: 'exorLive' };
const CREDENTIAL_TYPES = { epilot: 'epilotApi', exolink: 'exolinkApi', exorlive: 'exorLiveApi' };

/** A path template as a pattern for the end of a request's path (base URLs may have a prefix). */
function pathPattern(template) {
	const source = template
		.split(/\{[^}]+\}/)
		.map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
		.join('[^/]+');
	return new RegExp(`${source}$`);
}

/** Whether `request` ({ method, path }) is one of `allowed`, and only GETs or read-only POSTs. */
export function isAllowed(allowed, request) {
	return allowed.some(
		(entry) =>
			(entry.method === 'GET' || (entry.method === 'POST' && entry.readOnlyPost)) &&
			entry.method === request.method.toUpperCase() &&
			pathPattern(entry.path).test(request.path),
	);
}

/**
 * Problems of the allow-list against the built nodes' descriptions (`descriptions`: vendor ->
 * node description): an operation that is not a GET or a documented read-only POST, or whose
 * routing in the node sends another method or path than the allow-list says.
 */
export function allowListProblems(descriptions) {
	const problems = [];
	for (const entry of READ_ONLY_OPERATIONS) {
		const { resource, operation } = entry.parameters({ orgId: '1', tenant: 't', adminUserId: 1 });
		if (entry.method !== 'GET' && !(entry.method === 'POST' && entry.readOnlyPost)) {
			problems.push(`${entry.vendor} ${entry.name}: ${entry.method} is not read-only`);
		}
		const description = descriptions[entry.vendor];
		const option = description?.properties
			.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
			.flatMap((p) => p.options ?? [])
			.find((o) => o.value === operation);
		const request = option?.routing?.request;
		if (!request) {
			problems.push(`${entry.vendor} ${entry.name}: no ${resource}/${operation} in the node`);
			continue;
		}
		const method = String(request.method ?? 'GET').toUpperCase();
		if (method !== entry.method || request.url !== entry.path) {
			problems.push(
				`${entry.vendor} ${entry.name}: the node sends ${method} ${request.url}, the allow-list says ${entry.method} ${entry.path}`,
			);
		}
	}
	return problems;
}

/**
 * Refuses, before it is sent, every HTTP request that the operation running now may not send
 * (`current.allowed`); refused requests are kept in `current.refused`. n8n-core's requests go
 * through axios, which calls http(s).request.
 */
export const current = { allowed: [], refused: [] };

/** Puts the guard on http and https; returns a function that takes it off again. */
export function installGuard() {
	const restores = [http, https].flatMap((module) =>
		['request', 'get'].map((name) => {
			const original = module[name];
			module[name] = function (...args) {
				const [first, second] = args;
				const options =
					typeof first === 'string' || first instanceof URL
						? { ...(typeof second === 'object' && second ? second : {}), url: new URL(first) }
						: first;
				const method = String(options.method ?? 'GET').toUpperCase();
				const requestPath = options.url
					? options.url.pathname
					: String(options.path ?? '/').split('?')[0];
				if (!isAllowed(current.allowed, { method, path: requestPath })) {
					const refused = `${method} ${requestPath}`;
					current.refused.push(refused);
					throw new Error(`live-check refused ${refused}: not on its read-only allow-list`);
				}
				return original.apply(this, args);
			};
			return () => (module[name] = original);
		}),
	);
	return () => restores.forEach((restore) => restore());
}

/** Which vendors to check, and the variables missing for a vendor that is partly set up. */
export function vendorsFrom(env) {
	const checked = [];
	const incomplete = [];
	for (const [vendor, { required, optional }] of Object.entries(VARIABLES)) {
		const names = [...Object.keys(required), ...Object.keys(optional)];
		if (!names.some((name) => env[name])) continue;
		const missing = Object.keys(required).filter((name) => !env[name]);
		if (missing.length) incomplete.push({ vendor, missing });
		else checked.push(vendor);
	}
	return { checked, incomplete };
}

/** The credential data and run values of a vendor from the environment. */
function realSetup(vendor, env) {
	const custom = (url) => (url ? { server: 'custom', customUrl: url } : {});
	if (vendor === 'epilot') {
		return {
			credentials: { accessToken: env.EPILOT_ACCESS_TOKEN, ...custom(env.EPILOT_BASE_URL) },
			values: { orgId: env.EPILOT_ORG_ID },
		};
	}
	if (vendor === 'exolink') {
		return {
			credentials: { accessToken: env.EXOLINK_ACCESS_TOKEN, ...custom(env.EXOLINK_BASE_URL) },
			values: { tenant: env.EXOLINK_TENANT },
		};
	}
	const optional = {
		scope: env.EXORLIVE_SCOPE,
		authBaseUrl: env.EXORLIVE_AUTH_BASE_URL,
		apiBaseUrl: env.EXORLIVE_API_BASE_URL,
	};
	return {
		credentials: {
			clientKey: env.EXORLIVE_CLIENT_KEY,
			clientSecret: env.EXORLIVE_CLIENT_SECRET,
			redirectUri: env.EXORLIVE_REDIRECT_URI,
			clientName: env.EXORLIVE_CLIENT_NAME,
			adminUserId: Number(env.EXORLIVE_ADMIN_USER_ID),
			...Object.fromEntries(Object.entries(optional).filter(([, value]) => value)),
		},
		values: { adminUserId: env.EXORLIVE_ADMIN_USER_ID },
	};
}

/** The same for the sandbox: its credentials and seed data. */
async function sandboxSetup(sandbox) {
	const { EPILOT_SEED, EXOLINK_SEED, EXORLIVE_SEED } = await import('../test/sandbox/index.mjs');
	const byType = Object.fromEntries(sandbox.credentials().map((c) => [c.type, c.data]));
	return {
		epilot: { credentials: byType.epilotApi, values: { orgId: EPILOT_SEED.partnerOrgId } },
		exolink: { credentials: byType.exolinkApi, values: { tenant: EXOLINK_SEED.tenant } },
		exorlive: {
			credentials: byType.exorLiveApi,
			values: { adminUserId: EXORLIVE_SEED.adminUserId },
		},
	};
}

function printHelp() {
	const width = Math.max(
		...Object.values(VARIABLES).flatMap(({ required, optional }) =>
			[...Object.keys(required), ...Object.keys(optional)].map((name) => name.length),
		),
	);
	console.log('live-check: no vendor credentials set, nothing checked.\n');
	console.log('It runs read-only operations of the built nodes against the real vendor APIs.');
	console.log('Set the variables of the vendors to check (the others are skipped):\n');
	for (const [vendor, { required, optional }] of Object.entries(VARIABLES)) {
		console.log(`  ${vendor}`);
		for (const [name, what] of Object.entries(required)) {
			console.log(`    ${name.padEnd(width)}  ${what}`);
		}
		for (const [name, what] of Object.entries(optional)) {
			console.log(`    ${name.padEnd(width)}  optional: ${what}`);
		}
	}
	console.log('\nthen run: npm run live-check');
}

/** Compiles the test harness into .live-check/harness when it is older than its source. */
function loadHarness() {
	const source = path.join(ROOT, 'test', 'harness', 'engine.ts');
	const output = path.join(WORK, 'harness', 'engine.js');
	if (!existsSync(output) || statSync(output).mtimeMs < statSync(source).mtimeMs) {
		const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
		const config = path.join(ROOT, 'scripts', 'live-check.tsconfig.json');
		const result = spawnSync(process.execPath, [tsc, '-p', config], { encoding: 'utf8' });
		if (result.status !== 0) {
			throw new Error(`compiling the test harness failed:\n${result.stdout}${result.stderr}`);
		}
	}
	return require(output);
}

const keysOf = (items) => [...new Set(items.flatMap((item) => Object.keys(item.json ?? {})))];

/**
 * The top-level fields of the real answer's items that the sandbox's items lack, and the other
 * way round; nothing when either side has no items to compare.
 */
export function fieldDifferences(realItems, sandboxItems) {
	if (!realItems.length || !sandboxItems.length) return { sandboxLacks: [], realLacks: [] };
	const realKeys = keysOf(realItems);
	const sandboxKeys = keysOf(sandboxItems);
	return {
		sandboxLacks: realKeys.filter((key) => !sandboxKeys.includes(key)),
		realLacks: sandboxKeys.filter((key) => !realKeys.includes(key)),
	};
}

/** Runs one operation with `setup`, allowing only its own request and its credential's. */
async function runOperation(harness, entry, setup) {
	current.allowed = [entry, ...CREDENTIAL_REQUESTS[entry.vendor]];
	const refusedBefore = current.refused.length;
	const started = performance.now();
	let result;
	try {
		result = await harness.runNode({
			node: NODES[entry.vendor],
			parameters: entry.parameters(setup.values),
			credentials: { [CREDENTIAL_TYPES[entry.vendor]]: setup.credentials },
		});
	} catch (error) {
		result = { items: [], error };
	} finally {
		current.allowed = [];
	}
	const latencyMs = Math.round(performance.now() - started);
	const refused = current.refused.slice(refusedBefore);
	const error = result.error
		? [result.error.message, result.error.description].filter(Boolean).join(': ')
		: refused.length
			? `refused ${refused.join(', ')}`
			: undefined;
	return { error, latencyMs, items: result.items, refused };
}

function report(line, json) {
	if (!json) console.log(line);
}

async function main() {
	const json = process.argv.includes('--json');
	const { checked, incomplete } = vendorsFrom(process.env);
	if (incomplete.length) {
		for (const { vendor, missing } of incomplete) {
			console.error(`live-check: ${vendor} is partly set up; also set ${missing.join(', ')}`);
		}
		return 2;
	}
	if (!checked.length) {
		if (json) console.log(JSON.stringify({ checked: [], operations: [] }));
		else printHelp();
		return 0;
	}
	if (!existsSync(path.join(ROOT, 'dist', 'nodes'))) {
		console.error(
			'live-check: dist/ is missing: run npm run build first (npm run live-check does)',
		);
		return 2;
	}

	process.chdir(ROOT); // the harness loads the package from the current folder
	process.env.N8N_USER_FOLDER ??= path.join(WORK, 'n8n-user');
	process.env.N8N_LOG_LEVEL ??= 'silent';
	await import('reflect-metadata');
	const harness = loadHarness();

	const loader = await harness.loadPackage();
	const descriptions = Object.fromEntries(
		Object.entries(NODES).map(([vendor, node]) => [vendor, loader.getNode(node).type.description]),
	);
	const problems = allowListProblems(descriptions);
	if (problems.length) {
		for (const problem of problems) console.error(`live-check: allow-list: ${problem}`);
		return 1;
	}
	installGuard();

	const { startSandbox } = await import('../test/sandbox/index.mjs');
	const sandbox = await startSandbox({ port: 0, answers: 'documented' });
	const results = [];
	try {
		const sandboxSetups = await sandboxSetup(sandbox);
		report(
			`live-check: ${checked.join(', ')} (read-only; fields compared with the sandbox)\n`,
			json,
		);
		for (const vendor of checked) {
			const setup = realSetup(vendor, process.env);
			for (const entry of READ_ONLY_OPERATIONS.filter((e) => e.vendor === vendor)) {
				const label = `${vendor.padEnd(8)} ${entry.name.padEnd(44)}`;
				if (entry.needs && !setup.values[entry.needs.value]) {
					const variable = entry.needs.variable;
					results.push({ vendor, operation: entry.name, status: 'skipped', needs: variable });
					report(`${label} skipped (set ${variable})`, json);
					continue;
				}
				const real = await runOperation(harness, entry, setup);
				const fake = await runOperation(harness, entry, sandboxSetups[vendor]);
				const fields = fieldDifferences(real.error ? [] : real.items, fake.error ? [] : fake.items);
				const result = {
					vendor,
					operation: entry.name,
					status: real.error ? 'error' : 'ok',
					...(real.error ? { error: real.error } : {}),
					latencyMs: real.latencyMs,
					items: real.items.length,
					sandbox: fake.error
						? { status: 'error', error: fake.error }
						: { status: 'ok', items: fake.items.length },
					fieldsSandboxLacks: fields.sandboxLacks,
					fieldsRealLacks: fields.realLacks,
					refused: [...real.refused, ...fake.refused],
				};
				results.push(result);
				const status = real.error
					? `error  ${String(real.latencyMs).padStart(6)} ms  ${real.error}`
					: `ok     ${String(real.latencyMs).padStart(6)} ms  ${String(real.items.length).padStart(3)} item${real.items.length === 1 ? '' : 's'}`;
				let note = '';
				if (!real.error) {
					if (fake.error) note = `  (sandbox: error ${fake.error})`;
					else if (!real.items.length) note = '  (no items to compare)';
					else if (!fake.items.length) note = '  (the sandbox answered no items to compare)';
					else {
						note = result.fieldsSandboxLacks.length
							? `  fields the sandbox lacks: ${result.fieldsSandboxLacks.join(', ')}`
							: '  fields: none the sandbox lacks';
						if (result.fieldsRealLacks.length) {
							note += `; only in the sandbox: ${result.fieldsRealLacks.join(', ')}`;
						}
					}
				}
				report(`${label} ${status}${note}`, json);
			}
		}
	} finally {
		await sandbox.stop();
	}
	const failed = results.filter((r) => r.status === 'error' || r.refused?.length);
	if (json) console.log(JSON.stringify({ checked, operations: results }, null, 2));
	else {
		const ok = results.filter((r) => r.status === 'ok').length;
		const skipped = results.filter((r) => r.status === 'skipped').length;
		console.log(`\n${ok} ok, ${failed.length} failed, ${skipped} skipped`);
	}
	return failed.length ? 1 : 0;
}

const isMain =
	import.meta.main ??
	(process.argv[1] !== undefined &&
		path.resolve(process.argv[1]) === fileURLToPath(import.meta.url));
if (isMain) process.exit(await main());
