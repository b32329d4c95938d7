/**
 * Epilot Trigger: each poll lists the users of the watched partner organizations
 * (`GET /v2/partners/{orgId}/users`) and emits what changed since the last poll, kept in the
 * workflow's static data as n8n saves it. What both polling triggers guarantee runs from
 * test/harness/pollContract.ts with Epilot's users and items; its own events are tested here.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { describeWatchContract } from '../harness/pollContract';
import { activated, edited, expectItems, state, step, type PollEnv } from '../harness/pollTrigger';
import { epilotTrigger, ORG, ORG_2, partnerUser, SALES, VIEWER } from './suite';

const ADDED = 'partnerUserAdded';
const ACTIVATED = 'partnerUserActivated';
const ROLES_CHANGED = 'partnerUserRolesChanged';
const REMOVED = 'partnerUserRemoved';
const ALL = [ADDED, ACTIVATED, ROLES_CHANGED, REMOVED];

const ada = partnerUser('u-1', 'Ada', 'Active', [SALES]);
const bob = partnerUser('u-2', 'Bob', 'Pending', [VIEWER]);
const cy = partnerUser('u-3', 'Cy', 'Pending');
/** Joins later, invited with two roles. */
const eve = partnerUser('u-5', 'Eve', 'Pending', [VIEWER, SALES]);

const watching = (orgIds: unknown, events: unknown = ALL, options: IDataObject = {}) =>
	({ events, orgIds, options }) as INodeParameters;

const WITHOUT_RESULTS =
	'Epilot answered with an answer without a list of users (results) (HTTP 200)';

/** 10,000 users with two roles each; then user-0 removed, user-4 activated, user-5001 with one role. */
function many() {
	const users = Array.from({ length: 10_000 }, (_, i) =>
		partnerUser(`user-${i}`, `User${i}`, i % 2 ? 'Active' : 'Pending', [SALES, VIEWER]),
	);
	const next = users.slice(1);
	next[3] = { ...users[4], status: 'Active' };
	next[5000] = { ...users[5001], roles: [{ id: SALES }] };
	const items = [
		{ event: ACTIVATED, orgId: ORG, user: next[3], previousStatus: 'Pending' },
		{ event: ROLES_CHANGED, orgId: ORG, user: next[5000], previousRoles: [SALES, VIEWER] },
		{
			event: REMOVED,
			orgId: ORG,
			user: { id: 'user-0' },
			previousStatus: 'Pending',
			previousRoles: [SALES, VIEWER],
		},
	];
	return { users, next, items };
}

describeWatchContract({
	vendor: epilotTrigger,
	api: 'Epilot',
	groupLabel: 'partner organization',
	groupsField: 'Partner Organization Names or IDs',
	parameters: watching,
	groups: [ORG, ORG_2],
	present: ada,
	other: bob,
	joiner: eve,
	joined: (orgId) => ({ event: ADDED, orgId, user: eve }),
	// Role IDs of the watched organization are stored without its ID, others' whole.
	stored: {
		present: { 'u-1': ['Active', ':partner_sales'] },
		other: { 'u-2': ['Pending', VIEWER] },
	},
	baseline: {
		users: [ada, bob, cy],
		stored: {
			'u-1': ['Active', ':partner_sales'],
			'u-2': ['Pending', ':partner_viewer'],
			'u-3': ['Pending'],
		},
	},
	existing: [
		{ event: ADDED, orgId: ORG, user: ada },
		{ event: ACTIVATED, orgId: ORG, user: ada, previousStatus: null },
		{ event: ADDED, orgId: ORG, user: bob },
	],
	// The list has no history: the user's status and roles now stand in for the previous ones.
	samples: [
		[ADDED, { event: ADDED, orgId: ORG_2, user: eve }],
		[ACTIVATED, { event: ACTIVATED, orgId: ORG_2, user: eve, previousStatus: null }],
		[
			ROLES_CHANGED,
			{ event: ROLES_CHANGED, orgId: ORG_2, user: eve, previousRoles: [SALES, VIEWER] },
		],
		[
			REMOVED,
			{
				event: REMOVED,
				orgId: ORG_2,
				user: { id: 'u-5' },
				previousStatus: 'Pending',
				previousRoles: [SALES, VIEWER],
			},
		],
	],
	malformed: [
		[
			'an HTML page',
			{ body: '<html><body>Sign in</body></html>', headers: { 'content-type': 'text/html' } },
			'Epilot answered with HTML instead of JSON (HTTP 200)',
		],
		['a body without results', { body: { users: [ada] } }, WITHOUT_RESULTS],
		['results that are no list', { body: { results: { 'u-1': ada } } }, WITHOUT_RESULTS],
		['a user without an id', { body: { results: [ada, { ...cy, id: null }] } }, WITHOUT_RESULTS],
	],
	inputErrors: [],
	many,
});

describe('Epilot Trigger: each change is one item', () => {
	let env: PollEnv;
	beforeEach(async () => {
		env = await activated(epilotTrigger, watching([ORG]), { [ORG]: [ada, bob] });
	});

	it('a user listed for the first time is added (Pending: not activated yet)', async () => {
		expectItems(await step(env, 'poll', { [ORG]: [ada, bob, cy] }), [
			{ event: ADDED, orgId: ORG, user: cy },
		]);
	});

	it('a new user already Active is added and activated, previousStatus null', async () => {
		const dee = partnerUser('u-4', 'Dee', 'Active');
		expectItems(await step(env, 'poll', { [ORG]: [ada, bob, dee] }), [
			{ event: ADDED, orgId: ORG, user: dee },
			{ event: ACTIVATED, orgId: ORG, user: dee, previousStatus: null },
		]);
	});

	it('Pending → Active is activated, previousStatus "Pending"', async () => {
		const bobActive = { ...bob, status: 'Active' };
		expectItems(await step(env, 'poll', { [ORG]: [ada, bobActive] }), [
			{ event: ACTIVATED, orgId: ORG, user: bobActive, previousStatus: 'Pending' },
		]);
	});

	it('other roles are roles changed, with the previous role IDs in full', async () => {
		const adaMore = partnerUser('u-1', 'Ada', 'Active', [VIEWER, SALES, '999:auditor']);
		const bobNone = partnerUser('u-2', 'Bob', 'Pending');
		expectItems(await step(env, 'poll', { [ORG]: [adaMore, bobNone] }), [
			{ event: ROLES_CHANGED, orgId: ORG, user: adaMore, previousRoles: [SALES] },
			{ event: ROLES_CHANGED, orgId: ORG, user: bobNone, previousRoles: [VIEWER] },
		]);

		// The order of the roles is no change.
		const adaReordered = partnerUser('u-1', 'Ada', 'Active', ['999:auditor', SALES, VIEWER]);
		expectItems(await step(env, 'poll', { [ORG]: [adaReordered, bobNone] }), []);

		const adaFewer = partnerUser('u-1', 'Ada', 'Active', [SALES]);
		expectItems(await step(env, 'poll', { [ORG]: [adaFewer, bobNone] }), [
			{
				event: ROLES_CHANGED,
				orgId: ORG,
				user: adaFewer,
				previousRoles: ['999:auditor', SALES, VIEWER],
			},
		]);
	});

	it('a user no longer listed is removed: user { id }, the last status and role IDs', async () => {
		expectItems(await step(env, 'poll', { [ORG]: [bob] }), [
			{
				event: REMOVED,
				orgId: ORG,
				user: { id: 'u-1' },
				previousStatus: 'Active',
				previousRoles: [SALES],
			},
		]);
		expectItems(await step(env, 'poll', { [ORG]: [] }), [
			{
				event: REMOVED,
				orgId: ORG,
				user: { id: 'u-2' },
				previousStatus: 'Pending',
				previousRoles: [VIEWER],
			},
		]);
		expect(state(env).running).toEqual({ [ORG]: {} });
	});

	it('activated with other roles at once: two items, each emitted once', async () => {
		const bobNow = partnerUser('u-2', 'Bob', 'Active', [SALES]);
		expectItems(await step(env, 'poll', { [ORG]: [ada, bobNow] }), [
			{ event: ACTIVATED, orgId: ORG, user: bobNow, previousStatus: 'Pending' },
			{ event: ROLES_CHANGED, orgId: ORG, user: bobNow, previousRoles: [VIEWER] },
		]);
		expectItems(await step(env, 'poll', { [ORG]: [ada, bobNow] }), []);
	});
});

describe('Epilot Trigger: only the chosen events are emitted', () => {
	it('unchosen changes are recorded all the same, and never emitted later', async () => {
		const env = await activated(epilotTrigger, watching([ORG], [ACTIVATED]), { [ORG]: [ada, bob] });
		const bobNow = partnerUser('u-2', 'Bob', 'Active', [SALES]);

		// Bob activated with other roles, Cy was added, Ada removed: only the activation.
		expectItems(await step(env, 'poll', { [ORG]: [bobNow, cy] }), [
			{ event: ACTIVATED, orgId: ORG, user: bobNow, previousStatus: 'Pending' },
		]);
		const recorded = { [ORG]: { 'u-2': ['Active', ':partner_sales'], 'u-3': ['Pending'] } };
		expect(state(env)).toEqual({ running: recorded, saved: recorded });

		// Every event chosen now: the changes seen before are not emitted.
		const all = await edited(env, watching([ORG]));
		expectItems(await step(all, 'activate', { [ORG]: [bobNow, cy] }), []);
	});

	it('organization IDs may come as comma-separated text from an expression', async () => {
		const env = await activated(epilotTrigger, watching(`=${ORG} , ${ORG_2},`), {
			[ORG]: [ada],
			[ORG_2]: [],
		});
		expect(Object.keys(state(env).saved as IDataObject)).toEqual([ORG, ORG_2]);
	});
});
