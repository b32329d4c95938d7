// Runs the n8n community-package scanner's checks locally, as n8n runs them on a published
// package: over the source (package.json, nodes/, credentials/) and over the packed tarball.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(import.meta.dirname, '..');
let failed = false;

async function scan(label, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	console.log(`scanner (${label}): ${result.passed ? 'passed' : 'FAILED'}`);
	if (!result.passed) {
		failed = true;
		console.log(result.message ?? '', result.details ?? '');
	}
}

await scan('source', root, SOURCE_FILE_PATTERNS);

const work = mkdtempSync(path.join(tmpdir(), 'n8n-scan-'));
try {
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root });
	const { filename } = JSON.parse(out.toString())[0];
	execFileSync('tar', ['-xzf', path.join(work, filename), '-C', work]);
	await scan('tarball', path.join(work, 'package'), ['**/*.js', 'package.json']);
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
