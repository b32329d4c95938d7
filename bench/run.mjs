// `npm run bench`: how well the nodes do their job against the alternatives a builder has, in
// one run on this machine, against the loopback sandbox. Prints one table and writes it (with
// every repetition) as JSON and Markdown under .bench/ (git-ignored). Benchmarks, not tests:
// nothing in `npm test` asserts a duration. BENCH_REPETITIONS raises the repetitions (min. 5).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureN8n, npm, ROOT } from '../scripts/n8n.mjs';
import {
	freshHarness,
	loadHarness,
	loadHttpRequestNode,
	loadPollHarness,
	startSandbox,
	versions,
} from './engine.mjs';
import * as exorlive from './exorlive.mjs';
import * as epilot from './epilot.mjs';
import { format, REPETITIONS, table } from './lib.mjs';
import { requireTime, tarballSize } from './load-cost.mjs';
import * as triggers from './triggers.mjs';

const started = Date.now();
const log = (message) =>
	console.error(
		`[bench ${String(Math.round((Date.now() - started) / 1000)).padStart(3)} s] ${message}`,
	);

/** Added latency of the batching measurement. */
const LATENCY_MS = 5;

await ensureN8n();
log('building the package');
await npm(['run', 'build', '--silent'], { capture: true });
log('compiling the engine harness');
const harness = await loadHarness();
const http = loadHttpRequestNode();

const results = {
	date: new Date().toISOString(),
	versions: versions(),
	machine: {
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model,
		memoryGb: Math.round(os.totalmem() / 2 ** 30),
		platform: `${os.platform()} ${os.release()}`,
	},
	repetitions: REPETITIONS,
};

const sandbox = await startSandbox({ SANDBOX_ASSIGNABLES: String(epilot.ASSIGNABLES - 2) });
try {
	const context = { harness, http, sandbox, log };
	results.epilotPerItem = await epilot.perItemCost(context);
	results.epilotReturnAll = await epilot.returnAll(context);
	results.exorlivePerItem = await exorlive.perItemCost({ ...context, freshHarness });
	results.exorliveIssued = await exorlive.issuedTokens({ ...context, freshHarness });
} finally {
	await sandbox.stop();
}

const slow = await startSandbox({ SANDBOX_LATENCY_MS: String(LATENCY_MS) });
try {
	results.epilotBatching = await epilot.batching({
		harness,
		http,
		sandbox: slow,
		latencyMs: LATENCY_MS,
		log,
	});
} finally {
	await slow.stop();
}

// Each trigger against a sandbox of its own with 10,000 users in the watched group.
results.triggerPoll = await triggers.pollCost({ startSandbox, loadPollHarness, log });

log('load cost');
results.tarball = await tarballSize();
results.require = await requireTime();

// ---- the table ---------------------------------------------------------------------------
const range = (s, unit = format.ms) => `${unit(s.min)}–${unit(s.max)}`;
const rows = [];
const perItem = (label, r) => {
	rows.push(
		{
			measurement: `${label} node, ${epilot.ITEMS} items`,
			median: format.ms(r.node.median),
			range: range(r.node),
		},
		{
			measurement: `${label} via HTTP Request node`,
			median: format.ms(r.httpRequestNode.median),
			range: range(r.httpRequestNode),
		},
		{
			measurement: `${label} via raw undici (floor)`,
			median: format.ms(r.undici.median),
			range: range(r.undici),
		},
		{
			measurement: `${label}: expressions evaluated per item`,
			value: `node ${r.expressionsPerItem.node}, HTTP Request ${r.expressionsPerItem.httpRequestNode}`,
		},
		{
			measurement: `${label}: node / HTTP Request node`,
			median: format.ratio(r.nodeVsHttpRequestNode.median),
			range: range(r.nodeVsHttpRequestNode, format.ratio),
			target: '≤ 1.00×',
			pass: r.nodeVsHttpRequestNode.median <= 1,
		},
		{
			measurement: `${label}: node / undici`,
			median: format.ratio(r.nodeVsUndici.median),
			range: range(r.nodeVsUndici, format.ratio),
			target: '≤ 2.00×',
			pass: r.nodeVsUndici.median <= 2,
		},
	);
};
perItem('Epilot Assign Roles', results.epilotPerItem);
perItem('ExorLive User Lookup (token incl.)', results.exorlivePerItem);
const tokens = results.exorlivePerItem.tokenExchanges;
rows.push({
	measurement: `ExorLive token exchanges for ${exorlive.ITEMS} items`,
	median: String(tokens.median),
	range: `${tokens.min}–${tokens.max}`,
	target: '= 1',
	pass: tokens.min === 1 && tokens.max === 1,
});

const issued = results.exorliveIssued;
rows.push(
	{
		measurement: `ExorLive User Lookup after ${issued.issued} tokens issued to 50 other credentials`,
		median: format.ms(issued.otherCredentials.median),
		range: range(issued.otherCredentials),
	},
	{
		measurement: `ExorLive User Lookup after ${issued.issued} tokens issued to its own credential`,
		median: format.ms(issued.ownCredential.median),
		range: range(issued.ownCredential),
	},
	{
		measurement: 'ExorLive User Lookup in a fresh process',
		median: format.ms(issued.fresh.median),
		range: range(issued.fresh),
	},
	{
		measurement: 'ExorLive after tokens of other credentials / fresh',
		median: format.ratio(issued.otherVsFresh.median),
		range: range(issued.otherVsFresh, format.ratio),
	},
	{
		measurement: 'ExorLive after tokens of its own credential / fresh',
		median: format.ratio(issued.ownVsFresh.median),
		range: range(issued.ownVsFresh, format.ratio),
	},
);

const all = results.epilotReturnAll;
rows.push(
	{
		measurement: `Epilot Return All ${all.items} assignables: requests`,
		median: String(all.requests.median),
		range: `${all.requests.min}–${all.requests.max}`,
		value: `⌈${all.items} / ${all.pageSize}⌉ = ${all.expectedRequests}`,
		target: `= ${all.expectedRequests}`,
		pass: all.requests.max === all.expectedRequests,
	},
	{
		measurement: 'Epilot Return All: wall time',
		median: format.ms(all.wallMs.median),
		range: range(all.wallMs),
	},
	{
		measurement: 'Epilot Return All: peak heap growth',
		median: `${all.peakHeapMb.median.toFixed(0)} MB`,
		range: `${all.peakHeapMb.min.toFixed(0)}–${all.peakHeapMb.max.toFixed(0)} MB`,
	},
);

const b = results.epilotBatching;
rows.push(
	{
		measurement: `Batching, ${b.latencyMs} ms latency: node, default (all at once)`,
		median: format.ms(b.nodeDefault.median),
		range: range(b.nodeDefault),
	},
	{
		measurement: `Batching: node, ${b.batching.batchSize} items / ${b.batching.batchInterval} ms`,
		median: format.ms(b.nodeBatching.median),
		range: range(b.nodeBatching),
		value: format.ratio(b.nodeBatching.median / b.nodeDefault.median),
	},
	{
		measurement: 'Batching: sequential (undici, one by one)',
		median: format.ms(b.undiciSequential.median),
		range: range(b.undiciSequential),
		value: format.ratio(b.undiciSequential.median / b.nodeDefault.median),
	},
);

rows.push(...triggers.rows(results.triggerPoll));

rows.push(
	{
		measurement: `Packed tarball (${results.tarball.files} files)`,
		value: `${(results.tarball.bytes / 1024).toFixed(1)} KB`,
		target: '< 150 KB',
		pass: results.tarball.bytes < 150 * 1024,
	},
	{
		measurement: `Require all ${results.require.files} node and credential files`,
		median: format.ms(results.require.ms.median),
		range: range(results.require.ms),
		target: '< 50 ms',
		pass: results.require.ms.median < 50,
	},
);

const v = results.versions;
const header = [
	`npm run bench — ${results.date.slice(0, 10)}, ${results.repetitions} repetitions (interleaved), medians`,
	`Node ${v.node}; n8n ${v.n8n} (n8n-nodes-base ${v.n8nNodesBase}); engine n8n-core ${v.n8nCore}, n8n-workflow ${v.n8nWorkflow}`,
	`Machine: ${results.machine.cpus} cores (${results.machine.cpuModel}), ${results.machine.memoryGb} GB, ${results.machine.platform}`,
];
const printed = table(rows);
results.table = rows;
console.log(`\n${header.join('\n')}\n\n${printed.text}\n`);

const dir = path.join(ROOT, '.bench');
mkdirSync(path.join(dir, 'results'), { recursive: true });
const stamp = results.date.replace(/[:.]/g, '-');
writeFileSync(path.join(dir, 'results', `${stamp}.json`), JSON.stringify(results, null, 2));
writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(results, null, 2));
writeFileSync(
	path.join(dir, 'latest.md'),
	`${header.map((line) => `${line}  `).join('\n')}\n\n${printed.markdown}\n`,
);
log(`results in ${path.relative(ROOT, path.join(dir, 'latest.json'))} (and latest.md)`);
