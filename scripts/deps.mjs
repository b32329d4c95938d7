// Runs before `npm run dev` and `npm test` (their `pre` scripts), under whatever Node is on the
// PATH (on a fresh clone, the system's): installs the locked dependencies with `npm ci` when
// node_modules is missing or differs from package-lock.json, so those two commands work alone.
// The scripts that follow then run under the pinned Node 24 from node_modules/.bin.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Why node_modules does not match the lockfile, or undefined when it does. */
function staleness() {
	const installed = path.join(ROOT, 'node_modules', '.package-lock.json');
	if (!existsSync(installed)) return 'node_modules is missing';
	const locked = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')).packages;
	const present = JSON.parse(readFileSync(installed, 'utf8')).packages;
	for (const [name, entry] of Object.entries(locked)) {
		if (!name) continue;
		const found = present[name];
		// Optional packages for other platforms are never installed.
		if (!found && (entry.optional || entry.devOptional)) continue;
		if (!found) return `${name} is not installed`;
		if (found.version !== entry.version) {
			return `${name} is ${found.version}, the lockfile wants ${entry.version}`;
		}
	}
	return undefined;
}

const reason = staleness();
if (reason) {
	console.log(`${reason}: installing the locked dependencies (npm ci)`);
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
