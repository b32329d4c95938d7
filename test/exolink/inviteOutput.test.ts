/**
 * Tenant User > Invite with Output the Invited User, for many items in one run: each tenant's
 * users are listed once, after the last invitation of that tenant in the run, through n8n's
 * real engine (items run side by side, Batching spaces them out).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { ApiMock, type RecordedRequest, type Reply } from '../harness/http';
import { runNode, type RunOptions, type RunResult } from '../harness/engine';
import { assertNoSecrets } from '../harness/cases';
import { EXOLINK_ORIGIN, exolink } from './suite';

/** Small: a run that waits for an item that never comes fails the test instead of hanging it. */
const TIMEOUT = 4000;

const invite: INodeParameters = {
	resource: 'tenantUser',
	operation: 'invite',
	tenant: '={{ $json.tenant }}',
	email: '={{ $json.email }}',
	role: 'viewer',
	language: 'en',
	inviteOptions: { outputInvitedUser: true },
};

/** Batching in the node's Settings > Request Options, as n8n stores it. */
const batching = (batchSize: number, batchInterval: number): INodeParameters => ({
	...invite,
	requestOptions: { batching: { batch: { batchSize, batchInterval } } },
});

const userOf = (email: string) => ({
	userId: `id-${email}`,
	username: email,
	role: 'viewer',
});

/**
 * Exolink as far as Invite needs it: an invitation adds the user to its tenant (answered after
 * `delays[email]` ms), a list shows the users invited so far. `faults[email]` answers that
 * invitation instead (once per entry).
 */
function exolinkFake({
	delays = {},
	faults = {},
	listFault = {},
}: {
	delays?: Record<string, number>;
	faults?: Record<string, Reply[]>;
	listFault?: Record<string, Reply>;
} = {}) {
	const mock = new ApiMock(EXOLINK_ORIGIN);
	const tenants = new Map<string, IDataObject[]>();
	mock.respond((request: RecordedRequest) => {
		const invitation = /^\/tenant\/([^/]+)\/invite$/.exec(request.path);
		if (request.method === 'POST' && invitation) {
			const { receiver } = request.body as { receiver: string };
			const fault = faults[receiver]?.shift();
			if (fault) return fault;
			const users = tenants.get(invitation[1]) ?? [];
			users.push(userOf(receiver));
			tenants.set(invitation[1], users);
			return { status: 201, delayMs: delays[receiver] };
		}
		const list = /^\/tenant\/([^/]+)\/user$/.exec(request.path);
		if (request.method === 'GET' && list) {
			return listFault[list[1]] ?? { body: tenants.get(list[1]) ?? [] };
		}
		return { status: 599, body: { message: `unexpected ${request.method} ${request.path}` } };
	});
	return mock;
}

const post = (tenant: string, email: string) => ({
	method: 'POST',
	path: `/tenant/${tenant}/invite`,
	body: { receiver: email, role: 'viewer', language: 'en' },
});
const list = (tenant: string) => ({
	method: 'GET',
	path: `/tenant/${tenant}/user`,
	body: undefined,
});

/** The requests sent, in a stable order (items run side by side). */
function sent(mock: ApiMock) {
	return mock.requests
		.map(({ method, path, body }) => ({ method, path, body }))
		.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function expectSent(mock: ApiMock, expected: Array<ReturnType<typeof post | typeof list>>) {
	expect(sent(mock)).toEqual(
		[...expected].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
	);
}

/** Each tenant's list was sent after every invitation of that tenant was answered. */
function expectListedAfterInvitations(mock: ApiMock, tenants: string[], log = mock.log) {
	for (const tenant of tenants) {
		const listed = log.indexOf(`> GET /tenant/${tenant}/user`);
		const answered = log
			.map((entry, index) => ({ entry, index }))
			.filter(({ entry }) => entry.startsWith(`< POST /tenant/${tenant}/invite`));
		expect({ tenant, listed: listed >= 0 }).toEqual({ tenant, listed: true });
		expect({ tenant, answeredAfterList: answered.filter(({ index }) => index > listed) }).toEqual({
			tenant,
			answeredAfterList: [],
		});
	}
}

async function run(
	parameters: INodeParameters,
	input: IDataObject[],
	continueOnFail = false,
	settings?: RunOptions['settings'],
): Promise<RunResult> {
	const result = await runNode({
		node: 'exolink',
		parameters,
		input,
		credentials: exolink.credentials,
		continueOnFail,
		settings,
	});
	assertNoSecrets(result, exolink.secrets);
	return result;
}

const output = (result: RunResult) =>
	result.items.map((item) => ({ json: item.json, pairedItem: item.pairedItem }));

const found = (email: string, item: number) => ({
	json: { ...userOf(email), invited: true },
	pairedItem: { item },
});

const input = [
	{ tenant: 'a', email: 'a1@acme.test' },
	{ tenant: 'b', email: 'b1@acme.test' },
	{ tenant: 'a', email: 'a2@acme.test' },
	{ tenant: 'a', email: 'a3@acme.test' },
];

/** What `input` sends: its four invitations and one list per tenant. */
const inputSent = [...input.map(({ tenant, email }) => post(tenant, email)), list('a'), list('b')];

/** What `input` outputs: each invited user, paired with its item. */
const inputFound = input.map(({ email }, item) => found(email, item));

/** The run succeeded and sent `requests`, each of `tenants` listed after all its invitations. */
function expectInvited(
	result: RunResult,
	mock: ApiMock,
	requests: Array<ReturnType<typeof post | typeof list>>,
	tenants: string[],
) {
	expect(result.error).toBeUndefined();
	expectSent(mock, requests);
	expectListedAfterInvitations(mock, tenants);
}

describe('Exolink Invite with Output the Invited User: one list per tenant and run', () => {
	it(
		'3 items for one tenant and 1 for another: 4 invitations, 2 lists, each after its tenant’s last invitation',
		async () => {
			// The first invitation of tenant a is answered last.
			const mock = exolinkFake({ delays: { 'a1@acme.test': 150 } });
			const result = await run(invite, input);
			expectInvited(result, mock, inputSent, ['a', 'b']);
			expect(output(result)).toEqual(inputFound);
		},
		TIMEOUT,
	);

	it(
		'one item per tenant: the same requests as one item at a time (invitation, then its list)',
		async () => {
			const mock = exolinkFake({ delays: { 'b1@acme.test': 50 } });
			const result = await run(invite, input.slice(0, 2));
			expectInvited(
				result,
				mock,
				[post('a', 'a1@acme.test'), post('b', 'b1@acme.test'), list('a'), list('b')],
				['a', 'b'],
			);
			expect(output(result)).toEqual([found('a1@acme.test', 0), found('b1@acme.test', 1)]);
		},
		TIMEOUT,
	);

	it(
		'12 items for 3 tenants, answered in a shuffled order: 12 invitations and 3 lists',
		async () => {
			const tenants = ['a', 'b', 'c'];
			const many = Array.from({ length: 12 }, (_, index) => ({
				tenant: tenants[index % 3],
				email: `u${index}@acme.test`,
			}));
			const delays = Object.fromEntries(
				many.map(({ email }, index) => [email, ((index * 37) % 11) * 10]),
			);
			const mock = exolinkFake({ delays });
			const result = await run(invite, many);
			expectInvited(
				result,
				mock,
				[...many.map(({ tenant, email }) => post(tenant, email)), ...tenants.map(list)],
				tenants,
			);
			expect(output(result)).toEqual(many.map(({ email }, index) => found(email, index)));
		},
		TIMEOUT,
	);

	it(
		'a single item: invitation, then the list, as before',
		async () => {
			const mock = exolinkFake();
			const result = await run(invite, input.slice(0, 1));
			expect(mock.log).toEqual([
				'> POST /tenant/a/invite',
				'< POST /tenant/a/invite 201',
				'> GET /tenant/a/user',
				'< GET /tenant/a/user 200',
			]);
			expect(output(result)).toEqual([found('a1@acme.test', 0)]);
		},
		TIMEOUT,
	);

	it(
		'On Error: Continue, an item with an invalid email: nothing sent for it, the others output',
		async () => {
			const mock = exolinkFake({ delays: { 'a3@acme.test': 50 } });
			const result = await run(
				invite,
				[input[0], { tenant: 'a', email: 'not-an-email' }, input[2], input[3]],
				true,
			);
			expectInvited(
				result,
				mock,
				[
					post('a', 'a1@acme.test'),
					post('a', 'a2@acme.test'),
					post('a', 'a3@acme.test'),
					list('a'),
				],
				['a'],
			);
			expect(output(result)).toEqual([
				found('a1@acme.test', 0),
				{
					json: { error: 'Email: "not-an-email" is not a valid email address' },
					pairedItem: { item: 1 },
				},
				found('a2@acme.test', 2),
				found('a3@acme.test', 3),
			]);
		},
		TIMEOUT,
	);

	it(
		'On Error: Continue, an invitation Exolink refuses: that item fails, the others output',
		async () => {
			const mock = exolinkFake({
				delays: { 'a3@acme.test': 50 },
				faults: { 'a2@acme.test': [{ status: 409, body: { message: 'User already invited' } }] },
			});
			const result = await run(invite, input, true);
			expectInvited(result, mock, inputSent, ['a', 'b']);
			expect(output(result)).toEqual([
				found('a1@acme.test', 0),
				found('b1@acme.test', 1),
				{ json: { error: 'User already invited (HTTP 409)' }, pairedItem: { item: 2 } },
				found('a3@acme.test', 3),
			]);
		},
		TIMEOUT,
	);

	it(
		'an invitation refused without On Error: Continue fails the run with that error, without waiting',
		async () => {
			const mock = exolinkFake({
				faults: { 'a2@acme.test': [{ status: 409, body: { message: 'User already invited' } }] },
			});
			const result = await run(invite, input);
			expect(result.error?.message).toBe('User already invited (HTTP 409)');
			expect(mock.requests.filter((request) => request.method === 'POST')).toHaveLength(4);
		},
		TIMEOUT,
	);

	it(
		'On Error: Continue, an item n8n fails itself (its expression fails), the last one: the others output',
		async () => {
			const mock = exolinkFake();
			const result = await run(
				{ ...invite, email: '={{ $json.email.toLowerCase() }}' },
				[input[0], input[2], { tenant: 'a' }],
				true,
			);
			expectInvited(
				result,
				mock,
				[post('a', 'a1@acme.test'), post('a', 'a2@acme.test'), list('a')],
				['a'],
			);
			const items = output(result);
			expect(items.slice(0, 2)).toEqual([found('a1@acme.test', 0), found('a2@acme.test', 1)]);
			expect(items[2]).toMatchObject({ json: { error: expect.any(String) } });
		},
		TIMEOUT,
	);

	it(
		'Retry On Fail runs the node again with the same input: the second run lists each tenant once more, after its own invitations',
		async () => {
			const mock = exolinkFake({
				faults: { 'a2@acme.test': [{ status: 500, body: { message: 'Try again' } }] },
			});
			const result = await run(batching(1, 30), input.slice(0, 3), false, {
				retryOnFail: true,
				maxTries: 2,
				waitBetweenTries: 10,
			});
			expect(result.error).toBeUndefined();
			// First run: a1 and b1 listed (a1 after a2 failed), a2 failed; second run: all three.
			expectSent(mock, [
				post('a', 'a1@acme.test'),
				post('b', 'b1@acme.test'),
				post('a', 'a2@acme.test'),
				list('a'),
				list('b'),
				post('a', 'a1@acme.test'),
				post('b', 'b1@acme.test'),
				post('a', 'a2@acme.test'),
				list('a'),
				list('b'),
			]);
			const posts = mock.log
				.map((entry, index) => ({ entry, index }))
				.filter(({ entry }) => entry.startsWith('> POST'));
			expectListedAfterInvitations(mock, ['a', 'b'], mock.log.slice(posts[3].index));
			expect(output(result)).toEqual([
				found('a1@acme.test', 0),
				found('b1@acme.test', 1),
				found('a2@acme.test', 2),
			]);
		},
		TIMEOUT,
	);

	it(
		'a 429 on an invitation: only it is sent again, and the list waits for it',
		async () => {
			const mock = exolinkFake({
				faults: {
					'a2@acme.test': [
						{ status: 429, body: { message: 'Slow down' }, headers: { 'retry-after': '0' } },
					],
				},
			});
			const result = await run(invite, input);
			// a2 twice: refused with 429, then sent again.
			expectInvited(result, mock, [...inputSent, post('a', 'a2@acme.test')], ['a', 'b']);
			expect(output(result)).toEqual(inputFound);
		},
		TIMEOUT,
	);

	it(
		'On Error: Continue, a failing list fails the items of that tenant only, with one list request',
		async () => {
			const mock = exolinkFake({
				listFault: { a: { status: 500, body: { message: 'Database unavailable' } } },
			});
			const result = await run(invite, input.slice(0, 3), true);
			expect(result.error).toBeUndefined();
			expectSent(mock, [
				post('a', 'a1@acme.test'),
				post('b', 'b1@acme.test'),
				post('a', 'a2@acme.test'),
				list('a'),
				list('b'),
			]);
			const error = { json: { error: 'Database unavailable (HTTP 500)' } };
			expect(output(result)).toEqual([
				{ ...error, pairedItem: { item: 0 } },
				found('b1@acme.test', 1),
				{ ...error, pairedItem: { item: 2 } },
			]);
		},
		TIMEOUT,
	);

	it(
		'Batching (1 item every 40 ms): still 2 lists, each after its tenant’s last invitation',
		async () => {
			const mock = exolinkFake();
			const result = await run(batching(1, 40), input);
			expectInvited(result, mock, inputSent, ['a', 'b']);
			expect(output(result)).toEqual(inputFound);
		},
		TIMEOUT,
	);

	it(
		'Batching (2 items every 40 ms), the last batch failed by n8n itself: the others output',
		async () => {
			const mock = exolinkFake();
			const result = await run(
				{ ...batching(2, 40), email: '={{ $json.email.toLowerCase() }}' },
				[input[0], input[1], input[2], { tenant: 'a' }, { tenant: 'b' }],
				true,
			);
			expectInvited(
				result,
				mock,
				[
					post('a', 'a1@acme.test'),
					post('b', 'b1@acme.test'),
					post('a', 'a2@acme.test'),
					list('a'),
					list('b'),
				],
				['a', 'b'],
			);
			const items = output(result);
			expect(items.slice(0, 3)).toEqual([
				found('a1@acme.test', 0),
				found('b1@acme.test', 1),
				found('a2@acme.test', 2),
			]);
			expect(items.slice(3)).toEqual([
				{ json: { error: expect.any(String) }, pairedItem: { item: 3 } },
				{ json: { error: expect.any(String) }, pairedItem: { item: 4 } },
			]);
		},
		TIMEOUT,
	);
});
