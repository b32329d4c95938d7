// Self-test of the Exolink fake (node:test): every operation answers in the documented shape,
// state changes as the Exolink node assumes, malformed requests and magic ids fail as documented.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { assertResponseShape, jsonClient } from './testing/client.mjs';
import { MAGIC_STATUSES, startSandbox } from './index.mjs';
import exolink, { EXOLINK_SEED as SEED, EXOLINK_TOKEN } from './vendors/exolink.mjs';

let sandbox;
before(async () => {
	// These tests check the fake's behaviour, assumed answers included.
	sandbox = await startSandbox({ port: 0, vendors: [exolink], answers: 'assumed' });
});
after(() => sandbox.stop());
beforeEach(() => sandbox.reset());

const call = jsonClient(() => sandbox, 'exolink', EXOLINK_TOKEN);
const assertDocShaped = (operationId, body) =>
	assertResponseShape(sandbox, 'exolink', operationId, body);

const T = SEED.tenant;
const { admin, user, viewer, otherAdmin } = SEED.users;
const users = (tenant = T) => call('GET', `/tenant/${tenant}/user`);
const roleOf = async (userId, tenant = T) =>
	(await users(tenant)).body.find((u) => u.userId === userId)?.role;

describe('every operation', () => {
	const cases = [
		['get_tenant', 'GET', `/tenant/${T}`, undefined, 200],
		['update_tenant', 'PUT', `/tenant/${T}`, { name: 'Renamed' }, 200],
		['get_tenant_statistics', 'GET', `/tenant/${T}/stats`, undefined, 200],
		['get_subscription', 'GET', `/tenant/${T}/subscription`, undefined, 200],
		['list_tenant_users', 'GET', `/tenant/${T}/user`, undefined, 200],
		[
			'bulk_set_user_roles',
			'PUT',
			`/tenant/${T}/user`,
			[
				{ id: user, role: 'viewer' },
				{ id: viewer, role: 'user' },
			],
			204,
		],
		['set_user_role', 'PUT', `/tenant/${T}/user/${user}`, { role: 'admin' }, 204],
		['remove_tenant_user', 'DELETE', `/tenant/${T}/user/${viewer}`, undefined, 204],
		[
			'create_invite',
			'POST',
			`/tenant/${T}/invite`,
			{ receiver: 'new@company.example', role: 'viewer', language: 'de' },
			201,
		],
		['list_ips', 'GET', `/tenant/${T}/ips`, undefined, 200],
		['add_ip', 'POST', `/tenant/${T}/ips`, { ip: '198.51.100.0/24' }, 201],
		['delete_ip', 'DELETE', `/tenant/${T}/ips/${SEED.ipEntry}`, undefined, 204],
		['get_metrics', 'GET', `/tenant/${T}/metrics`, undefined, 200],
		['get_user', 'GET', `/user/${admin}`, undefined, 200],
		['update_user', 'PUT', `/user/${user}`, { givenName: 'Robert', familyName: 'B.' }, 200],
		['list_products', 'GET', '/product', undefined, 200],
		['get_product', 'GET', '/product/2', undefined, 200],
		['list_cpms', 'GET', `/tenant/${T}/cpms`, undefined, 200],
		[
			'create_cpms',
			'POST',
			`/tenant/${T}/cpms`,
			{ displayName: 'Backup CPMS', url: 'ws://backup.company.example/ocpp' },
			201,
		],
		['list_chargers', 'GET', `/tenant/${T}/charger`, undefined, 200],
	];

	test('the fake has exactly these 20 operations', () => {
		const ids = sandbox.vendors.exolink.routes.map((r) => r.operationId).sort();
		assert.deepEqual(ids, cases.map(([id]) => id).sort());
	});

	for (const [operationId, method, path, body, status] of cases) {
		test(operationId, async () => {
			const res = await call(method, path, body);
			assert.equal(res.status, status, JSON.stringify(res.body));
			if (status === 204) assert.equal(res.body, undefined);
			assertDocShaped(operationId, res.body);
			assert.equal(sandbox.requests.at(-1).operationId, operationId);
		});
	}
});

describe('state', () => {
	test('an invite creates a pending tenant user with the role; inviting again is 409', async () => {
		const invite = { receiver: 'Nina@Company.example', role: 'viewer', language: 'en' };
		const res = await call('POST', `/tenant/${T}/invite`, invite);
		assert.equal(res.status, 201);
		assert.equal(res.body.status, 'pending');
		assert.equal(res.body.role, 'viewer');
		const listed = (await users()).body.find((u) => u.userId === res.body.userId);
		assert.deepEqual(listed, {
			userId: res.body.userId,
			username: 'Nina@Company.example',
			role: 'viewer',
		});
		const profile = await call('GET', `/user/${res.body.userId}`);
		assert.equal(profile.status, 200);
		assert.deepEqual(profile.body.perms, { [T]: 'viewer' });
		const again = await call('POST', `/tenant/${T}/invite`, {
			...invite,
			receiver: 'nina@company.example',
		});
		assert.equal(again.status, 409);
		assert.match(again.body.message, /already a user of tenant abc123/);
		const existing = await call('POST', `/tenant/${T}/invite`, {
			...invite,
			receiver: 'bob@company.example',
		});
		assert.equal(existing.status, 409);
	});

	test('inviting an existing account to another tenant adds it there', async () => {
		const res = await call('POST', `/tenant/${SEED.otherTenant}/invite`, {
			receiver: 'bob@company.example',
			role: 'user',
			language: 'en',
		});
		assert.equal(res.status, 201);
		assert.equal(res.body.userId, user);
		const profile = await call('GET', `/user/${user}`);
		assert.deepEqual(profile.body.perms, { [T]: 'user', [SEED.otherTenant]: 'user' });
	});

	test('set role and bulk set roles show up in the list and in the user perms', async () => {
		assert.equal((await call('PUT', `/tenant/${T}/user/${viewer}`, { role: 'user' })).status, 204);
		assert.equal(await roleOf(viewer), 'user');
		const bulk = await call('PUT', `/tenant/${T}/user`, [
			{ id: viewer, role: 'admin' },
			{ id: user, role: 'viewer' },
		]);
		assert.equal(bulk.status, 204);
		assert.equal(await roleOf(viewer), 'admin');
		assert.equal(await roleOf(user), 'viewer');
		assert.equal((await call('GET', `/user/${viewer}`)).body.perms[T], 'admin');
	});

	test('bulk set roles is all or nothing', async () => {
		const res = await call('PUT', `/tenant/${T}/user`, [
			{ id: user, role: 'admin' },
			{ id: otherAdmin, role: 'user' },
		]);
		assert.equal(res.status, 404);
		assert.match(res.body.message, /\[1\]\.id: user .* is not a member of tenant abc123/);
		assert.equal(await roleOf(user), 'user');
	});

	test('a removed user disappears from the tenant, the account stays', async () => {
		assert.equal((await call('DELETE', `/tenant/${T}/user/${viewer}`)).status, 204);
		assert.equal(await roleOf(viewer), undefined);
		assert.deepEqual((await call('GET', `/user/${viewer}`)).body.perms, {});
		assert.equal((await call('DELETE', `/tenant/${T}/user/${viewer}`)).status, 404);
	});

	test('the last admin can be neither demoted nor removed (409)', async () => {
		const demote = await call('PUT', `/tenant/${T}/user/${admin}`, { role: 'user' });
		assert.equal(demote.status, 409);
		assert.match(demote.body.message, /needs at least one admin/);
		assert.equal((await call('DELETE', `/tenant/${T}/user/${admin}`)).status, 409);
		assert.equal((await call('PUT', `/tenant/${T}/user/${user}`, { role: 'admin' })).status, 204);
		assert.equal((await call('DELETE', `/tenant/${T}/user/${admin}`)).status, 204);
	});

	test('IP whitelist: added entries are listed, deleted ones gone; duplicates and junk refused', async () => {
		const added = await call('POST', `/tenant/${T}/ips`, { ip: '2001:db8::1' });
		assert.equal(added.status, 201);
		let list = (await call('GET', `/tenant/${T}/ips`)).body;
		assert.deepEqual(
			list.map((e) => e.ip),
			['203.0.113.10', '2001:db8::1'],
		);
		assert.equal((await call('POST', `/tenant/${T}/ips`, { ip: '2001:db8::1' })).status, 409);
		for (const ip of ['300.1.1.1', '10.0.0.0/33', 'localhost']) {
			const res = await call('POST', `/tenant/${T}/ips`, { ip });
			assert.equal(res.status, 422, ip);
			assert.match(res.body.message, /not an IP address or CIDR range/);
		}
		assert.equal((await call('DELETE', `/tenant/${T}/ips/${added.body.id}`)).status, 204);
		list = (await call('GET', `/tenant/${T}/ips`)).body;
		assert.deepEqual(
			list.map((e) => e.id),
			[SEED.ipEntry],
		);
		assert.equal((await call('DELETE', `/tenant/${T}/ips/${added.body.id}`)).status, 404);
	});

	test('a created CPMS appears in the list; a non-WebSocket URL is 422', async () => {
		const created = await call('POST', `/tenant/${T}/cpms`, {
			displayName: 'Backup',
			url: 'wss://backup.company.example/ocpp',
			authPassThrough: true,
			interval: 60,
		});
		assert.equal(created.status, 201);
		assert.equal(created.body.interval, 60);
		const list = (await call('GET', `/tenant/${T}/cpms`)).body;
		assert.deepEqual(
			list.map((c) => c.displayName),
			['Main CPMS', 'Backup'],
		);
		const http = await call('POST', `/tenant/${T}/cpms`, {
			displayName: 'X',
			url: 'https://cpms.example/',
		});
		assert.equal(http.status, 422);
		assert.match(http.body.message, /not a WebSocket URL/);
	});

	test('update tenant renames it; an empty name is 422', async () => {
		const res = await call('PUT', `/tenant/${T}`, { name: 'New Name' });
		assert.equal(res.body.name, 'New Name');
		assert.equal((await call('GET', `/tenant/${T}`)).body.name, 'New Name');
		assert.equal((await call('PUT', `/tenant/${T}`, { name: ' ' })).status, 422);
	});

	test('update user: profile, email, password change and MFA with their checks', async () => {
		const profile = await call('PUT', `/user/${user}`, { email: 'robert@company.example' });
		assert.equal(profile.body.username, 'robert@company.example');
		assert.equal(
			(await call('PUT', `/user/${user}`, { email: 'ada@company.example' })).status,
			409,
		);
		const checks = [
			[{ newPassword: 'another-secret' }, /both are needed/],
			[{ oldPassword: 'wrong', newPassword: 'another-secret' }, /current password is not correct/],
			[{ oldPassword: SEED.password, newPassword: 'short' }, /at least 8 characters/],
			[{ mfa: true }, /password: needed to turn MFA on or off/],
			[{ mfa: true, password: 'wrong' }, /password: the password is not correct/],
		];
		for (const [body, message] of checks) {
			const res = await call('PUT', `/user/${user}`, body);
			assert.equal(res.status, 422, JSON.stringify(body));
			assert.match(res.body.message, message);
		}
		const changed = await call('PUT', `/user/${user}`, {
			oldPassword: SEED.password,
			newPassword: 'another-secret',
		});
		assert.equal(changed.status, 200);
		assert.equal(changed.body.password, undefined);
		const mfa = await call('PUT', `/user/${user}`, { mfa: true, password: 'another-secret' });
		assert.equal(mfa.body.mfa, true);
	});

	test('statistics and metrics follow the state', async () => {
		await call('POST', `/tenant/${T}/invite`, {
			receiver: 'p@company.example',
			role: 'user',
			language: 'en',
		});
		const stats = (await call('GET', `/tenant/${T}/stats`)).body;
		assert.deepEqual(stats, {
			users: 3,
			pendingInvites: 1,
			chargers: 2,
			provisionedChargers: 1,
			cpms: 1,
			ipWhitelistEntries: 1,
		});
		const metrics = (await call('GET', `/tenant/${T}/metrics`)).body;
		assert.ok(Array.isArray(metrics) && metrics.every((m) => m.name && 'value' in m));
	});

	test('reset restores the seed', async () => {
		await call('DELETE', `/tenant/${T}/user/${viewer}`);
		sandbox.reset();
		assert.equal(await roleOf(viewer), 'viewer');
	});
});

describe('errors', () => {
	test('a wrong or missing token gets 401 (the credential test calls GET /product)', async () => {
		assert.equal((await call('GET', '/product')).status, 200);
		const wrong = await call('GET', '/product', undefined, 'wrong');
		assert.equal(wrong.status, 401);
		assert.deepEqual(wrong.body, {
			statusCode: 401,
			error: 'Unauthorized',
			message: 'Invalid bearer token',
		});
		assert.equal((await call('GET', `/tenant/${T}`, undefined, null)).status, 401);
	});

	test('malformed bodies get 400 naming the field', async () => {
		const cases = [
			[
				'POST',
				`/tenant/${T}/invite`,
				{ receiver: 'a@b.example', role: 'owner', language: 'en' },
				/role: Invalid enum value. Expected 'admin' \| 'user' \| 'viewer', received 'owner'/,
			],
			[
				'POST',
				`/tenant/${T}/invite`,
				{ receiver: 'a@b.example', role: 'user', language: 'english' },
				/language: must be a language code/,
			],
			[
				'POST',
				`/tenant/${T}/invite`,
				{ receiver: 'not-an-email', role: 'user', language: 'en' },
				/receiver: Invalid email/,
			],
			[
				'POST',
				`/tenant/${T}/invite`,
				{ email: 'a@b.example', role: 'user', language: 'en' },
				/receiver: Required/,
			],
			['POST', `/tenant/${T}/invite`, undefined, /body: Required/],
			['PUT', `/tenant/${T}/user/${user}`, { roles: 'user' }, /role: Required/],
			['PUT', `/tenant/${T}/user`, { id: user, role: 'user' }, /body: Expected array/],
			['PUT', `/tenant/${T}/user`, [{ userId: user, role: 'user' }], /\[0\]\.id: Required/],
			['PUT', `/user/${user}`, { mfa: 'yes', password: 'x' }, /mfa: Expected boolean/],
			[
				'PUT',
				`/user/${user}`,
				{ firstName: 'Bob' },
				/Unrecognized key\(s\) in object: 'firstName'/,
			],
			['POST', `/tenant/${T}/ips`, { address: '1.2.3.4' }, /ip: Required/],
			['POST', `/tenant/${T}/cpms`, { displayName: 'X' }, /url: Required/],
			['POST', `/tenant/${T}/cpms`, { displayName: 'X', url: 'ws://x', interval: 0 }, /interval/],
			['PUT', `/tenant/${T}`, {}, /name: Required/],
		];
		for (const [method, path, body, message] of cases) {
			const res = await call(method, path, body);
			assert.equal(res.status, 400, `${method} ${path} ${JSON.stringify(body)}`);
			assert.match(res.body.message, message);
			assert.equal(res.body.statusCode, 400);
		}
	});

	test('roles the docs only type as string are checked too (422)', async () => {
		const one = await call('PUT', `/tenant/${T}/user/${user}`, { role: 'owner' });
		assert.equal(one.status, 422);
		assert.match(one.body.message, /role: role must be one of admin, user, viewer/);
		const bulk = await call('PUT', `/tenant/${T}/user`, [{ id: user, role: 'root' }]);
		assert.equal(bulk.status, 422);
		assert.match(bulk.body.message, /\[0\]\.role/);
	});

	test('unknown tenants, users, products and entries get 404 with a message', async () => {
		const cases = [
			['/tenant/nope', 'Tenant nope not found'],
			['/tenant/nope/user', 'Tenant nope not found'],
			[
				'/user/00000000-0000-4000-8000-000000000000',
				'User 00000000-0000-4000-8000-000000000000 not found',
			],
			['/product/99', 'Product 99 not found'],
		];
		for (const [path, message] of cases) {
			const res = await call('GET', path);
			assert.equal(res.status, 404, path);
			assert.deepEqual(res.body, { statusCode: 404, error: 'Not Found', message });
		}
		const outsider = await call('PUT', `/tenant/${T}/user/${otherAdmin}`, { role: 'user' });
		assert.equal(outsider.status, 404);
		assert.match(outsider.body.message, /is not a member of tenant abc123/);
		assert.equal((await call('GET', '/product/abc')).status, 400);
		assert.equal((await call('GET', `/tenant/${T}/logs`)).status, 404);
		assert.equal((await call('PATCH', `/tenant/${T}`, { name: 'x' })).status, 405);
	});

	for (const status of MAGIC_STATUSES) {
		test(`magic tenant error-${status}`, async () => {
			const res = await call('GET', `/tenant/error-${status}/user`);
			assert.equal(res.status, status);
			assert.equal(res.body.statusCode, status);
			assert.match(res.body.message, new RegExp(`error-${status}`));
			if (status === 429) assert.equal(res.headers['retry-after'], '1');
		});
	}

	test('magic values work in bodies too', async () => {
		const res = await call('POST', `/tenant/${T}/invite`, {
			receiver: 'error-409@company.example',
			role: 'user',
			language: 'en',
		});
		assert.equal(res.status, 409);
		assert.equal((await call('PUT', `/user/${user}`, { givenName: 'error-500' })).status, 500);
	});
});

describe('credentials', () => {
	test('an "Exolink (sandbox)" credential pointing at the fake', () => {
		assert.deepEqual(sandbox.credentials(), [
			{
				id: 'sandboxExolink001',
				name: 'Exolink (sandbox)',
				type: 'exolinkApi',
				data: { accessToken: EXOLINK_TOKEN, server: 'custom', customUrl: sandbox.urls.exolink },
			},
		]);
		assert.match(sandbox.urls.exolink, /^http:\/\/127\.0\.0\.1:\d+\/exolink$/);
	});
});
