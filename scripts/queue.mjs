// n8n in queue mode on one machine, the way it is spread over machines in production: Redis
// (Bull queue) and PostgreSQL (workflows, credentials, executions) from scripts/services.mjs,
// then one main process (editor, REST API, trigger activation), one webhook processor (receives
// production webhook calls and enqueues them) and workers (run the executions). Each n8n
// process has its own user folder and task-runner port and shares only the encryption key,
// Redis and PostgreSQL with the others, as separate machines would. Used by
// `npm run dev -- --queue`, `npm run test:scale` and `npm run bench:scale`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { N8N_BIN, freePort, importIntoN8n, n8nCli, waitForHttp } from './n8n.mjs';
import {
	ensureServices,
	exited,
	startPostgres,
	startRedis,
	stopChild,
	track,
} from './services.mjs';

/** Settings every process of one queue-mode installation shares. */
function sharedEnv(base, { redis, postgres, encryptionKey, extra }) {
	return {
		...base,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		// Credentials are stored encrypted with it; every process must have the same one.
		N8N_ENCRYPTION_KEY: encryptionKey,
		...extra,
	};
}

/**
 * One n8n process (`start`, `webhook` or `worker`) in its own process group, so that its task
 * runner (a child process) goes with it when the group is killed. Output goes to `onLine`
 * (prefixed by the caller) and is kept in `output`.
 */
function spawnN8n(name, args, env, onLine) {
	mkdirSync(env.N8N_USER_FOLDER, { recursive: true });
	const child = spawn(process.execPath, [N8N_BIN, ...args], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	const killGroup = (signal) => {
		try {
			process.kill(-child.pid, signal);
		} catch {
			// the group is gone
		}
	};
	const untrack = track({ kill: () => killGroup('SIGKILL') });
	let output = '';
	const take = (chunk) => {
		output += chunk;
		for (const line of String(chunk).split('\n')) if (line.trim()) onLine?.(name, line);
	};
	child.stdout.on('data', take);
	child.stderr.on('data', take);
	return {
		name,
		child,
		pid: child.pid,
		env,
		get output() {
			return output;
		},
		get alive() {
			return child.exitCode === null && !child.signalCode;
		},
		/** A crash: SIGKILL to the process and its task runner, nothing runs to its end. */
		async kill() {
			killGroup('SIGKILL');
			await exited(child);
			untrack();
		},
		/** A normal shutdown (SIGTERM), then SIGKILL for whatever of the group is left. */
		async stop() {
			await stopChild(child, 'SIGTERM', 30_000);
			killGroup('SIGKILL');
			untrack();
		},
	};
}

/** Waits for `pattern` in a process's output. */
async function waitForOutput(proc, pattern, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (!pattern.test(proc.output)) {
		if (!proc.alive) throw new Error(`${proc.name} exited during start-up:\n${proc.output}`);
		if (Date.now() > deadline)
			throw new Error(`${proc.name}: no ${pattern} after ${timeoutMs / 1000} s:\n${proc.output}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/**
 * Starts Redis, PostgreSQL and n8n in queue mode. `env` is an n8n environment from `n8nEnv`
 * (its N8N_PORT becomes the main process's port); `setup(cliEnv)` runs before any n8n server
 * starts (imports, `publish:workflow`) with an environment for n8n's CLI commands. `extra` is
 * added to every process's environment. `onLine(processName, line)` sees all n8n output.
 * Returns the running installation; `stop()` stops everything, also after a failed start.
 */
export async function startQueueMode({
	env,
	workers = 2,
	concurrency = 10,
	setup,
	extra = {},
	onLine,
}) {
	await ensureServices();
	const started = { processes: [] };
	const stop = async () => {
		// Webhook processor and main first (no new work), then the workers, then the services.
		const [first, rest] = [
			started.processes.filter((p) => !p.name.startsWith('worker')),
			started.processes.filter((p) => p.name.startsWith('worker')),
		];
		await Promise.all(first.map((p) => p.stop()));
		await Promise.all(rest.map((p) => p.stop()));
		await started.redis?.stop();
		await started.postgres?.stop();
	};
	try {
		started.redis = await startRedis();
		started.postgres = await startPostgres();
		const shared = sharedEnv(env, {
			redis: started.redis,
			postgres: started.postgres,
			encryptionKey: randomBytes(24).toString('base64url'),
			extra,
		});
		const folder = (name) => path.join(env.N8N_USER_FOLDER, name);
		const webhookPort = await freePort();
		const webhookOrigin = `http://127.0.0.1:${webhookPort}`;
		// Production webhook URLs (what a trigger registers with a vendor) point at the webhook
		// processor; in production that is the load balancer in front of the webhook processors.
		const mainEnv = {
			...shared,
			N8N_USER_FOLDER: folder('main'),
			N8N_WEBHOOK_URL: `${webhookOrigin}/`,
			WEBHOOK_URL: `${webhookOrigin}/`,
			// Only the webhook processor takes production webhook calls.
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		};
		mkdirSync(mainEnv.N8N_USER_FOLDER, { recursive: true });
		// The first command against the new database creates its tables (migrations).
		await setup?.(mainEnv);

		const main = spawnN8n('main', ['start'], mainEnv, onLine);
		started.processes.push(main);
		const mainOrigin = `http://127.0.0.1:${env.N8N_PORT}`;
		await waitForHttp(`${mainOrigin}/healthz/readiness`, 240_000, () => main.alive);

		const webhook = spawnN8n(
			'webhook',
			['webhook'],
			{
				...mainEnv,
				N8N_USER_FOLDER: folder('webhook'),
				N8N_PORT: String(webhookPort),
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			},
			onLine,
		);
		started.processes.push(webhook);
		const workerList = [];
		let workerCount = 0;
		/** Starts one more worker; resolves with it once it takes jobs. */
		const addWorker = async () => {
			const name = `worker${++workerCount}`;
			const worker = spawnN8n(
				name,
				['worker', `--concurrency=${concurrency}`],
				{
					...mainEnv,
					N8N_USER_FOLDER: folder(name),
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				},
				onLine,
			);
			workerList.push(worker);
			started.processes.push(worker);
			await waitForOutput(worker, /n8n worker is now ready/, 240_000);
			return worker;
		};
		await Promise.all([
			waitForHttp(`${webhookOrigin}/healthz/readiness`, 240_000, () => webhook.alive),
			...Array.from({ length: workers }, addWorker),
		]);
		return {
			redis: started.redis,
			postgres: started.postgres,
			main,
			webhook,
			workers: workerList,
			addWorker,
			mainOrigin,
			webhookOrigin,
			cliEnv: mainEnv,
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

/** Imports credentials and workflows, then publishes `publish` (workflow ids) for main to activate. */
export async function importAndPublish(cliEnv, { credentials, workflows, publish = [] }) {
	await importIntoN8n(cliEnv, { credentials, workflows });
	for (const id of publish) await n8nCli(['publish:workflow', `--id=${id}`], cliEnv);
}

/**
 * Which worker ran which execution, from the workers' logs ("Worker started execution 12 (job
 * 7)"): a Map of execution id → worker name.
 */
export function executionsByWorker(workers) {
	const ran = new Map();
	for (const worker of workers) {
		for (const match of worker.output.matchAll(/Worker started execution (\d+) \(job/g)) {
			ran.set(match[1], worker.name);
		}
	}
	return ran;
}
