// Load cost: the packed tarball's size, and the time n8n takes to require every node and
// credential file of the package (n8n-workflow is loaded first, as n8n has it loaded already).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { npm, ROOT, run } from '../scripts/n8n.mjs';
import { REPETITIONS, summary } from './lib.mjs';

export async function tarballSize() {
	const { stdout } = await npm(['pack', '--dry-run', '--json', '--ignore-scripts'], {
		capture: true,
	});
	const [pack] = JSON.parse(stdout);
	return { bytes: pack.size, unpackedBytes: pack.unpackedSize, files: pack.entryCount };
}

// Runs in a fresh Node process per repetition: a cold require, as when n8n starts.
const CHILD = `
const path = require('node:path');
require('n8n-workflow');
const files = JSON.parse(process.argv[1]);
const started = process.hrtime.bigint();
for (const file of files) require(path.resolve(file));
process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));
`;

export async function requireTime() {
	const { n8n } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const files = [...n8n.nodes, ...n8n.credentials];
	const times = [];
	for (let round = 0; round < REPETITIONS; round++) {
		const { stdout } = await run(process.execPath, ['-e', CHILD, JSON.stringify(files)], {
			capture: true,
		});
		times.push(Number(stdout));
	}
	return { files: files.length, ms: summary(times) };
}
