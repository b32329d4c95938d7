// `npm run dev`: builds the package, starts the sandbox and a real n8n with this package, the
// sandbox credentials and the example workflows, and prints where everything is. Ctrl+C stops all.
// The first run installs n8n (several minutes); later runs start in well under a minute.
// After changing the nodes, stop and run it again (the examples are re-imported on every start).
// `--queue` (`npm run dev:queue`): n8n in queue mode instead, with Redis and PostgreSQL, one main
// process, one webhook processor and two workers (scripts/queue.mjs).
// `startDev` is the same set-up for the browser test (test/ui), in a profile of its own.
import { rmSync } from 'node:fs';
import net from 'node:net';
import { describeAnswers, startSandbox } from '../test/sandbox/index.mjs';
import {
	OWNER,
	profileDir,
	ensureN8n,
	exampleWorkflows,
	freePort,
	importIntoN8n,
	installPackage,
	n8nCli,
	n8nEnv,
	npm,
	startN8n,
	waitForHttp,
} from './n8n.mjs';
import { importAndPublish, startQueueMode } from './queue.mjs';
import { track } from './services.mjs';

/** The preferred port when it is free (stable URLs between runs), otherwise any free one. */
function portOr(preferred) {
	if (!preferred) return freePort();
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => freePort().then(resolve));
		server.listen(preferred, '127.0.0.1', () => server.close(() => resolve(preferred)));
	});
}

/**
 * Builds the package, starts the sandbox and n8n in `profile` (its user folder
 * `profileDir(profile)`, the package installed into n8n's
 * `node_modules/.extensions/<profile>`), imports the sandbox credentials and the examples and
 * publishes the examples started by a call.
 * `n8nPort` / `sandboxPort`: preferred ports (another free one when taken; 0: any free one).
 * `fresh`: starts from an empty user folder (throw-away data). `onExit(name, code)` is told
 * when a process ends by itself. Returns the addresses, the workflows and `stop()`.
 */
export async function startDev({
	profile = 'dev',
	queue: queueMode = false,
	n8nPort = 5678,
	sandboxPort = 4010,
	fresh = false,
	onLine = () => {},
	onExit = () => {},
} = {}) {
	await ensureN8n();
	onLine('dev', 'building the package');
	await npm(['run', 'build', '--silent'], { capture: true });
	if (fresh) rmSync(profileDir(profile), { recursive: true, force: true });

	const sandbox = await startSandbox({ port: await portOr(sandboxPort) });
	const port = await portOr(n8nPort);
	let stopN8n = async () => {};
	let stopping = false;
	const stop = async () => {
		stopping = true;
		await stopN8n();
		await sandbox.stop();
	};
	const exitedEarly = (name) => (code) => {
		if (!stopping) onExit(name, code);
	};
	try {
		const env = await n8nEnv({ profile, extensions: installPackage(profile), port });
		const workflows = exampleWorkflows({ sandboxOrigin: sandbox.origin });
		// Published (active) on start: the examples started by a call or a poll — the webhook,
		// the ExorLive Trigger (which registers its URL with the sandbox) and the Epilot and
		// Exolink Triggers (polling the sandbox every minute). The scheduled ones are run by hand.
		const calledIn = (workflow) =>
			workflow.nodes.some((node) =>
				[
					'n8n-nodes-base.webhook',
					'CUSTOM.exorLiveTrigger',
					'CUSTOM.epilotTrigger',
					'CUSTOM.exolinkTrigger',
				].includes(node.type),
			);
		const publish = workflows.filter(calledIn).map((workflow) => workflow.id);
		const editor = `http://127.0.0.1:${port}`;
		if (queueMode) {
			const queue = await startQueueMode({
				env,
				setup: (cliEnv) =>
					importAndPublish(cliEnv, { credentials: sandbox.credentials(), workflows, publish }),
				onLine,
			});
			stopN8n = queue.stop;
			for (const proc of [queue.main, queue.webhook, ...queue.workers])
				proc.child.once('exit', exitedEarly(proc.name));
			return { editor, webhookBase: queue.webhookOrigin, queue, sandbox, workflows, stop };
		}
		await importIntoN8n(env, { credentials: sandbox.credentials(), workflows });
		for (const id of publish) await n8nCli(['publish:workflow', `--id=${id}`], env);
		const n8n = startN8n(env, { onLine: (line) => onLine('n8n', line) });
		const untrack = track({ kill: () => n8n.child.kill('SIGKILL') });
		stopN8n = async () => {
			await n8n.stop();
			untrack();
		};
		n8n.child.once('exit', exitedEarly('n8n'));
		await waitForHttp(`${editor}/healthz/readiness`, 180_000, () => n8n.child.exitCode === null);
		return { editor, webhookBase: editor, n8n, sandbox, workflows, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

async function main() {
	const queueMode = process.argv.slice(2).includes('--queue');
	const started = Date.now();
	const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
	let dev;
	let stopping = false;
	async function stop(code = 0) {
		if (stopping) return;
		stopping = true;
		await dev?.stop();
		process.exit(code);
	}
	process.once('SIGINT', () => stop(0));
	process.once('SIGTERM', () => stop(0));
	dev = await startDev({
		profile: queueMode ? 'dev-queue' : 'dev',
		queue: queueMode,
		n8nPort: Number(process.env.N8N_PORT ?? 5678),
		sandboxPort: Number(process.env.SANDBOX_PORT ?? 4010),
		onLine: (name, line) => console.log(`[${name}] ${line}`),
		onExit: (name, code) => {
			console.error(`[dev] ${name} exited (${code}); stopping everything`);
			stop(code || 1);
		},
	});
	const { editor, webhookBase, queue, sandbox, workflows } = dev;
	const lines = [
		'',
		`n8n ${editor}   (ready after ${seconds()}${queue ? ', queue mode' : ''})`,
		...(queue
			? [
					`  queue      main ${editor}, webhook processor ${queue.webhookOrigin}, ${queue.workers.length} workers`,
					`             redis 127.0.0.1:${queue.redis.port}, postgres 127.0.0.1:${queue.postgres.port} (database ${queue.postgres.database}, user ${queue.postgres.user})`,
				]
			: []),
		`  login      ${OWNER.email} / ${OWNER.password}`,
		`  workflows  ${workflows.map((w) => w.name).join('\n             ')}`,
		`  webhook    curl -X POST ${webhookBase}/webhook/epilot-partner-onboarding -H 'content-type: application/json' \\`,
		`               -d '{"partnerId":"6f1c2a3b-0000-4000-8000-000000000001","orgId":"200001","email":"new@partner.example","roleIds":["200001:partner_sales"]}'`,
		`  trigger    curl -X POST '${sandbox.origin}/_sandbox/exorlive/workoutReady?userId=600102&workouts=1'`,
		`             (ExorLive calls the published ExorLive Trigger example back; PDFs land in ${sandbox.origin}/_sandbox/inbox)`,
		`  accept     curl -X POST ${sandbox.origin}/_sandbox/epilot/accept -H 'content-type: application/json' -d '{"orgId":"200001","email":"new@partner.example"}'`,
		`             (the user the webhook created activates; the published Epilot Trigger example assigns its roles within a minute;`,
		`             Exolink: run "Exolink: invite a tenant user", then POST /_sandbox/exolink/accept '{"tenant":"abc123","email":"new.colleague@company.example"}')`,
		`  agent      open "AI agent: …" and its chat (Open chat): the scripted model calls the Epilot, ExorLive and Exolink tools`,
		`sandbox ${sandbox.origin}   (state: ${sandbox.origin}/_sandbox/state)`,
		`  answers  ${describeAnswers(sandbox)}`,
		...Object.values(sandbox.vendors).flatMap((vendor) =>
			Object.entries(vendor.urls(sandbox.origin)).map(
				([name, url]) =>
					`  ${name.padEnd(10)} ${url}   token: ${vendor.token}${vendor.label ? `   (${vendor.label})` : ''}`,
			),
		),
		`Ctrl+C stops n8n${queue ? ', Redis, PostgreSQL' : ''} and the sandbox.`,
		'',
	];
	console.log(lines.join('\n'));
}

if (import.meta.main) await main();
