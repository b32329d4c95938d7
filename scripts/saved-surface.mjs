// The saved-workflow guard (CONTRIBUTING.md, Saved workflows), on the built package (dist/):
//
//   node scripts/saved-surface.mjs           prints how dist/ differs from the lock; exits 1 if
//                                            a saved workflow or credential would break
//   node scripts/saved-surface.mjs --update  rewrites test/saved-surface.lock.json from dist/;
//                                            refuses while anything would break, unless
//                                            --accept-breaking is given too
//
// The comparison is test/harness/savedSurface.js, which test/shared/savedSurface.test.ts runs too.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import savedSurface from '../test/harness/savedSurface.js';

const { ROOT, LOCK_FILE, compareSurfaces, explain, lockText, readLock, surfaceOfPackage } =
	savedSurface;

const args = new Set(process.argv.slice(2));
const update = args.has('--update');

if (!existsSync(path.join(ROOT, 'dist'))) {
	console.error('No dist/: run npm run build first.');
	process.exit(1);
}
const current = surfaceOfPackage();
const locked = readLock();
const result = locked ? compareSurfaces(locked, current) : undefined;

if (!update) {
	if (!result) {
		console.error(`No ${LOCK_FILE}: run npm run surface:update.`);
		process.exit(1);
	}
	console.log(explain(result) ?? `${LOCK_FILE} matches the built package.`);
	process.exit(result.breaking.length > 0 ? 1 : 0);
}

if (result?.breaking.length && !args.has('--accept-breaking')) {
	console.error(explain({ ...result, additions: [] }));
	console.error(
		'\nThe lock was not rewritten. Only if no saved workflow can hold what changed (e.g. ' +
			'nothing published yet), record it with --update --accept-breaking.',
	);
	process.exit(1);
}
const file = path.join(ROOT, LOCK_FILE);
const options = (await prettier.resolveConfig(file)) ?? {};
writeFileSync(file, await prettier.format(lockText(current), { ...options, filepath: file }));
const recorded = [...(result?.breaking ?? []), ...(result?.additions ?? [])];
const list = recorded.map((line) => `\n  - ${line}`).join('');
console.log(`${LOCK_FILE} written from dist/${list ? `, recording:${list}` : '.'}`);
