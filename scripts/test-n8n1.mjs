// Runs the ExorLive engine tests (test/exorlive, test/exorlive-trigger) against n8n 1.x's engine:
// n8n-core and n8n-workflow as n8n 1.123.81 ships them, installed on first use into the
// git-ignored .n8n-runtime/engine-1.x. The tests, the harness and the built package are the
// same as in `npm run test:unit`; only the engine differs (test/compat/jest.n8n-1.config.js).
// Usage: ./node_modules/.bin/node scripts/test-n8n1.mjs [jest arguments]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENGINE = path.join(ROOT, '.n8n-runtime', 'engine-1.x');
const VERSIONS = { 'n8n-core': '1.122.48', 'n8n-workflow': '1.120.31' };

// n8n 1.x cannot store a token the node renews (it hands the 401 to the node, see
// nodes/ExorLive/auth/renewal.ts): the one assertion about the stored token is 2.x-only.
// tokenRenewal.test.ts checks what both lines do.
const TWO_X_ONLY = [
	'answers a 401 with one new exchange and retries the request with the new token',
];

function run(command, args, options = {}) {
	const result = spawnSync(command, args, {
		cwd: ROOT,
		stdio: 'inherit',
		timeout: 1_200_000,
		...options,
	});
	if (result.error) throw result.error;
	return result.status ?? 1;
}

const installed = Object.keys(VERSIONS).every((name) =>
	existsSync(path.join(ENGINE, 'node_modules', name, 'package.json')),
);
if (!installed) {
	mkdirSync(ENGINE, { recursive: true });
	writeFileSync(
		path.join(ENGINE, 'package.json'),
		JSON.stringify({ name: 'engine-1x', private: true, dependencies: VERSIONS }, null, '\t'),
	);
	console.log(
		`[n8n 1.x] installing ${Object.entries(VERSIONS)
			.map((e) => e.join('@'))
			.join(', ')}`,
	);
	const status = run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd: ENGINE,
	});
	if (status !== 0) process.exit(status);
}

if (run('npm', ['run', 'build']) !== 0) process.exit(1);
const skip = TWO_X_ONLY.map((title) => title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
process.exit(
	run(path.join(ROOT, 'node_modules', '.bin', 'jest'), [
		'--config',
		'test/compat/jest.n8n-1.config.js',
		'--forceExit',
		'--testNamePattern',
		`^(?!.*(${skip})).*$`,
		...(process.argv.slice(2).length
			? process.argv.slice(2)
			: ['test/exorlive', 'test/exorlive-trigger']),
	]),
);
