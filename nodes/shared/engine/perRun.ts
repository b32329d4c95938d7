import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/*
 * Why: items of one node run that need the same follow-up (e.g. the user list of the tenant
 * several items invite to) share one request, sent once after all their own requests.
 * Relies on n8n-core execution-engine/routing-node.js `runNode`: it starts every item's request
 * without waiting for the ones before, all with the same execute data; only Settings > Request
 * Options > Batching makes it wait the batch interval between batches. An item joins its group
 * just before its own request and settles when that request is done, whatever the outcome.
 * The shared request is sent once n8n has started every item (without batching, before any
 * answer arrives; with batching, a wait of the same interval ends with the last batch, also when
 * n8n fails its items itself) and every member has settled. Items failed before sending never
 * join. An item joining a group whose request has started (a run n8n repeats: Retry On Fail)
 * gets a group of its own, so each item's result is read after its own request.
 */

/** One item's part in its group: `settle` when its own request is done, then `shared`. */
export interface RunMember<T> {
	settle(): void;
	/** `load`'s result, sent once for the group (by the first member to get there). */
	shared(load: () => Promise<T>): Promise<T>;
}

interface Group<T> {
	pending: Set<Promise<void>>;
	result?: Promise<T>;
}

interface Run<T> {
	/** Batch of each item, as n8n numbers them (a new batch after each wait). */
	batchOf: number[];
	interval: number;
	/** Highest batch n8n is known to have started. */
	started: number;
	allStarted?: Promise<void>;
	joined: Set<number>;
	groups: Map<string, Group<T>>;
}

/** The input items of the run n8n's engine works through, as it counts them. */
function itemCount(ctx: IExecuteSingleFunctions): { run: object; items: number } | undefined {
	const executeData = ctx.getExecuteData?.();
	const data = executeData?.data;
	const items = (data?.main ?? data?.ai_tool)?.[0];
	if (!executeData || !Array.isArray(items)) return undefined;
	// "Execute Once" hands n8n's engine the first item only.
	return {
		run: executeData,
		items: ctx.getNode().executeOnce ? Math.min(items.length, 1) : items.length,
	};
}

/** n8n waits `batchInterval` ms before item i when i > 0 and i is a multiple of `batchSize`. */
function batches(ctx: IExecuteSingleFunctions, items: number) {
	const options = (ctx.getNodeParameter('requestOptions', {}) ?? {}) as IDataObject;
	const batch = ((options.batching as IDataObject | undefined)?.batch ?? {}) as IDataObject;
	const size = Number(batch.batchSize) > 0 ? Number(batch.batchSize) : 1;
	const interval = Number(batch.batchInterval) > 0 ? Number(batch.batchInterval) : 0;
	const batchOf: number[] = [];
	for (let index = 0, current = 0; index < items; index++) {
		if (interval && index > 0 && index % size === 0) current++;
		batchOf.push(current);
	}
	return { batchOf, interval };
}

async function everyItemStarted<T>(run: Run<T>): Promise<void> {
	// The items started with the last batch join on their way to sending, which needs no I/O.
	await sleep(0);
	const last = run.batchOf[run.batchOf.length - 1] ?? 0;
	let started = run.started;
	while (started < last) {
		// Begun after n8n's own wait for the next batch, so it ends after n8n started that batch.
		await sleep(run.interval);
		started = Math.max(started + 1, run.started);
	}
}

export class PerRun<T> {
	private readonly runs = new WeakMap<object, Run<T>>();

	private runOf(ctx: IExecuteSingleFunctions, itemIndex: number): Run<T> | undefined {
		const counted = itemCount(ctx);
		if (!counted || counted.items < 2) return undefined;
		let run = this.runs.get(counted.run);
		// An item seen twice: n8n runs the node again with the same input (Retry On Fail).
		if (!run || run.joined.has(itemIndex)) {
			run = { ...batches(ctx, counted.items), started: 0, joined: new Set(), groups: new Map() };
			this.runs.set(counted.run, run);
		}
		run.joined.add(itemIndex);
		run.started = Math.max(run.started, run.batchOf[itemIndex] ?? 0);
		return run;
	}

	/** The item of `ctx` joins the group `key` of its run, before it sends its own request. */
	join(ctx: IExecuteSingleFunctions, key: string): RunMember<T> {
		let settle = () => {};
		const settled = new Promise<void>((resolve) => (settle = resolve));
		const run = this.runOf(ctx, ctx.getItemIndex());
		// A run of one item (or one n8n does not describe) has nothing to share.
		if (!run) return { settle, shared: async (load) => await load() };
		let group = run.groups.get(key);
		if (!group || group.result) {
			group = { pending: new Set() };
			run.groups.set(key, group);
		}
		const members = group;
		members.pending.add(settled);
		return {
			settle,
			shared: async (load) => {
				await (run.allStarted ??= everyItemStarted(run));
				for (let waited = -1; waited !== members.pending.size; ) {
					waited = members.pending.size;
					await Promise.all(members.pending);
				}
				members.result ??= load();
				return await members.result;
			},
		};
	}
}
