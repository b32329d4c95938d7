// Debian packages the tests run for real: Redis and PostgreSQL for n8n's queue mode
// (`npm run dev:queue`, `npm run test:scale`, `npm run bench:scale`) and Chromium for the
// browser test (`npm run test:ui`), installed with apt-get when missing (needs root). Redis and
// PostgreSQL are started on 127.0.0.1 on a free port with a throw-away data folder and stopped
// afterwards; a process that exits without stopping them still kills them and removes their
// data (see `track`).
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, run } from './n8n.mjs';

const REDIS_SERVER = '/usr/bin/redis-server';
const PG_ROOT = '/usr/lib/postgresql';
const CHROMIUM = '/usr/bin/chromium';
const POLICY_RC = '/usr/sbin/policy-rc.d';
const log = (message) => console.log(`[services] ${message}`);

/** The newest PostgreSQL server binaries installed (Debian: /usr/lib/postgresql/<major>/bin). */
function postgresBin() {
	if (!existsSync(PG_ROOT)) return undefined;
	const majors = readdirSync(PG_ROOT)
		.filter((name) => existsSync(path.join(PG_ROOT, name, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(PG_ROOT, majors[0], 'bin') : undefined;
}

/**
 * Installs Debian `packages` with apt-get (as root, without their recommendations). Debian would
 * start a package's own system service on install; a /usr/sbin/policy-rc.d answering 101 (what
 * containers usually have) forbids that, and is put in place for the install when missing, so
 * no Redis or PostgreSQL service keeps running: only the throw-away ones below are used.
 */
export async function aptInstall(packages) {
	if (process.getuid?.() !== 0) {
		throw new Error(
			`${packages.join(' and ')} missing; install as root: apt-get install -y ${packages.join(' ')}`,
		);
	}
	const started = Date.now();
	log(`installing ${packages.join(', ')} with apt-get`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const ownPolicy = !existsSync(POLICY_RC);
	if (ownPolicy) writeFileSync(POLICY_RC, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
	try {
		await run('apt-get', ['update', '-qq'], { env, timeoutMs: 600_000, capture: true });
		await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
			env,
			timeoutMs: 900_000,
			capture: true,
		});
	} finally {
		if (ownPolicy) rmSync(POLICY_RC, { force: true });
	}
	log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Installs `redis-server` and `postgresql` from Debian when either is missing. */
export async function ensureServices() {
	const missing = [];
	if (!existsSync(REDIS_SERVER)) missing.push('redis-server');
	if (!postgresBin()) missing.push('postgresql');
	if (missing.length) await aptInstall(missing);
}

/** Debian's Chromium (installed when missing); returns its executable. */
export async function ensureChromium() {
	if (!existsSync(CHROMIUM)) await aptInstall(['chromium']);
	return CHROMIUM;
}

/** Children that must not outlive this process, whatever way it ends. */
const tracked = new Set();
let exitHookInstalled = false;

/**
 * Registers `entry` ({ kill(), cleanup() }, both synchronous) to run when this process exits
 * without having stopped it; returns a function that unregisters it.
 */
export function track(entry) {
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		process.on('exit', () => {
			for (const item of tracked) {
				try {
					item.kill();
				} catch {
					// already gone
				}
				item.cleanup?.();
			}
		});
	}
	tracked.add(entry);
	return () => tracked.delete(entry);
}

/** Resolves when `child` has exited (at once if it already has). */
export const exited = (child) =>
	child.exitCode !== null || child.signalCode
		? Promise.resolve()
		: new Promise((resolve) => child.once('exit', resolve));

/** Sends `signal`, then SIGKILL after `graceMs`; resolves when the process has exited. */
export async function stopChild(child, signal = 'SIGTERM', graceMs = 15_000) {
	if (child.exitCode !== null || child.signalCode) return;
	const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
	child.kill(signal);
	await exited(child);
	clearTimeout(force);
}

/** Keeps the last lines of a child's output (for error messages); `onLine` sees every line. */
function collect(child, onLine) {
	let tail = '';
	const take = (chunk) => {
		tail = (tail + chunk).slice(-20_000);
		for (const line of String(chunk).split('\n')) if (line.trim()) onLine?.(line);
	};
	child.stdout?.on('data', take);
	child.stderr?.on('data', take);
	return () => tail;
}

/** Polls `probe` (true when ready) every 200 ms for up to `timeoutMs`. */
async function waitFor(what, probe, child, output, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	while (!(await probe())) {
		if (child.exitCode !== null || child.signalCode)
			throw new Error(`${what} exited during start-up:\n${output()}`);
		if (Date.now() > deadline)
			throw new Error(`${what} not ready after ${timeoutMs / 1000} s:\n${output()}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** Redis on 127.0.0.1, nothing persisted (data folder only for its working directory). */
export async function startRedis() {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-redis-'));
	const port = await freePort();
	const child = spawn(
		REDIS_SERVER,
		[
			'--bind',
			'127.0.0.1',
			'--port',
			String(port),
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--protected-mode',
			'yes',
		],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const cleanup = () => rmSync(dir, { recursive: true, force: true });
	const untrack = track({ kill: () => child.kill('SIGKILL'), cleanup });
	const output = collect(child);
	const ping = () =>
		spawnSync('/usr/bin/redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], {
			encoding: 'utf8',
		}).stdout?.trim() === 'PONG';
	await waitFor('redis-server', ping, child, output);
	return {
		host: '127.0.0.1',
		port,
		pid: child.pid,
		async stop() {
			await stopChild(child, 'SIGTERM', 10_000);
			cleanup();
			untrack();
		},
	};
}

/**
 * PostgreSQL on 127.0.0.1 with a new cluster in a temporary folder, run as the `postgres` system
 * user (the server refuses root). Trust authentication on loopback only; fsync off (the data is
 * thrown away). Returns the connection settings and `stop`.
 */
export async function startPostgres({ database = 'n8n', user = 'n8n' } = {}) {
	const bin = postgresBin();
	const ids = (flag) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout);
	const uid = ids('-u');
	const gid = ids('-g');
	if (!uid) throw new Error('no postgres system user (the postgresql package creates it)');
	const dir = mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-pg-'));
	chownSync(dir, uid, gid);
	const data = path.join(dir, 'data');
	const asPostgres = { uid, gid, env: { ...process.env, HOME: dir, LC_ALL: 'C.UTF-8' } };
	const cleanup = () => rmSync(dir, { recursive: true, force: true });
	const initdb = spawnSync(
		path.join(bin, 'initdb'),
		['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
		{ ...asPostgres, encoding: 'utf8', timeout: 120_000 },
	);
	if (initdb.status !== 0) {
		cleanup();
		throw new Error(`initdb failed:\n${initdb.stdout}\n${initdb.stderr}`);
	}
	const port = await freePort();
	const child = spawn(
		path.join(bin, 'postgres'),
		[
			'-D',
			data,
			'-p',
			String(port),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			`unix_socket_directories=${dir}`,
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=200',
		],
		{ ...asPostgres, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	// SIGQUIT: immediate shutdown, the server's children go with it.
	const untrack = track({ kill: () => child.kill('SIGQUIT'), cleanup });
	const output = collect(child);
	const psql = (sql, db = 'postgres') =>
		spawnSync(
			path.join(bin, 'psql'),
			['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', db, '-Atqc', sql],
			{ encoding: 'utf8', env: asPostgres.env },
		);
	await waitFor('postgres', () => psql('select 1').status === 0, child, output);
	for (const sql of [`create role ${user} login`, `create database ${database} owner ${user}`]) {
		const result = psql(sql);
		if (result.status !== 0) throw new Error(`${sql}: ${result.stderr}`);
	}
	return {
		host: '127.0.0.1',
		port,
		database,
		user,
		pid: child.pid,
		/** Runs one SQL statement in the n8n database; returns its rows as `|`-separated text. */
		query(sql) {
			const result = psql(sql, database);
			if (result.status !== 0) throw new Error(`${sql}: ${result.stderr}`);
			return result.stdout.trim();
		},
		async stop() {
			// SIGINT: fast shutdown (ends the sessions, no waiting for clients).
			await stopChild(child, 'SIGINT', 15_000);
			cleanup();
			untrack();
		},
	};
}
