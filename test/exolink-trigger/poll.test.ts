/**
 * Exolink Trigger: each poll lists the users of the watched tenants (List Tenant Users,
 * `GET /tenant/{tenant}/user`) and emits what changed since the last poll, kept in the
 * workflow's static data as n8n saves it. What both polling triggers guarantee runs from
 * test/harness/pollContract.ts with Exolink's users and items; its own events are tested here.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describeWatchContract } from '../harness/pollContract';
import { activated, edited, expectItems, state, step, type PollEnv } from '../harness/pollTrigger';
import { exolinkTrigger, TENANT, TENANT_2, tenantUser } from './suite';

const ADDED = 'tenantUserAdded';
const ROLE_CHANGED = 'tenantUserRoleChanged';
const REMOVED = 'tenantUserRemoved';
const ALL = [ADDED, ROLE_CHANGED, REMOVED];

const ada = tenantUser('u-1', 'Ada', 'admin');
const bob = tenantUser('u-2', 'Bob', 'viewer');
const cy = tenantUser('u-3', 'Cy', 'viewer');
/** Appears later. */
const dee = tenantUser('u-4', 'Dee', 'user');

/** The trigger's parameters; a list of tenants is typed as comma-separated text. */
const watching = (tenants: unknown, events: unknown = ALL, options: IDataObject = {}) =>
	({
		events,
		tenants: Array.isArray(tenants) ? tenants.join(',') : tenants,
		options,
	}) as INodeParameters;

const NO_LIST = 'Exolink answered with an answer that is no list of users (HTTP 200)';

/** 10,000 users; then the first removed, one made admin, one added at the end. */
function many() {
	const users = Array.from({ length: 10_000 }, (_, i) =>
		tenantUser(`4b1c2f6e-8d7a-4f3e-9c1b-${String(i).padStart(12, '0')}`, `User${i}`, 'viewer'),
	);
	const next = [...users.slice(1), tenantUser('new-user', 'New', 'viewer')];
	next[7000] = { ...users[7001], role: 'admin' };
	const items = [
		{ event: ROLE_CHANGED, tenant: TENANT, user: next[7000], previousRole: 'viewer' },
		{ event: ADDED, tenant: TENANT, user: next[9999] },
		{ event: REMOVED, tenant: TENANT, user: { userId: users[0].userId }, previousRole: 'viewer' },
	];
	return { users, next, items };
}

describeWatchContract({
	vendor: exolinkTrigger,
	api: 'Exolink',
	groupLabel: 'tenant',
	groupsField: 'Tenant Domain Prefixes',
	parameters: watching,
	groups: [TENANT, TENANT_2],
	present: ada,
	other: bob,
	joiner: dee,
	joined: (tenant) => ({ event: ADDED, tenant, user: dee }),
	stored: { present: { 'u-1': 'admin' }, other: { 'u-2': 'viewer' } },
	baseline: {
		users: [ada, bob, cy],
		stored: { 'u-1': 'admin', 'u-2': 'viewer', 'u-3': 'viewer' },
	},
	existing: [
		{ event: ADDED, tenant: TENANT, user: ada },
		{ event: ADDED, tenant: TENANT, user: bob },
	],
	// The list has no history: the user's role now stands in for the previous one.
	samples: [
		[ADDED, { event: ADDED, tenant: TENANT_2, user: dee }],
		[ROLE_CHANGED, { event: ROLE_CHANGED, tenant: TENANT_2, user: dee, previousRole: 'user' }],
		[REMOVED, { event: REMOVED, tenant: TENANT_2, user: { userId: 'u-4' }, previousRole: 'user' }],
	],
	malformed: [
		[
			'an HTML page',
			{ body: '<!doctype html><p>Maintenance</p>', headers: { 'content-type': 'text/html' } },
			'Exolink answered with HTML instead of JSON (HTTP 200)',
		],
		['an object, not a list', { body: { users: [ada] } }, NO_LIST],
		['a user without a userId', { body: [ada, { ...cy, userId: undefined }] }, NO_LIST],
		['a list of text', { body: ['u-1'] }, NO_LIST],
	],
	inputErrors: [
		['an empty list', watching('={{ [] }}'), 'Tenant Domain Prefixes: choose at least one'],
		[
			'".." (would leave /tenant/)',
			watching(`${TENANT},..`),
			'Tenant Domain Prefixes: ".." is not a tenant domain prefix',
		],
	],
	many,
});

describe('Exolink Trigger: each change is one item', () => {
	let env: PollEnv;
	beforeEach(async () => {
		env = await activated(exolinkTrigger, watching(TENANT), { [TENANT]: [ada, bob] });
	});

	it('a user listed for the first time is added', async () => {
		expectItems(await step(env, 'poll', { [TENANT]: [ada, bob, cy] }), [
			{ event: ADDED, tenant: TENANT, user: cy },
		]);
	});

	it('another role is role changed, with the previous role', async () => {
		const bobUser = { ...bob, role: 'user' };
		expectItems(await step(env, 'poll', { [TENANT]: [ada, bobUser] }), [
			{ event: ROLE_CHANGED, tenant: TENANT, user: bobUser, previousRole: 'viewer' },
		]);
		// Other fields (a new name) are no change.
		expectItems(await step(env, 'poll', { [TENANT]: [{ ...ada, familyName: 'L.' }, bobUser] }), []);
	});

	it('a user no longer listed is removed: user { userId } and the last role', async () => {
		expectItems(await step(env, 'poll', { [TENANT]: [bob] }), [
			{ event: REMOVED, tenant: TENANT, user: { userId: 'u-1' }, previousRole: 'admin' },
		]);
		expectItems(await step(env, 'poll', { [TENANT]: [] }), [
			{ event: REMOVED, tenant: TENANT, user: { userId: 'u-2' }, previousRole: 'viewer' },
		]);
		expect(state(env).running).toEqual({ [TENANT]: {} });
	});

	it('changes of several users in one poll: one item each, in list order, removals last', async () => {
		const bobAdmin = { ...bob, role: 'admin' };
		expectItems(await step(env, 'poll', { [TENANT]: [cy, bobAdmin] }), [
			{ event: ADDED, tenant: TENANT, user: cy },
			{ event: ROLE_CHANGED, tenant: TENANT, user: bobAdmin, previousRole: 'viewer' },
			{ event: REMOVED, tenant: TENANT, user: { userId: 'u-1' }, previousRole: 'admin' },
		]);
		expectItems(await step(env, 'poll', { [TENANT]: [cy, bobAdmin] }), []);
	});
});

describe('Exolink Trigger: only the chosen events are emitted', () => {
	it('unchosen changes are recorded all the same, and never emitted later', async () => {
		const env = await activated(exolinkTrigger, watching(TENANT, [ADDED]), {
			[TENANT]: [ada, bob],
		});
		const bobAdmin = { ...bob, role: 'admin' };

		// Cy added, Bob became admin, Ada removed: only the addition.
		expectItems(await step(env, 'poll', { [TENANT]: [bobAdmin, cy] }), [
			{ event: ADDED, tenant: TENANT, user: cy },
		]);
		const recorded = { [TENANT]: { 'u-2': 'admin', 'u-3': 'viewer' } };
		expect(state(env)).toEqual({ running: recorded, saved: recorded });

		// Every event chosen now: the changes seen before are not emitted.
		const all = await edited(env, watching(TENANT));
		expectItems(await step(all, 'activate', { [TENANT]: [bobAdmin, cy] }), []);
	});

	it('tenants may come as a list from an expression', async () => {
		const env = await activated(exolinkTrigger, watching(`={{ ["${TENANT}", "${TENANT_2}"] }}`), {
			[TENANT]: [ada],
			[TENANT_2]: [],
		});
		expect(Object.keys(state(env).saved as IDataObject)).toEqual([TENANT, TENANT_2]);
	});
});
