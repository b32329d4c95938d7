// `npm run sandbox`: starts the vendor fakes on 127.0.0.1 and prints their base URLs and tokens.
// Port: first argument or SANDBOX_PORT (default 4010; 0 picks a free one).
// `--latency <ms>` (or SANDBOX_LATENCY_MS) delays every vendor response. `--answers <mode>` (or
// SANDBOX_ANSWERS): `documented` (default), `assumed`, or assumption names. Ctrl+C stops it.
import { parseArgs } from 'node:util';
import { describeAnswers, startSandbox } from './index.mjs';

const { values, positionals } = parseArgs({
	options: { latency: { type: 'string' }, answers: { type: 'string' } },
	allowPositionals: true,
});
const port = Number(positionals[0] ?? process.env.SANDBOX_PORT ?? 4010);
const sandbox = await startSandbox({ port, latencyMs: values.latency, answers: values.answers });
console.log(
	`Sandbox listening on ${sandbox.origin}${sandbox.latencyMs ? `   (latency ${sandbox.latencyMs} ms)` : ''}`,
);
console.log(`  answers      ${describeAnswers(sandbox)}`);
// One `  <name> <url>   token: …` line per base URL (test/harness/sandbox-process.js parses them).
for (const vendor of Object.values(sandbox.vendors)) {
	for (const [name, url] of Object.entries(vendor.urls(sandbox.origin))) {
		const label = vendor.label ? `   (${vendor.label})` : '';
		console.log(`  ${name.padEnd(12)} ${url}   token: ${vendor.token}${label}`);
	}
}
// Last start-up line: test/harness/sandbox-process.js waits for it.
console.log(
	`  control      ${sandbox.origin}/_sandbox/{state,requests,inbox,credentials} (GET), /_sandbox/{reset,inbox} (POST), /_sandbox/<vendor>/… (see README)`,
);
const stop = async () => {
	await sandbox.stop();
	process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
