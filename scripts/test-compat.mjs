// `npm run test:compat`: the end-to-end tests (test/e2e) on each n8n version the package claims,
// one after another: each version is installed on first use into .n8n-runtime/n8n-<version>
// (scripts/n8n.mjs), then the same tests run against it, and the engine-reliance tests
// (test/engine) against its n8n-core. Prints a table of the results.
// Versions: the arguments, else N8N_COMPAT_VERSIONS (comma-separated), else COMPAT_N8N_VERSIONS
// (scripts/n8n.mjs); `--except-pinned` leaves out the pinned version (test:e2e runs that one).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { COMPAT_N8N_VERSIONS, PINNED_N8N_VERSION } = await import('./n8n.mjs');

const args = process.argv.slice(2).filter((arg) => arg !== '--except-pinned');
const fromEnv = process.env.N8N_COMPAT_VERSIONS?.split(',').filter(Boolean);
const versions = (args.length ? args : fromEnv?.length ? fromEnv : COMPAT_N8N_VERSIONS).filter(
	(version) => !(process.argv.includes('--except-pinned') && version === PINNED_N8N_VERSION),
);

/** Runs node with `nodeArgs` for one n8n version; output is shown and kept. Bounded by `timeoutMs`. */
function runNode(nodeArgs, version, timeoutMs) {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, nodeArgs, {
			cwd: ROOT,
			env: { ...process.env, N8N_VERSION: version },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		const take = (stream) => (chunk) => {
			output += chunk;
			stream.write(chunk);
		};
		child.stdout.on('data', take(process.stdout));
		child.stderr.on('data', take(process.stderr));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ ok: code === 0, output });
		});
	});
}

const seconds = (since) => Math.round((Date.now() - since) / 1000);
const results = [];
for (const version of versions) {
	console.log(`\n=== n8n ${version} ===`);
	let started = Date.now();
	const install = await runNode(
		['--input-type=module', '-e', "await (await import('./scripts/n8n.mjs')).ensureN8n()"],
		version,
		45 * 60_000,
	);
	const installSeconds = seconds(started);
	const result = {
		version,
		installSeconds,
		testSeconds: 0,
		pass: 0,
		fail: 0,
		skipped: 0,
		ok: install.ok,
	};
	if (install.ok) {
		started = Date.now();
		const tests = await runNode(
			[
				'--test',
				'--test-concurrency=1',
				'--test-reporter=spec',
				path.join('test', 'e2e', '*.test.mjs'),
			],
			version,
			45 * 60_000,
		);
		result.testSeconds = seconds(started);
		result.ok = tests.ok;
		result.pass = Number(/ℹ pass (\d+)/.exec(tests.output)?.[1] ?? 0);
		result.fail = Number(/ℹ fail (\d+)/.exec(tests.output)?.[1] ?? 0);
		result.skipped = Number(/ℹ skipped (\d+)/.exec(tests.output)?.[1] ?? 0);
		// What the package relies on in n8n's routing engine, on this version's n8n-core.
		started = Date.now();
		const engine = await runNode(
			[
				path.join('node_modules', 'jest', 'bin', 'jest.js'),
				'--config',
				path.join('test', 'compat', 'jest.engine.config.js'),
				'--forceExit',
				path.join('test', 'engine'),
			],
			version,
			10 * 60_000,
		);
		result.engineSeconds = seconds(started);
		result.engine = /Tests:\s+(.*)/.exec(engine.output)?.[1]?.trim() ?? 'did not run';
		result.ok = result.ok && engine.ok;
	}
	results.push(result);
}

const rows = [
	['n8n', 'result', 'tests', 'install', 'e2e run', 'engine reliances'],
	...results.map((r) => [
		r.version,
		r.ok ? 'passed' : 'FAILED',
		`${r.pass}/${r.pass + r.fail}${r.skipped ? ` (${r.skipped} skipped)` : ''}`,
		`${r.installSeconds} s`,
		`${r.testSeconds} s`,
		r.engine ? `${r.engine} (${r.engineSeconds} s)` : '-',
	]),
];
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
console.log(`\nn8n compatibility (Node ${process.version})`);
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join('  '));
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
