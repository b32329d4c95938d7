// Self-test of the epilot fake (node:test): every operation answers as the spec says, state
// changes as the Epilot node assumes, malformed requests and magic ids fail as documented.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { assertResponseShape, jsonClient, send } from './testing/client.mjs';
import { EPILOT_SEED as SEED, EPILOT_TOKEN, MAGIC_STATUSES, startSandbox } from './index.mjs';

let sandbox;
before(async () => {
	sandbox = await startSandbox({ port: 0, options: { assignables: 2500 } });
});
after(() => sandbox.stop());
beforeEach(() => sandbox.reset());

const call = jsonClient(() => sandbox, 'epilot', EPILOT_TOKEN);
const assertSpecShaped = (operationId, body) =>
	assertResponseShape(sandbox, 'epilot', operationId, body);

const org = SEED.partnerOrgId;
const [sales, viewer] = SEED.roles;
const enc = encodeURIComponent;

describe('every operation', () => {
	const cases = [
		['approvePartner', 'POST', `/v1/partners/${SEED.partnerRequest}/approve`, undefined, 201],
		['rejectPartner', 'POST', `/v1/partners/${SEED.partnerRequest}/reject`, undefined, 200],
		[
			'invitePartnerV2',
			'POST',
			`/v2/partners/${SEED.partnerPending}/invite`,
			{ language: 'de' },
			200,
		],
		[
			'getPartnerByToken',
			'GET',
			`/v1/partner-directory/public/getPartnerByToken?token=${SEED.invitationToken}`,
			undefined,
			200,
		],
		[
			'activatePartner',
			'POST',
			`/v1/partner-directory/public/activate?token=${SEED.invitationToken}`,
			{ signed_up_email: 'a@b.example', organization_id: '200002' },
			200,
		],
		['searchAssignable', 'POST', '/v1/partners/assignables:search', { q: '', size: 5 }, 200],
		[
			'batchGetAssignable',
			'POST',
			'/v1/partners/assignables:batchGet',
			[{ user_id: 'u-0001' }, { group_id: 'g-0002' }],
			200,
		],
		[
			'searchGeolocationForText',
			'POST',
			'/v1/geolocation/text:search',
			{ address: 'Auweg 1, 93055 Regensburg, DE' },
			200,
		],
		['getPartnerUsers', 'GET', `/v2/partners/${org}/users`, undefined, 200],
		[
			'createPartnerUser',
			'POST',
			`/v2/partners/${org}/users`,
			{ email: 'new@partner.example', roles: [viewer] },
			201,
		],
		['deletePartnerUser', 'DELETE', `/v2/partners/${org}/users/${SEED.userId}`, undefined, 200],
		['getPartnerRoles', 'GET', `/v2/partners/${org}/roles`, undefined, 200],
		[
			'createPartnerRole',
			'POST',
			`/v2/partners/${org}/roles`,
			{
				name: 'Installer',
				slug: 'installer',
				grants: [{ action: 'entity-read', dependencies: [{ action: 'entity-update' }] }],
			},
			201,
		],
		[
			'updatePartnerRole',
			'PUT',
			`/v2/partners/${org}/roles/${enc(viewer)}`,
			{
				name: 'Viewer',
				slug: 'partner_viewer',
				grants: [{ action: 'entity-read', effect: 'deny' }],
			},
			200,
		],
		['deletePartnerRole', 'DELETE', `/v2/partners/${org}/roles/${enc(viewer)}`, undefined, 200],
		[
			'assignPartnerUserRoles',
			'POST',
			`/v2/partners/${org}/users/${SEED.userId}/roles`,
			{ roleIds: [viewer] },
			200,
		],
		[
			'unassignPartnerUserRoles',
			'DELETE',
			`/v2/partners/${org}/users/${SEED.userId}/roles`,
			{ roleIds: [sales] },
			200,
		],
	];

	test('the spec has exactly these 17 operations', () => {
		const ids = sandbox.vendors.epilot.routes.map((r) => r.operationId).sort();
		assert.deepEqual(ids, cases.map(([id]) => id).sort());
	});

	for (const [operationId, method, path, body, status] of cases) {
		test(operationId, async () => {
			const res = await call(method, path, body);
			assert.equal(res.status, status, JSON.stringify(res.body));
			assertSpecShaped(operationId, res.body);
			assert.equal(sandbox.requests.at(-1).operationId, operationId);
		});
	}
});

describe('state', () => {
	test('invite sets Invited and a token that getByToken and activate accept', async () => {
		const invited = await call('POST', `/v2/partners/${SEED.partnerPending}/invite`, {
			language: 'en',
		});
		assert.equal(invited.body.status, 'Invited');
		const token = invited.body.invitation_token;
		assert.ok(token);
		const found = await call(
			'GET',
			`/v1/partner-directory/public/getPartnerByToken?token=${token}`,
			undefined,
			null,
		);
		assert.equal(found.body.id, SEED.partnerPending);
		const activate = (t) =>
			call(
				'POST',
				`/v1/partner-directory/public/activate?token=${t}`,
				{ signed_up_email: 'x@y.example', organization_id: '200001' },
				null,
			);
		assert.equal((await activate(token)).status, 200);
		assert.equal((await activate(token)).status, 409);
		assert.equal((await activate('nope')).status, 404);
	});

	test('a created user is Pending and assigned roles show up on it; unknown roles fail per role', async () => {
		const created = await call('POST', `/v2/partners/${org}/users`, { email: 'p@partner.example' });
		assert.equal(created.body.status, 'Pending');
		const assign = await call('POST', `/v2/partners/${org}/users/${created.body.id}/roles`, {
			roleIds: [sales, `${org}:ghost`],
		});
		assert.equal(assign.status, 200);
		assert.deepEqual(
			assign.body.results.map((r) => r.success),
			[true, false],
		);
		assert.match(assign.body.results[1].error.message, /not found/);
		const users = await call('GET', `/v2/partners/${org}/users`);
		const mine = users.body.results.find((u) => u.id === created.body.id);
		assert.deepEqual(mine.roles, [{ id: sales, slug: 'partner_sales', name: 'Partner Sales' }]);
		const again = await call('POST', `/v2/partners/${org}/users`, { email: 'P@partner.example' });
		assert.equal(again.status, 400);
	});

	test('a role cannot be deleted while assigned (409)', async () => {
		const res = await call('DELETE', `/v2/partners/${org}/roles/${enc(sales)}`);
		assert.equal(res.status, 409);
		assert.match(res.body.message, /still assigned/);
	});

	test('role dependencies are expanded into the stored grants', async () => {
		const res = await call('POST', `/v2/partners/${org}/roles`, {
			name: 'R',
			slug: 'r1',
			grants: [{ action: 'a', dependencies: [{ action: 'b' }] }],
		});
		assert.deepEqual(
			res.body.grants.map((g) => g.action),
			['a', 'b'],
		);
		assert.equal(res.body.id, `${org}:r1`);
	});
});

describe('control', () => {
	const control = (path, body) =>
		send(`${sandbox.origin}/_sandbox/epilot${path}`, { method: 'POST', body });
	const listed = async (userId) =>
		(await call('GET', `/v2/partners/${org}/users`)).body.results.find((u) => u.id === userId);

	test('accept: a created (Pending) user becomes Active, listed so by getPartnerUsers', async () => {
		const created = await call('POST', `/v2/partners/${org}/users`, {
			email: 'p@partner.example',
			roles: [viewer],
		});
		assert.equal(created.body.id, '300002');
		assert.equal((await listed('300002')).status, 'Pending');
		const accepted = await control('/accept', { orgId: org, userId: '300002' });
		assert.equal(accepted.status, 200);
		const partnerUser = {
			id: '300002',
			email: 'p@partner.example',
			status: 'Active',
			roles: [{ id: viewer, slug: 'partner_viewer', name: 'Partner Viewer' }],
		};
		assert.deepEqual(accepted.body, partnerUser);
		assert.deepEqual(await listed('300002'), partnerUser);
		assertSpecShaped('getPartnerUsers', { results: [accepted.body] });
	});

	test('accept by email; 409 when already Active, 404 for no such user, 400 for a bad body', async () => {
		await call('POST', `/v2/partners/${org}/users`, { email: 'Q@Partner.example' });
		const byEmail = await control('/accept', { orgId: org, email: 'q@partner.example' });
		assert.deepEqual([byEmail.status, byEmail.body.status], [200, 'Active']);
		const again = await control('/accept', { orgId: org, email: 'q@partner.example' });
		assert.equal(again.status, 409);
		assert.match(again.body.message, /already Active/);
		const seeded = await control('/accept', { orgId: org, userId: SEED.userId });
		assert.equal(seeded.status, 409);
		for (const [body, message] of [
			[{ orgId: org, userId: '399999' }, /User 399999 not found in partner organization 200001/],
			[{ orgId: org, email: 'nobody@partner.example' }, /User nobody@partner.example not found/],
			[{ orgId: '999999', userId: SEED.userId }, /Partner organization 999999 not found/],
		]) {
			const res = await control('/accept', body);
			assert.equal(res.status, 404, JSON.stringify(body));
			assert.match(res.body.message, message);
		}
		for (const [body, message] of [
			[undefined, /body: Required/],
			[{ userId: SEED.userId }, /orgId: Required/],
			[{ orgId: org }, /give either userId or email/],
			[{ orgId: org, userId: SEED.userId, email: 'q@partner.example' }, /give either userId/],
			[{ orgId: 200001, userId: SEED.userId }, /orgId: Expected string/],
			[{ orgId: org, email: 'not-an-email' }, /email: Invalid email/],
			[{ orgId: org, userId: SEED.userId, status: 'Active' }, /Unrecognized key/],
		]) {
			const res = await control('/accept', body);
			assert.equal(res.status, 400, JSON.stringify(body));
			assert.match(res.body.message, message);
		}
		assert.equal((await control('/nothing', {})).status, 404);
	});

	test('users: bulk-adds generated users with the status and roles, ids continuing', async () => {
		const res = await control('/users', {
			orgId: org,
			count: 10000,
			status: 'Active',
			roleIds: [sales, viewer],
		});
		assert.equal(res.status, 201, JSON.stringify(res.body));
		assert.deepEqual(res.body, {
			orgId: org,
			added: 10000,
			total: 10001,
			firstUserId: '300002',
			lastUserId: '310001',
		});
		const { body } = await call('GET', `/v2/partners/${org}/users`);
		assert.equal(body.results.length, 10001);
		assertSpecShaped('getPartnerUsers', body);
		assert.deepEqual(body.results[1], {
			id: '300002',
			name: 'User 300002',
			email: 'user300002@example.invalid',
			status: 'Active',
			roles: [
				{ id: sales, slug: 'partner_sales', name: 'Partner Sales' },
				{ id: viewer, slug: 'partner_viewer', name: 'Partner Viewer' },
			],
		});
		assert.equal(body.results.at(-1).email, 'user310001@example.invalid');
		// Created users continue the numbering; Pending users can be accepted; no roles by default.
		const created = await call('POST', `/v2/partners/${org}/users`, { email: 'n@partner.example' });
		assert.equal(created.body.id, '310002');
		const pending = await control('/users', { orgId: org, count: 2, status: 'Pending' });
		assert.equal(pending.body.firstUserId, '310003');
		assert.deepEqual((await listed('310004')).roles, []);
		assert.equal((await control('/accept', { orgId: org, userId: '310004' })).status, 200);
		// They are assignable, and reset drops them.
		const search = await call('POST', '/v1/partners/assignables:search', {
			q: 'user310001@',
			types: ['partner_user'],
		});
		assert.equal(search.body.hits, 1);
		sandbox.reset();
		assert.equal((await call('GET', `/v2/partners/${org}/users`)).body.results.length, 1);
	});

	test('users: count 1 to 20000, known roles and organization', async () => {
		for (const body of [
			{ orgId: org, count: 0 },
			{ orgId: org, count: 20001 },
			{ orgId: org, count: 2.5 },
			{ orgId: org },
			{ orgId: org, count: 1, status: 'Invited' },
			{ orgId: org, count: 1, roleIds: sales },
			{ count: 1 },
		]) {
			const res = await control('/users', body);
			assert.equal(res.status, 400, JSON.stringify(body));
			assert.match(res.body.message, /^Invalid body: /);
		}
		const role = await control('/users', { orgId: org, count: 1, roleIds: [`${org}:ghost`] });
		assert.equal(role.status, 404);
		assert.match(role.body.message, /Role 200001:ghost not found/);
		assert.equal((await control('/users', { orgId: '999999', count: 1 })).status, 404);
		assert.equal((await call('GET', `/v2/partners/${org}/users`)).body.results.length, 1);
	});
});

describe('paging', () => {
	test('from/size over all assignables, with hits', async () => {
		const first = await call('POST', '/v1/partners/assignables:search', {
			q: '',
			from: 0,
			size: 1000,
		});
		const total = first.body.hits;
		assert.ok(total >= 2500, `hits ${total}`);
		const last = await call('POST', '/v1/partners/assignables:search', {
			q: '',
			from: 2000,
			size: 1000,
		});
		assert.equal(last.body.results.length, total - 2000);
		assert.notDeepEqual(first.body.results[0], last.body.results[0]);
	});

	test('types and q filter; ecp needs an entity scope', async () => {
		const orgs = await call('POST', '/v1/partners/assignables:search', {
			q: '',
			types: ['partner_organization'],
		});
		assert.deepEqual(
			orgs.body.results.map((a) => a.org_id),
			[org],
		);
		const ecp = await call('POST', '/v1/partners/assignables:search', { q: '', types: ['ecp'] });
		assert.equal(ecp.status, 400);
		const q = await call('POST', '/v1/partners/assignables:search', { q: 'person0007' });
		assert.equal(q.body.hits, 1);
	});
});

describe('errors', () => {
	test('a wrong or missing token gets 401; public operations need none', async () => {
		assert.equal((await call('GET', `/v2/partners/${org}/roles`, undefined, 'wrong')).status, 401);
		assert.equal((await call('GET', `/v2/partners/${org}/roles`, undefined, null)).status, 401);
		const pub = await call(
			'GET',
			`/v1/partner-directory/public/getPartnerByToken?token=${SEED.invitationToken}`,
			undefined,
			null,
		);
		assert.equal(pub.status, 200);
	});

	test('malformed bodies get 400 naming the field', async () => {
		const cases = [
			[
				`/v2/partners/${org}/users/${SEED.userId}/roles`,
				{ roleIds: 'x' },
				/roleIds: Expected array/,
			],
			[`/v2/partners/${org}/users/${SEED.userId}/roles`, { roleIDs: ['x'] }, /roleIds: Required/],
			[`/v2/partners/${org}/users`, { email: 'not-an-email' }, /email: Invalid email/],
			[
				`/v2/partners/${org}/roles`,
				{ name: 'n', slug: 'Bad Slug', grants: [] },
				/slug: must match/,
			],
			[
				`/v2/partners/${org}/roles`,
				{ name: 'n', slug: 's', grants: [{ action: 'a', effect: 'maybe' }] },
				/grants\[0\]\.effect: Invalid enum value/,
			],
			[
				`/v2/partners/${org}/roles`,
				{
					name: 'n',
					slug: 's',
					grants: [{ action: 'a', conditions: [{ attribute: 'x', values: ['y'] }] }],
				},
				/grants\[0\]\.conditions\[0\]\.operation: Required/,
			],
			[
				'/v1/partners/assignables:search',
				{ q: '', size: 1001 },
				/size: Number must be less than or equal to 1000/,
			],
			['/v1/partners/assignables:batchGet', [], /body: Array must contain at least 1/],
			[
				'/v1/geolocation/text:search',
				{ address: 'x', extra: 1 },
				/Unrecognized key\(s\) in object: 'extra'/,
			],
		];
		for (const [path, body, message] of cases) {
			const res = await call('POST', path, body);
			assert.equal(res.status, 400, path);
			assert.match(res.body.message, message);
		}
		const query = await call(
			'GET',
			'/v1/partner-directory/public/getPartnerByToken',
			undefined,
			null,
		);
		assert.match(query.body.message, /token: Required/);
	});

	test('unknown ids get 404 with a message', async () => {
		const res = await call('GET', '/v2/partners/999999/users');
		assert.equal(res.status, 404);
		assert.equal(res.body.message, 'Partner organization 999999 not found');
	});

	for (const status of MAGIC_STATUSES) {
		test(`magic id error-${status}`, async () => {
			const res = await call('POST', `/v1/partners/error-${status}/approve`);
			assert.equal(res.status, status);
			assert.match(res.body.message, new RegExp(`error-${status}`));
			if (status === 429) assert.equal(res.headers['retry-after'], '1');
		});
	}

	test('magic values work in query and body too', async () => {
		assert.equal(
			(await call('GET', '/v1/partner-directory/public/getPartnerByToken?token=error-409')).status,
			409,
		);
		assert.equal(
			(await call('POST', `/v2/partners/${org}/users`, { email: 'error-422@example.com' })).status,
			422,
		);
	});
});
