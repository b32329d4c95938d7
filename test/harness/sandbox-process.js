/**
 * The local sandbox (test/sandbox, an ES module) for jest tests: started as a child process of
 * the test file, so the built nodes run through the real engine against it over real loopback
 * HTTP. Use it to prove the nodes and the fakes agree; exact request shapes stay in the nock
 * tests.
 */
// Plain CommonJS (typed by sandbox-process.d.ts): spawning a process is test-only code that
// the package's lint rules rightly forbid in TypeScript sources.
const { spawn } = require('node:child_process');
const path = require('node:path');

const CLI = path.resolve(__dirname, '..', 'sandbox', 'cli.mjs');

/**
 * Starts the sandbox on a free port. `env` may set e.g. SANDBOX_ASSIGNABLES. Answers are the
 * documented ones unless `env.SANDBOX_ANSWERS` names assumptions (a developer's shell setting
 * does not leak in).
 */
async function startSandboxProcess(env = {}) {
	const child = spawn(process.execPath, [CLI, '0'], {
		env: { ...process.env, SANDBOX_ANSWERS: 'documented', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const origin = await new Promise((resolve, reject) => {
		const onData = (chunk) => {
			output += chunk.toString();
			// The CLI's last start-up line is the control line: every vendor line came before it.
			const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (match && /^ {2}control /m.test(output)) resolve(match[1]);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', (chunk) => (output += chunk.toString()));
		child.once('exit', (code) => reject(new Error(`sandbox exited (${code}):\n${output}`)));
	});
	// The CLI prints one `  <name> <url>   token: …` line per vendor base URL.
	const urls = {};
	for (const match of output.matchAll(/^ {2}(\w+)\s+(http:\/\/\S+)\s+token:/gm)) {
		urls[match[1]] = match[2];
	}
	// The sandbox's own credentials (as `npm run dev` imports them), by credential type.
	const exported = await (await fetch(`${origin}/_sandbox/credentials`)).json();
	const credentials = Object.fromEntries(exported.map(({ type, data }) => [type, data]));
	return {
		origin,
		urls,
		credentials,
		async control(method, pathAndQuery) {
			const res = await fetch(`${origin}/_sandbox${pathAndQuery}`, { method });
			const text = await res.text();
			if (!res.ok) throw new Error(`sandbox control ${pathAndQuery}: ${res.status} ${text}`);
			return text ? JSON.parse(text) : undefined;
		},
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}

module.exports = { startSandboxProcess };
