// `npm run test:ui`: the browser test (test/ui/*.test.mjs, node's test runner, one file at a
// time). `npm run test:ui -- --video`: the demo recording instead (test/ui/demo.mjs), one video
// of the package installed and used in n8n's editor, written to .n8n-runtime/demo/. Any other
// arguments go to node's test runner.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const video = args.includes('--video');
const command = video
	? [path.join(ROOT, 'test', 'ui', 'demo.mjs'), ...args.filter((arg) => arg !== '--video')]
	: ['--test', '--test-concurrency=1', ...args, 'test/ui/**/*.test.mjs'];

const child = spawn(process.execPath, command, { cwd: ROOT, stdio: 'inherit' });
// Ctrl+C reaches the child too (same process group); a SIGTERM for this process is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
