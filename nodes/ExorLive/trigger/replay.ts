import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

/*
 * Why: ExorLive may call the same URL twice, and anyone holding the URL may replay a call. What a
 * call started is remembered by key and time in the workflow's static data (saved by n8n for
 * active workflows), newest MAX_REMEMBERED entries, so a repeat within the window starts nothing.
 */
const MAX_REMEMBERED = 500;

/** Keys seen within the window, by the time (ms) they were remembered. */
export type Remembered = Record<string, number>;

/** The log under `name` in the node's static data, entries older than `windowMs` dropped. */
export function rememberedLog(ctx: IWebhookFunctions, name: string, windowMs: number): Remembered {
	const data = ctx.getWorkflowStaticData('node');
	const log = (data[name] ?? {}) as Remembered;
	const now = Date.now();
	for (const [key, at] of Object.entries(log)) {
		if (typeof at !== 'number' || now - at > windowMs || at > now) delete log[key];
	}
	data[name] = log as IDataObject;
	return log;
}

/** Adds `keys` to `log` as seen now, keeping the newest MAX_REMEMBERED entries. */
export function remember(log: Remembered, keys: string[]): void {
	const now = Date.now();
	for (const key of keys) log[key] = now;
	const entries = Object.entries(log).sort(([, a], [, b]) => a - b);
	for (const [key] of entries.slice(0, Math.max(0, entries.length - MAX_REMEMBERED))) {
		delete log[key];
	}
}
