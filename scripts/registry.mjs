// A throw-away npm registry on 127.0.0.1 for the install tests (`npm run test:install`):
// verdaccio, pinned and installed on first use into the git-ignored .n8n-runtime/ (like n8n), not
// a devDependency. Its storage and config live in a temporary folder removed when it stops; it
// proxies npm's configured registry (`npm config get registry`, read at run time) for every
// package except this one, which exists only as published here.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RUNTIME, freePort, npm, run } from './n8n.mjs';
import { stopChild, track } from './services.mjs';

/** verdaccio 6.8.0: the newest 6.x that runs on Node 20–24 (6.10 wants Node 22 features). */
export const VERDACCIO_VERSION = '6.8.0';
const VERDACCIO_DIR = path.join(RUNTIME, `verdaccio-${VERDACCIO_VERSION}`);
const VERDACCIO_BIN = path.join(VERDACCIO_DIR, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
const MARKER = path.join(VERDACCIO_DIR, 'installed.json');
const log = (message) => console.log(`[registry] ${message}`);

/** Installs the pinned verdaccio on first use (about 30 s); later runs find the marker. */
export async function ensureVerdaccio() {
	const wanted = { verdaccio: VERDACCIO_VERSION, node: process.version };
	if (existsSync(MARKER) && existsSync(VERDACCIO_BIN)) {
		const marker = JSON.parse(readFileSync(MARKER, 'utf8'));
		if (marker.verdaccio === wanted.verdaccio && marker.node === wanted.node) return VERDACCIO_BIN;
	}
	const started = Date.now();
	log(
		`installing verdaccio ${VERDACCIO_VERSION} into ${path.relative(process.cwd(), VERDACCIO_DIR)}`,
	);
	rmSync(VERDACCIO_DIR, { recursive: true, force: true });
	mkdirSync(VERDACCIO_DIR, { recursive: true });
	writeFileSync(
		path.join(VERDACCIO_DIR, 'package.json'),
		JSON.stringify(
			{ name: 'verdaccio-runtime', private: true, dependencies: { verdaccio: VERDACCIO_VERSION } },
			null,
			2,
		),
	);
	await npm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: VERDACCIO_DIR,
		timeoutMs: 10 * 60_000,
	});
	writeFileSync(MARKER, JSON.stringify(wanted, null, 2));
	log(`verdaccio installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return VERDACCIO_BIN;
}

/** npm's configured registry (what `npm install` would use), read at run time. */
export async function upstreamRegistry() {
	const { stdout } = await npm(['config', 'get', 'registry'], { capture: true });
	const url = stdout.trim();
	if (!/^https?:\/\//.test(url)) throw new Error(`npm config get registry answered ${url}`);
	return url;
}

/**
 * Starts verdaccio on 127.0.0.1 (a free port) with a new storage folder; `own` are package names
 * served only from this registry (never looked up upstream), everything else is proxied to npm's
 * configured registry. Registers a user for publishing. Returns `{ url, publish(tarball), stop() }`.
 */
export async function startRegistry({ own = [] } = {}) {
	const bin = await ensureVerdaccio();
	const upstream = await upstreamRegistry();
	const dir = mkdtempSync(path.join(os.tmpdir(), 'n8n-install-registry-'));
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const quote = (text) => JSON.stringify(text);
	const config = [
		`storage: ${quote(path.join(dir, 'storage'))}`,
		'auth:',
		'  htpasswd:',
		`    file: ${quote(path.join(dir, 'htpasswd'))}`,
		'    max_users: 10',
		'uplinks:',
		'  upstream:',
		`    url: ${quote(upstream)}`,
		'    timeout: 60s',
		'    maxage: 30m',
		'packages:',
		...own.flatMap((name) => [
			`  ${quote(name)}:`,
			'    access: $all',
			'    publish: $authenticated',
			'    unpublish: $authenticated',
		]),
		"  '**':",
		'    access: $all',
		'    publish: $authenticated',
		'    proxy: upstream',
		'web:',
		'  enable: false',
		'middlewares:',
		'  audit:',
		'    enabled: false',
		'log: { type: stdout, format: pretty, level: warn }',
		'',
	].join('\n');
	const configFile = path.join(dir, 'config.yaml');
	writeFileSync(configFile, config);
	const child = spawn(
		process.execPath,
		[bin, '--config', configFile, '--listen', `127.0.0.1:${port}`],
		{
			cwd: dir,
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let output = '';
	const take = (chunk) => (output = (output + chunk).slice(-20_000));
	child.stdout.on('data', take);
	child.stderr.on('data', take);
	const cleanup = () => rmSync(dir, { recursive: true, force: true });
	const untrack = track({ kill: () => child.kill('SIGKILL'), cleanup });
	const stop = async () => {
		await stopChild(child, 'SIGTERM', 5_000);
		cleanup();
		untrack();
	};
	try {
		const deadline = Date.now() + 60_000;
		for (;;) {
			if (child.exitCode !== null) throw new Error(`verdaccio exited:\n${output}`);
			try {
				const res = await fetch(`${url}/-/ping`, { signal: AbortSignal.timeout(2000) });
				if (res.ok) break;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) throw new Error(`verdaccio did not start in 60 s:\n${output}`);
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		// A publishing user (htpasswd, registered the way `npm adduser` does).
		const user = { name: 'publisher', password: 'Throw-away-1' };
		const res = await fetch(`${url}/-/user/org.couchdb.user:${user.name}`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...user, type: 'user', roles: [], date: new Date().toISOString() }),
		});
		const body = await res.json();
		if (!body.token)
			throw new Error(`verdaccio refused the user: ${res.status} ${JSON.stringify(body)}`);
		const auth = `--//127.0.0.1:${port}/:_authToken=${body.token}`;
		return {
			url,
			upstream,
			pid: child.pid,
			get output() {
				return output;
			},
			/** Publishes a packed tarball (no lifecycle scripts run for a tarball). */
			publish: (tarball) =>
				npm(['publish', tarball, `--registry=${url}`, auth, '--loglevel=error'], {
					capture: true,
					timeoutMs: 120_000,
				}),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

/**
 * Packs the built package (`npm pack`: dist/ and package.json, what users install) into `dir`,
 * and a copy with the version `version` for each of `versions`. Returns the tarballs by version.
 */
export async function packVersions(root, dir, versions) {
	const { stdout } = await npm(
		['pack', '--silent', '--ignore-scripts', `--pack-destination=${dir}`],
		{
			cwd: root,
			capture: true,
		},
	);
	const original = path.join(dir, stdout.trim().split('\n').at(-1));
	const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	const tarballs = {};
	for (const wanted of versions) {
		if (wanted === version) {
			tarballs[wanted] = original;
			continue;
		}
		const copy = path.join(dir, `v${wanted}`);
		mkdirSync(copy, { recursive: true });
		await run('tar', ['-xzf', original, '-C', copy], { capture: true });
		const manifest = path.join(copy, 'package', 'package.json');
		const json = JSON.parse(readFileSync(manifest, 'utf8'));
		writeFileSync(manifest, JSON.stringify({ ...json, version: wanted }, null, '\t') + '\n');
		const packed = await npm(
			['pack', '--silent', '--ignore-scripts', `--pack-destination=${copy}`],
			{ cwd: path.join(copy, 'package'), capture: true },
		);
		tarballs[wanted] = path.join(copy, packed.stdout.trim().split('\n').at(-1));
	}
	return tarballs;
}
