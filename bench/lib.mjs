// Small helpers of the benchmarks: timing, statistics and the printed table.
import { performance } from 'node:perf_hooks';

export const REPETITIONS = Math.max(5, Number(process.env.BENCH_REPETITIONS ?? 5));

export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function summary(values) {
	return { median: median(values), min: Math.min(...values), max: Math.max(...values), values };
}

/** Collects garbage (with --expose-gc) so one run's garbage is not collected during the next. */
export function collectGarbage() {
	globalThis.gc?.();
}

/** Wall time of `fn` in milliseconds, and its result. */
export async function timed(fn) {
	collectGarbage();
	const started = performance.now();
	const result = await fn();
	return { ms: performance.now() - started, result };
}

/**
 * Runs every variant `REPETITIONS` times, interleaved: one round runs each variant once, in an
 * order rotated from round to round, so the machine's drift and a variant's position in the
 * round weigh on all variants alike. One untimed warm-up round comes first.
 * `variants` maps a name to an async function, or to `{ before, run }` where `before` prepares
 * each run untimed. Returns name -> per-round milliseconds.
 */
/**
 * One run of `fn` after a garbage collection: its result, CPU time (user + system, of this
 * process), wall time and the peak of the JavaScript heap above what it held before (sampled
 * every 2 ms).
 */
export async function measured(fn) {
	collectGarbage();
	const heapBefore = process.memoryUsage().heapUsed;
	let peak = heapBefore;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	}, 2);
	const cpu = process.cpuUsage();
	const started = performance.now();
	try {
		const result = await fn();
		const wallMs = performance.now() - started;
		const used = process.cpuUsage(cpu);
		peak = Math.max(peak, process.memoryUsage().heapUsed);
		return {
			result,
			wallMs,
			cpuMs: (used.user + used.system) / 1000,
			heapMb: (peak - heapBefore) / 2 ** 20,
		};
	} finally {
		clearInterval(sampler);
	}
}

export async function interleaved(variants, { log = () => {} } = {}) {
	const names = Object.keys(variants);
	const times = Object.fromEntries(names.map((name) => [name, []]));
	for (let round = -1; round < REPETITIONS; round++) {
		const order = names.map((_, i) => names[(i + Math.max(round, 0)) % names.length]);
		for (const name of order) {
			const variant = variants[name];
			await variant.before?.();
			const { ms } = await timed(variant.run ?? variant);
			if (round >= 0) times[name].push(ms);
		}
		log(round < 0 ? 'warm-up round done' : `round ${round + 1}/${REPETITIONS} done`);
	}
	return times;
}

/** Per-round ratios a[i] / b[i] of two interleaved series (paired: same round, same drift). */
export function pairedRatios(a, b) {
	return summary(a.map((value, i) => value / b[i]));
}

const ms = (value) => (value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
const ratio = (value) => `${value.toFixed(2)}×`;

export const format = { ms, ratio };

/** One printed table: `rows` of { measurement, median, range, value, target, pass }. */
export function table(rows) {
	const head = ['Measurement', 'Median', 'Min–max', 'Value', 'Target', 'Result'];
	const cells = rows.map((row) => [
		row.measurement,
		row.median ?? '',
		row.range ?? '',
		row.value ?? '',
		row.target ?? '',
		row.pass === undefined ? '' : row.pass ? 'pass' : 'MISS',
	]);
	const widths = head.map((title, i) => Math.max(title.length, ...cells.map((c) => c[i].length)));
	const line = (values) =>
		values
			.map((value, i) => value.padEnd(widths[i]))
			.join('  ')
			.trimEnd();
	const text = [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
	const markdown = [
		`| ${head.join(' | ')} |`,
		`| ${head.map(() => '---').join(' | ')} |`,
		...cells.map((c) => `| ${c.map((value) => value.replace(/\|/g, '\\|')).join(' | ')} |`),
	].join('\n');
	return { text, markdown };
}
