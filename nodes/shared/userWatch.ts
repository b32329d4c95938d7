import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { apiNameOf } from './errors';
import { inputError } from './validation';

/*
 * Why: the polling triggers watch the users of organizations or tenants, and the vendors send no
 * events. So each poll lists the users and compares them with the previous poll's, kept in the
 * workflow's static data (saved by n8n with the poll) as one small entry per user. The state
 * changes only after every list was read: a failed poll leaves it, and the next one emits what
 * changed in between. A new group records a baseline and emits nothing, unless Emit Existing
 * Users on First Poll is on.
 */

/** What the state keeps of a user: a status and role IDs, or a role. */
export type UserEntry = string | string[];

/** State of one watched group: user key -> entry. */
type GroupState = Record<string, UserEntry>;

/** Static data key of the state (stored with the workflow: never rename). */
const STATE_KEY = 'users';

export interface WatchedUser {
	key: string;
	entry: UserEntry;
	json: IDataObject;
}

export interface UserWatch {
	/** The watched groups, read and checked from the node's parameters. */
	groups(ctx: IPollFunctions): string[];
	/** The group's users, as the vendor lists them, in list order (the newest assumed last). */
	list(ctx: IPollFunctions, group: string, timeoutMs: number): Promise<IDataObject[]>;
	/** A user's key and entry. */
	watched(group: string, user: IDataObject): WatchedUser;
	/**
	 * The events between a user's last entry and now (added: no `before`; removed: no `after`),
	 * each an output item's JSON with its `event`.
	 */
	events(group: string, key: string, before?: UserEntry, after?: WatchedUser): IDataObject[];
	/** The item Fetch Test Event shows for a user, as `event` would carry it. */
	sample(group: string, user: WatchedUser, event: string): IDataObject;
	/** "partner organization", "tenant": for messages. */
	groupLabel: string;
}

/** Parameter names (saved workflows: never rename). */
export const EVENTS = 'events';
export const OPTIONS = 'options';
const EMIT_EXISTING = 'emitExistingUsers';
const TIMEOUT = 'timeout';

/** The trigger's notice, then its Events (n8n's node panel lists their names as its events). */
export function noticeAndEvents(
	notice: string,
	events: Array<{ name: string; value: string; description: string }>,
	defaultEvent: string,
): INodeProperties[] {
	return [
		{ displayName: notice, name: 'pollingNotice', type: 'notice', default: '' },
		{
			displayName: 'Events',
			name: EVENTS,
			type: 'multiOptions',
			required: true,
			options: events,
			default: [defaultEvent],
			description: 'The changes that start the workflow, one item per user and change',
		},
	];
}

/** The trigger's Options collection: emit existing users, request timeout. */
export const watchOptions: INodeProperties = {
	displayName: 'Options',
	name: OPTIONS,
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Emit Existing Users on First Poll',
			name: EMIT_EXISTING,
			type: 'boolean',
			default: false,
			description:
				'Whether the first poll of a newly watched group emits every user it finds as added. Off: the first poll only records the users as they are, and later polls emit what changes.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: TIMEOUT,
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 300 },
			default: 60,
			description:
				'How long one list request may take. A poll that times out fails and changes nothing; the next poll catches up.',
		},
	],
};

function selectedEvents(ctx: IPollFunctions): string[] {
	const events = ctx.getNodeParameter(EVENTS, []) as unknown;
	if (!Array.isArray(events) || !events.length || events.some((e) => typeof e !== 'string')) {
		throw inputError(ctx, 'Events', 'choose at least one event');
	}
	return events as string[];
}

function options(ctx: IPollFunctions) {
	const values = (ctx.getNodeParameter(OPTIONS, {}) ?? {}) as IDataObject;
	const seconds = values[TIMEOUT] === undefined ? 60 : Number(values[TIMEOUT]);
	if (!Number.isFinite(seconds) || seconds <= 0) {
		throw inputError(ctx, 'Timeout (Seconds)', 'must be a number of seconds above 0');
	}
	return { emitExisting: values[EMIT_EXISTING] === true, timeoutMs: seconds * 1000 };
}

function sameEntry(a: UserEntry | undefined, b: UserEntry | undefined): boolean {
	if (!Array.isArray(a) || !Array.isArray(b)) return a === b;
	return a.length === b.length && a.every((value, index) => value === b[index]);
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/**
 * A group's users; a timeout fails saying so, naming the group (n8n's own message, "The connection
 * was aborted, perhaps the server is offline", points the wrong way).
 */
async function usersOf(
	ctx: IPollFunctions,
	watch: UserWatch,
	group: string,
	timeoutMs: number,
): Promise<IDataObject[]> {
	try {
		return await watch.list(ctx, group, timeoutMs);
	} catch (error) {
		if (TIMEOUT_CODES.has(String((error as { httpCode?: unknown }).httpCode))) {
			// No HTTP code: n8n would put its own message for the code in place of this one.
			throw new NodeApiError(ctx.getNode(), {} as JsonObject, {
				message: `${apiNameOf(ctx)} did not answer within ${timeoutMs / 1000} s (${watch.groupLabel} ${group})`,
				description:
					'The poll changed nothing; the next poll tries again. A slow API needs a longer Options › Timeout (Seconds).',
			});
		}
		// Hands back the client's NodeApiError unchanged (see apiRequest).
		throw new NodeApiError(ctx.getNode(), error as JsonObject);
	}
}

const asItems = (list: IDataObject[]): INodeExecutionData[] =>
	list.map((json) => ({ json, pairedItem: { item: 0 } }));

/** Fetch Test Event: the newest user of the first group with one, as the first chosen event. */
async function testEvent(ctx: IPollFunctions, watch: UserWatch): Promise<INodeExecutionData[][]> {
	const [event] = selectedEvents(ctx);
	const { timeoutMs } = options(ctx);
	const groups = watch.groups(ctx);
	for (const group of groups) {
		const users = await usersOf(ctx, watch, group, timeoutMs);
		if (users.length) {
			const newest = watch.watched(group, users[users.length - 1]);
			return [asItems([watch.sample(group, newest, event)])];
		}
	}
	throw new NodeOperationError(
		ctx.getNode(),
		`No users yet in the watched ${watch.groupLabel}${groups.length > 1 ? 's' : ''} (${groups.join(', ')}): there is no user to show as a test event`,
		{ level: 'warning' },
	);
}

/** One poll: the events since the last poll, or null when there are none. */
export async function pollUsers(
	ctx: IPollFunctions,
	watch: UserWatch,
): Promise<INodeExecutionData[][] | null> {
	if (ctx.getMode() === 'manual') return await testEvent(ctx, watch);
	const wanted = new Set(selectedEvents(ctx));
	const { emitExisting, timeoutMs } = options(ctx);
	const groups = watch.groups(ctx);
	// Every list is read before anything is compared or stored: a failure leaves the state.
	const lists: IDataObject[][] = [];
	for (const group of groups) lists.push(await usersOf(ctx, watch, group, timeoutMs));

	const staticData = ctx.getWorkflowStaticData('node');
	const previous = (staticData[STATE_KEY] ?? {}) as Record<string, GroupState>;
	const next: Record<string, GroupState> = {};
	const emitted: IDataObject[] = [];
	let changed = Object.keys(previous).some((group) => !groups.includes(group));
	groups.forEach((group, index) => {
		const before = previous[group];
		const now: GroupState = {};
		for (const user of lists[index]) {
			const current = watch.watched(group, user);
			now[current.key] = current.entry;
			if (!before) {
				if (emitExisting) emitted.push(...watch.events(group, current.key, undefined, current));
			} else if (!sameEntry(before[current.key], current.entry)) {
				emitted.push(...watch.events(group, current.key, before[current.key], current));
			}
		}
		for (const key of Object.keys(before ?? {})) {
			if (!(key in now)) emitted.push(...watch.events(group, key, before[key]));
		}
		// Unchanged groups keep their stored object, so n8n has nothing new to save.
		const same =
			before &&
			Object.keys(before).length === Object.keys(now).length &&
			Object.keys(now).every((key) => sameEntry(before[key], now[key]));
		next[group] = same ? before : now;
		if (!same) changed = true;
	});
	if (changed) staticData[STATE_KEY] = next;
	const items = emitted.filter((json) => wanted.has(String(json.event)));
	return items.length ? [asItems(items)] : null;
}

/** IDs from a multi-select, an array or comma-separated text; objects and none are refused. */
export function idList(ctx: IPollFunctions, name: string, label: string): string[] {
	const value = ctx.getNodeParameter(name, []) as unknown;
	const parts = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(',')
			: [value];
	if (parts.some((part) => typeof part !== 'string' && typeof part !== 'number')) {
		throw inputError(ctx, label, 'give IDs as text or a list of text, not an object');
	}
	const ids = [...new Set(parts.map((part) => String(part).trim()).filter(Boolean))];
	if (!ids.length) throw inputError(ctx, label, 'choose at least one');
	return ids;
}
