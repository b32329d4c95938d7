/**
 * What both polling triggers guarantee, whatever the vendor: a baseline on the first poll,
 * several groups (organizations, tenants) each with its own baseline, no re-emission after a
 * restart, a failed poll that changes nothing, Fetch Test Event, input errors before any request,
 * no secret in an error, 10,000 users in under 1 MB of state, and no save when nothing changed.
 * Each trigger's poll test runs these with its own users and exact items (`WatchContract`),
 * beside the tests of its own events.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { Reply } from './http';
import {
	activated,
	assertNoSecretInError,
	edited,
	expectItems,
	pollTimingOut,
	setup,
	snapshot,
	state,
	step,
	type PollEnv,
	type PollVendor,
} from './pollTrigger';

export interface WatchContract {
	vendor: PollVendor;
	/** "Epilot", "Exolink": as error messages name the vendor. */
	api: string;
	/** "partner organization", "tenant": as messages name a group. */
	groupLabel: string;
	/** The display name of the groups' field, as its input errors name it. */
	groupsField: string;
	/**
	 * The trigger's parameters: the groups (a list of IDs, else as an expression gives them), the
	 * events (default: every event) and the options.
	 */
	parameters(groups: unknown, events?: unknown, options?: IDataObject): INodeParameters;
	/** Two groups; the second one's ID needs URL-encoding (a space and a slash). */
	groups: [string, string];
	/** Two users listed from the start; a user who joins later, and the item that says so. */
	present: IDataObject;
	other: IDataObject;
	joiner: IDataObject;
	joined(group: string): IDataObject;
	/** What the state stores of `present` in the first group and of `other` in the second. */
	stored: { present: IDataObject; other: IDataObject };
	/** Users of the first group at its first poll, and what the state stores of them. */
	baseline: { users: IDataObject[]; stored: IDataObject };
	/** With Emit Existing Users on First Poll: the items of [present, other] in the first group. */
	existing: IDataObject[];
	/** Fetch Test Event with this event chosen first: the item of `joiner`, in the second group. */
	samples: Array<[event: string, item: IDataObject]>;
	/** 200 answers that are no user list, with the error message each gives. */
	malformed: Array<[title: string, reply: Reply, message: string]>;
	/** Input errors of this trigger only, beside the shared ones. */
	inputErrors: Array<[title: string, parameters: INodeParameters, message: string]>;
	/** 10,000 users; the list after three changes; the three items. */
	many(): { users: IDataObject[]; next: IDataObject[]; items: IDataObject[] };
}

export function describeWatchContract(c: WatchContract): void {
	const [A, B] = c.groups;
	const watching = (groups: unknown, options?: IDataObject) =>
		c.parameters(groups, undefined, options);
	const activatedOn = async (groups: string[], lists: Record<string, IDataObject[]>) =>
		await activated(c.vendor, watching(groups), lists);
	/** The poll after a baseline of [present] in A, once `joiner` joined: emits the joiner. */
	const catchesUp = async (env: PollEnv) =>
		expectItems(await step(env, 'poll', { [A]: [c.present, c.joiner] }), [c.joined(A)]);
	/** The state as JSON: the bound on what n8n stores. */
	const savedSize = (env: PollEnv) => JSON.stringify(JSON.parse(env.trigger.saved)).length;

	describe(`${c.api} Trigger: the first poll records a baseline`, () => {
		it('activation emits nothing and stores one entry per user', async () => {
			const env = await activatedOn([A], { [A]: c.baseline.users });
			const stored = { [A]: c.baseline.stored };
			expect(state(env)).toEqual({ running: stored, saved: stored });
			expect(Object.keys(c.baseline.stored)).toHaveLength(c.baseline.users.length);
			expect(env.trigger.saves).toBe(1);

			expectItems(await step(env, 'poll', { [A]: c.baseline.users }), []);
		});

		it('with Emit Existing Users on First Poll, the users found are emitted as added', async () => {
			const env = await setup(c.vendor, watching([A], { emitExistingUsers: true }));
			expectItems(await step(env, 'activate', { [A]: [c.present, c.other] }), c.existing);
			// Recorded as well: the next poll emits nothing more.
			expectItems(await step(env, 'poll', { [A]: [c.present, c.other] }), []);
		});
	});

	describe(`${c.api} Trigger: several ${c.groupLabel}s`, () => {
		it('each gets its own baseline, its ID URL-encoded in the path', async () => {
			const env = await activatedOn([A, B], { [A]: [c.present], [B]: [c.other] });
			expect(state(env).saved).toEqual({ [A]: c.stored.present, [B]: c.stored.other });

			expectItems(await step(env, 'poll', { [A]: [c.present], [B]: [c.other, c.joiner] }), [
				c.joined(B),
			]);
		});

		it(`a ${c.groupLabel} watched later gets its own baseline; one no longer watched is dropped`, async () => {
			const first = await activatedOn([A], { [A]: [c.present] });

			// The joiner joined A meanwhile (emitted); B is new: its users are its baseline.
			const both = await edited(first, watching([A, B]));
			expectItems(await step(both, 'activate', { [A]: [c.present, c.joiner], [B]: [c.other] }), [
				c.joined(A),
			]);
			expectItems(await step(both, 'poll', { [A]: [c.present, c.joiner], [B]: [c.other] }), []);

			const onlyB = await edited(both, watching([B]));
			expectItems(await step(onlyB, 'activate', { [B]: [c.other] }), []);
			const stored = { [B]: c.stored.other };
			expect(state(onlyB)).toEqual({ running: stored, saved: stored });
		});
	});

	describe(`${c.api} Trigger: n8n restarts`, () => {
		it('with the saved static data, nothing is emitted again', async () => {
			const env = await activatedOn([A], { [A]: [c.present] });
			await catchesUp(env);

			env.trigger.restart();
			expectItems(await step(env, 'poll', { [A]: [c.present, c.joiner] }), []);
		});

		it('a change made while n8n was down is emitted once after the restart', async () => {
			// THE test that fails if the trigger does not consult its static data: a trigger that
			// ignored it would take this poll for a first one, record a baseline and emit nothing.
			const env = await activatedOn([A], { [A]: [c.present] });
			env.trigger.restart();
			await catchesUp(env);

			env.trigger.restart();
			expectItems(await step(env, 'poll', { [A]: [c.present, c.joiner] }), []);
		});
	});

	describe(`${c.api} Trigger: a failed poll changes nothing`, () => {
		const failures: Array<[string, Reply, IDataObject]> = [
			[
				'a 500 with a message',
				{ status: 500, body: { message: 'Directory unavailable' } },
				{ name: 'NodeApiError', httpCode: '500', message: 'Directory unavailable (HTTP 500)' },
			],
			...c.malformed.map(([title, reply, message]): [string, Reply, IDataObject] => [
				title,
				reply,
				{ name: 'NodeApiError', httpCode: '200', message },
			]),
		];

		it.each(failures)(
			'%s: the error is shown; the next poll emits what changed meanwhile',
			async (_title, reply, error) => {
				const env = await activatedOn([A], { [A]: [c.present] });
				const before = snapshot(env);

				const failed = await step(env, 'poll', { [A]: reply });
				expect(failed.error).toMatchObject(error);
				expect(failed.items).toEqual([]);
				expect(snapshot(env)).toEqual(before);

				await catchesUp(env);
			},
		);

		it('a timeout (Timeout (Seconds) 1, an answer after 3 s) says so; the next poll catches up', async () => {
			const env = await activated(c.vendor, watching([A], { timeout: 1 }), { [A]: [c.present] });
			const before = snapshot(env);

			const failed = await pollTimingOut(env, A);
			expect(failed.error).toMatchObject({
				name: 'NodeApiError',
				httpCode: null,
				message: `${c.api} did not answer within 1 s (${c.groupLabel} ${A})`,
			});
			expect(snapshot(env)).toEqual(before);

			await catchesUp(env);
		});

		it(`two ${c.groupLabel}s, the second fails: nothing is stored or emitted for the first`, async () => {
			const env = await activatedOn([A, B], { [A]: [c.present], [B]: [c.other] });
			const before = snapshot(env);

			const failed = await step(env, 'poll', {
				[A]: [c.present, c.joiner],
				[B]: { status: 503, body: { message: 'Try later' } },
			});
			expect(failed.error).toMatchObject({ httpCode: '503', message: 'Try later (HTTP 503)' });
			expect(failed.items).toEqual([]);
			expect(snapshot(env)).toEqual(before);

			expectItems(await step(env, 'poll', { [A]: [c.present, c.joiner], [B]: [c.other] }), [
				c.joined(A),
			]);
		});

		it(`a first activation failing for the second ${c.groupLabel} records no baseline for the first`, async () => {
			const env = await setup(c.vendor, watching([A, B]));
			const failed = await step(env, 'activate', {
				[A]: [c.present],
				[B]: { status: 500, body: { message: 'Boom' } },
			});
			expect(failed.error).toMatchObject({ httpCode: '500', message: 'Boom (HTTP 500)' });
			expect(snapshot(env)).toEqual({ running: undefined, saved: undefined, saves: 0 });
		});
	});

	describe(`${c.api} Trigger: Fetch Test Event`, () => {
		it.each(c.samples)(
			`first chosen event %s: the last user of the first ${c.groupLabel} with users, shaped like that event`,
			async (event, item) => {
				const added = String(c.joined(A).event);
				const parameters = c.parameters([A, B], [event, added]);
				const env = await activated(c.vendor, parameters, { [A]: [c.present], [B]: [] });
				const before = snapshot(env);

				// A lists nobody now; B lists the joiner last.
				const result = await step(env, 'manual', { [A]: [], [B]: [c.other, c.joiner] });

				expectItems(result, [item]);
				expect(snapshot(env)).toEqual(before);
			},
		);

		it(`no users in any watched ${c.groupLabel}: an error naming them`, async () => {
			const env = await setup(c.vendor, watching([A, B]));
			const result = await step(env, 'manual', { [A]: [], [B]: [] });
			expect(result.error).toMatchObject({
				name: 'NodeOperationError',
				message: `No users yet in the watched ${c.groupLabel}s (${A}, ${B}): there is no user to show as a test event`,
			});
			expect(snapshot(env)).toEqual({ running: undefined, saved: undefined, saves: 0 });
		});
	});

	describe.each(['activate', 'manual'] as const)(
		`${c.api} Trigger: input errors name the field, before any request (%s)`,
		(run) => {
			const field = c.groupsField;
			it.each([
				['no event', c.parameters([A], []), 'Events: choose at least one event'],
				[
					'events as an object',
					c.parameters([A], '={{ { a: 1 } }}'),
					'Events: choose at least one event',
				],
				['events as text', c.parameters([A], '=someEvent'), 'Events: choose at least one event'],
				[`no ${c.groupLabel}`, watching([]), `${field}: choose at least one`],
				['only commas and blanks', watching('= , ,'), `${field}: choose at least one`],
				[
					'an object from an expression',
					watching(`={{ { id: "${A}" } }}`),
					`${field}: give IDs as text or a list of text, not an object`,
				],
				...c.inputErrors,
			])('%s', async (_title, parameters, message) => {
				const env = await setup(c.vendor, parameters);
				const result = await step(env, run, {});
				expect(result.error).toMatchObject({ name: 'NodeOperationError', message });
			});
		},
	);

	describe(`${c.api} Trigger: no secret in a failed poll`, () => {
		const [token] = c.vendor.secrets;
		it.each([
			['a 401 echoing the token', { status: 401, body: { message: `Invalid token ${token}` } }],
			[
				'a 500 echoing the request headers, the token URI-encoded',
				{
					status: 500,
					body: {
						message: `Rejected ${encodeURIComponent(token)}`,
						request: { headers: { authorization: `Bearer ${token}` } },
					},
				},
			],
			['a 200 that is no user list, echoing the token', { body: { error: `token ${token}` } }],
		])('%s: the error holds no form of it', async (_title, reply) => {
			const env = await activatedOn([A], { [A]: [c.present] });
			const failed = await step(env, 'poll', { [A]: reply });
			assertNoSecretInError(failed.error, c.vendor.secrets);
		});
	});

	describe(`${c.api} Trigger: 10,000 users`, () => {
		it('three changes among 10,000 users are exactly three items; the state stays under 1 MB', async () => {
			const { users, next, items } = c.many();
			expect(users).toHaveLength(10_000);
			const env = await activatedOn([A], { [A]: users });
			expect(savedSize(env)).toBeLessThanOrEqual(1_000_000);

			expectItems(await step(env, 'poll', { [A]: next }), items);
			expect(items).toHaveLength(3);
			expect(savedSize(env)).toBeLessThanOrEqual(1_000_000);
		});
	});

	describe(`${c.api} Trigger: a poll that finds nothing new`, () => {
		it('does not mark the static data changed, so n8n saves nothing', async () => {
			const lists = { [A]: [c.present, c.other], [B]: [] };
			const env = await activatedOn([A, B], lists);
			expect(env.trigger.saves).toBe(1);

			// The same users in another order.
			expectItems(await step(env, 'poll', { [A]: [c.other, c.present], [B]: [] }), []);
			// An activation saves whenever the data was marked changed: still the one save.
			expectItems(await step(env, 'activate', lists), []);
			expect(env.trigger.saves).toBe(1);
		});
	});
}
