// `npm run sandbox`: starts the vendor fakes on 127.0.0.1 and prints their base URLs and tokens.
// Port: first argument or SANDBOX_PORT (default 4010; 0 picks a free one). Ctrl+C stops it.
import { startSandbox } from './index.mjs';

const port = Number(process.argv[2] ?? process.env.SANDBOX_PORT ?? 4010);
const sandbox = await startSandbox({ port });
console.log(`Sandbox listening on ${sandbox.origin}`);
for (const vendor of Object.values(sandbox.vendors)) {
	for (const [name, url] of Object.entries(vendor.urls(sandbox.origin))) {
		console.log(`  ${name.padEnd(10)} ${url}   token: ${vendor.token}`);
	}
}
console.log(
	`  control    ${sandbox.origin}/_sandbox/{state,requests} (GET), /_sandbox/reset (POST)`,
);
const stop = async () => {
	await sandbox.stop();
	process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
