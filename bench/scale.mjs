// `npm run bench:scale`: executions per second of the epilot onboarding webhook example in n8n's
// queue mode (scripts/queue.mjs: Redis, PostgreSQL, main, webhook processor) with one worker and
// then with two, against a sandbox answering every request 50 ms late. One run gives both rates
// and their ratio. Prints a table and writes it under .bench/ (git-ignored) as scale.json and
// scale.md. A benchmark, not a test: nothing asserts a rate.
// BENCH_SCALE_CALLS (default 200) calls per round at BENCH_SCALE_CONCURRENCY (default 40) at a
// time; BENCH_SCALE_ROUNDS (default 3) timed rounds per worker count, after one warm-up round.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import {
	N8N_VERSION,
	ROOT,
	profileDir,
	ensureN8n,
	exampleWorkflows,
	freePort,
	n8nEnv,
} from '../scripts/n8n.mjs';
import { executionsByWorker, importAndPublish, startQueueMode } from '../scripts/queue.mjs';
import { onboardingInput } from '../test/e2e/examples.mjs';
import { packedPackage } from '../test/e2e/helpers.mjs';
import { startSandbox } from '../test/sandbox/index.mjs';
import { format, median, table } from './lib.mjs';

const LATENCY_MS = 50;
const CALLS = Number(process.env.BENCH_SCALE_CALLS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_SCALE_CONCURRENCY ?? 40);
const ROUNDS = Math.max(1, Number(process.env.BENCH_SCALE_ROUNDS ?? 3));
/** Jobs each worker runs at once (n8n's default). */
const WORKER_CONCURRENCY = 10;

const started = Date.now();
const log = (message) =>
	console.error(
		`[bench:scale ${String(Math.round((Date.now() - started) / 1000)).padStart(3)} s] ${message}`,
	);

await ensureN8n();
log('building and packing the package');
const unpacked = await packedPackage('bench-scale-extensions');
const sandbox = await startSandbox({ port: 0, latencyMs: LATENCY_MS });
rmSync(profileDir('bench-scale'), { recursive: true, force: true });
const env = await n8nEnv({ profile: 'bench-scale', extensions: unpacked, port: await freePort() });
const [onboarding] = exampleWorkflows({ sandboxOrigin: sandbox.origin }).filter(
	(w) => w.id === 'epilotOnboarding',
);

let queue;
const results = {
	date: new Date().toISOString(),
	n8n: N8N_VERSION,
	node: process.version,
	machine: {
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model,
		memoryGb: Math.round(os.totalmem() / 2 ** 30),
	},
	latencyMs: LATENCY_MS,
	calls: CALLS,
	concurrency: CONCURRENCY,
	workerConcurrency: WORKER_CONCURRENCY,
	rounds: ROUNDS,
	workers: {},
	/** The machine's 1-minute load average at the start of each measurement (other work on it). */
	loadAverage: {},
};

/** One round: CALLS webhook calls, CONCURRENCY at a time; returns executions per second. */
async function round(label) {
	sandbox.reset();
	let next = 0;
	let failed = 0;
	const t0 = performance.now();
	const lane = async () => {
		while (next < CALLS) {
			const i = next++;
			const res = await request(`${queue.webhookOrigin}/webhook/epilot-partner-onboarding`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ ...onboardingInput, email: `bench-${label}-${i}@partner.example` }),
				headersTimeout: 120_000,
				bodyTimeout: 120_000,
			});
			await res.body.text();
			if (res.statusCode !== 200) failed++;
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, lane));
	const seconds = (performance.now() - t0) / 1000;
	if (failed) throw new Error(`${failed} of ${CALLS} calls failed`);
	return CALLS / seconds;
}

async function measure(workers) {
	const before = new Set(executionsByWorker(queue.workers).keys());
	results.loadAverage[workers] = Number(os.loadavg()[0].toFixed(1));
	const rates = [];
	for (let r = -1; r < ROUNDS; r++) {
		const rate = await round(`${workers}w${r}`);
		if (r >= 0) rates.push(rate);
		log(
			`${workers} worker(s): ${r < 0 ? 'warm-up' : `round ${r + 1}/${ROUNDS}`} ${rate.toFixed(1)}/s`,
		);
	}
	const ran = [...executionsByWorker(queue.workers)].filter(([id]) => !before.has(id));
	const perWorker = {};
	for (const [, worker] of ran) perWorker[worker] = (perWorker[worker] ?? 0) + 1;
	results.workers[workers] = {
		rates,
		median: median(rates),
		min: Math.min(...rates),
		max: Math.max(...rates),
		executionsPerWorker: perWorker,
	};
}

try {
	log('starting Redis, PostgreSQL and n8n in queue mode with one worker');
	queue = await startQueueMode({
		env,
		workers: 1,
		concurrency: WORKER_CONCURRENCY,
		setup: (cliEnv) =>
			importAndPublish(cliEnv, {
				credentials: sandbox.credentials(),
				workflows: [onboarding],
				publish: [onboarding.id],
			}),
	});
	await measure(1);
	log('starting a second worker');
	await queue.addWorker();
	await measure(2);
} finally {
	await queue?.stop();
	await sandbox.stop();
}

const one = results.workers[1];
const two = results.workers[2];
const ratios = two.rates.map((rate, i) => rate / one.rates[i]);
results.ratio = { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
const perSecond = (value) => `${value.toFixed(1)}/s`;
const rows = [
	{
		measurement: `Webhook example, 1 worker: executions per second`,
		median: perSecond(one.median),
		range: `${perSecond(one.min)}–${perSecond(one.max)}`,
	},
	{
		measurement: `Webhook example, 2 workers: executions per second`,
		median: perSecond(two.median),
		range: `${perSecond(two.min)}–${perSecond(two.max)}`,
		value: `executions per worker (all rounds) ${Object.values(two.executionsPerWorker).join(' / ')}`,
	},
	{
		measurement: '2 workers / 1 worker',
		median: format.ratio(results.ratio.median),
		range: `${format.ratio(results.ratio.min)}–${format.ratio(results.ratio.max)}`,
	},
];
const header = [
	`npm run bench:scale — ${results.date.slice(0, 10)}; n8n ${N8N_VERSION} in queue mode, Node ${process.version}`,
	`${CALLS} webhook calls per round, ${CONCURRENCY} at a time, ${ROUNDS} rounds per worker count after a warm-up (the 1-worker rounds first); worker concurrency ${WORKER_CONCURRENCY}; sandbox latency ${LATENCY_MS} ms`,
	`Machine: ${results.machine.cpus} cores (${results.machine.cpuModel}), ${results.machine.memoryGb} GB; main, webhook processor, workers, Redis, PostgreSQL and the sandbox all on it; load average at the start of the 1- and 2-worker runs: ${results.loadAverage[1]}, ${results.loadAverage[2]}`,
];
const printed = table(rows);
results.table = rows;
console.log(`\n${header.join('\n')}\n\n${printed.text}\n`);
const dir = path.join(ROOT, '.bench');
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'scale.json'), JSON.stringify(results, null, 2));
writeFileSync(
	path.join(dir, 'scale.md'),
	`${header.map((line) => `${line}  `).join('\n')}\n\n${printed.markdown}\n`,
);
log(`results in ${path.relative(ROOT, path.join(dir, 'scale.json'))} (and scale.md)`);
