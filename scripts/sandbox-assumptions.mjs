// Writes docs/sandbox-assumptions.md: the sandbox's assumed answers, from the sandbox code.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assumptionsMarkdown, assumptionsOf } from '../test/sandbox/core/assumptions.mjs';
import { vendors } from '../test/sandbox/vendors/index.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(ROOT, 'docs', 'sandbox-assumptions.md');
writeFileSync(file, assumptionsMarkdown(assumptionsOf(vendors)));
console.log(`wrote ${path.relative(ROOT, file)}`);
