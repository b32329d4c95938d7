// docs/sandbox-assumptions.md is the one table of assumed answers the README links: it must list
// exactly what the sandbox code marks as assumed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { assumptionsMarkdown, assumptionsOf } from './core/assumptions.mjs';
import { vendors } from './vendors/index.mjs';

test('docs/sandbox-assumptions.md is up to date (node scripts/sandbox-assumptions.mjs)', () => {
	const written = readFileSync(
		new URL('../../docs/sandbox-assumptions.md', import.meta.url),
		'utf8',
	);
	assert.equal(written, assumptionsMarkdown(assumptionsOf(vendors)));
});

test('every assumption has a unique name and says what the vendor documents and what is assumed', () => {
	const all = assumptionsOf(vendors);
	assert.equal(new Set(all.map((a) => a.name)).size, all.length);
	for (const a of all) {
		assert.match(a.name, new RegExp(`^${a.vendor}\\.[a-z][A-Za-z]+$`));
		assert.ok(a.vendorSays?.length > 10, a.name);
		assert.ok(a.weAssume?.length > 5, a.name);
	}
});
