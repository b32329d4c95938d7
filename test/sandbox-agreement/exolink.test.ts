/**
 * The Exolink node against the local sandbox over real loopback HTTP: the node's requests pass
 * the fake's validation and the node works from the answers Exolink documents (the sandbox's
 * default; docs/sandbox-assumptions.md lists what it answers beyond them when asked to). Tests
 * that need an invitee listed before it accepts run against a second sandbox with
 * `exolink.inviteeListed` on, by name.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import example from '../../examples/exolink-invite-tenant-user.json';
import { loadList, runNode, testCredential } from '../harness/engine';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';

const TENANT = 'abc123';
const ADA = '4b1c2f6e-8d7a-4f3e-9c1b-2a5d6e7f8a9b';
const BOB = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const rl = (value: string) => ({ __rl: true, mode: 'id', value });
let sandbox: SandboxProcess;
let credentials: Record<string, ICredentialDataDecryptedObject>;
/** Runs the node against `on` (default: the documented sandbox). */
const run = (parameters: INodeParameters, on?: SandboxProcess) =>
	runNode({
		node: 'exolink',
		credentials: on ? { exolinkApi: on.credentials.exolinkApi } : credentials,
		parameters,
	});

const exolinkApi = (accessToken?: string) => ({
	...sandbox.credentials.exolinkApi,
	...(accessToken ? { accessToken } : {}),
});

beforeAll(async () => {
	sandbox = await startSandboxProcess();
	if (!sandbox.urls.exolink) {
		throw new Error('The sandbox does not mount exolink: add it to test/sandbox/vendors/index.mjs');
	}
	credentials = { exolinkApi: exolinkApi() };
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.control('POST', '/reset'));

const tenantUsers = async (on?: SandboxProcess) => {
	const { items, error } = await run(
		{
			resource: 'tenantUser',
			operation: 'getAll',
			tenant: TENANT,
		},
		on,
	);
	expect(error).toBeUndefined();
	return items.map((item) => item.json);
};

test('an invitation without Output the Invited User outputs a confirmation (no body is documented)', async () => {
	const invited = await run({
		resource: 'tenantUser',
		operation: 'invite',
		tenant: TENANT,
		email: 'plain@company.example',
		role: 'user',
		language: 'en',
	});
	expect(invited.error).toBeUndefined();
	expect(invited.items.map((i) => i.json)).toEqual([{ invited: true }]);
});

test('Set Roles of Many and User > Update (password, MFA) pass the fake', async () => {
	const bulk = await run({
		resource: 'tenantUser',
		operation: 'setRoles',
		tenant: TENANT,
		rolesInputMode: 'fields',
		userRoles: { userRole: [{ userId: ADA, role: 'admin' }] },
	});
	expect(bulk.error).toBeUndefined();
	const updated = await run({
		resource: 'user',
		operation: 'update',
		userId: rl(ADA),
		updateFields: {
			givenName: 'Augusta Ada',
			oldPassword: 'sandbox-secret',
			newPassword: 'new-sandbox-secret',
			mfa: false,
			password: 'sandbox-secret',
		},
	});
	expect(updated.error).toBeUndefined();
	// Exolink documents no answer body for Update User: the node confirms, Get User shows it.
	expect(updated.items.map((i) => i.json)).toEqual([{ updated: true }]);
	const user = await run({ resource: 'user', operation: 'get', userId: rl(ADA) });
	expect(user.items[0].json).toMatchObject({ givenName: 'Augusta Ada', mfa: false });
});

test('the tenant users dropdown lists the sandbox tenant users', async () => {
	const list = await loadList({
		node: 'exolink',
		credentials,
		parameters: {
			resource: 'tenantUser',
			operation: 'setRole',
			tenant: TENANT,
			userId: { __rl: true, mode: 'list', value: '' },
		},
		kind: 'listSearch',
		method: 'searchTenantUsers',
		parameter: 'userId',
	});
	expect(list).toEqual({
		results: [
			{ name: 'Ada Lovelace (ada@company.example, admin)', value: ADA },
			{
				name: 'Bob Builder (bob@company.example, user)',
				value: BOB,
			},
			{
				name: 'Vera Viewer (vera@company.example, viewer)',
				value: '16fd2706-8baf-433b-82eb-8c7fada847da',
			},
		],
	});
});

test('the credential test passes with the sandbox token and fails with another', async () => {
	expect(await testCredential('exolinkApi', exolinkApi())).toEqual({
		status: 'OK',
		message: 'Connection successful!',
	});
	const bad = await testCredential('exolinkApi', exolinkApi('not-the-token'));
	expect(bad.status).toBe('Error');
	// n8n's own message for a 401 to the test request; the token is not shown.
	expect(bad.message).toMatch(/Authorization failed/);
	expect(bad.message).not.toContain('not-the-token');
	const requests = await sandbox.control<Array<{ path: string; status: number }>>(
		'GET',
		'/requests',
	);
	// n8n tries a request that got 401 once more with the same credential.
	const [good, ...rejected] = requests.map((r) => `${r.path} ${r.status}`);
	expect(good).toBe('/product 200');
	expect(new Set(rejected)).toEqual(new Set(['/product 401']));
});

test('a vendor error from the sandbox reaches the user with status and message', async () => {
	const { error } = await run({ resource: 'tenant', operation: 'get', tenant: 'nope' });
	expect(error?.name).toBe('NodeApiError');
	expect(String(error?.httpCode)).toBe('404');
	expect(error?.message).toBe('Tenant nope not found (HTTP 404)');
	expect(error?.description).toMatch(/resource was not found/);
});

test('Custom API Call reaches an endpoint of the fake', async () => {
	const { error } = await run({
		resource: 'customApiCall',
		operation: 'send',
		requestMethod: 'PUT',
		requestPath: `/tenant/${TENANT}/user/${BOB}`,
		requestBody: '{"role": "viewer"}',
	});
	expect(error).toBeUndefined();
	expect((await tenantUsers()).find((u) => u.userId === BOB)?.role).toBe('viewer');
});

test('Output the Invited User: Exolink lists an invitee only once it accepts (documented mode)', async () => {
	const invite = {
		resource: 'tenantUser',
		operation: 'invite',
		tenant: TENANT,
		email: 'Later@Company.example',
		role: 'viewer',
		language: 'en',
		inviteOptions: { outputInvitedUser: true },
	};
	const before = await run(invite);
	expect(before.error?.message).toMatch(/do not list later@company\.example yet/);
	expect((await tenantUsers()).map((u) => u.username)).not.toContain('Later@Company.example');

	// The invitee accepts (a sandbox control endpoint stands for the invitation email's link).
	const res = await fetch(`${sandbox.origin}/_sandbox/exolink/accept`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ tenant: TENANT, email: 'later@company.example' }),
	});
	expect(res.status).toBe(200);
	const { userId } = (await res.json()) as { userId: string };
	expect((await tenantUsers()).find((u) => u.userId === userId)).toEqual({
		userId,
		username: 'Later@Company.example',
		role: 'viewer',
	});
	const setRole = await run({
		resource: 'tenantUser',
		operation: 'setRole',
		tenant: TENANT,
		userId: rl(userId),
		role: 'user',
	});
	expect(setRole.error).toBeUndefined();
	expect((await tenantUsers()).find((u) => u.userId === userId)?.role).toBe('user');
});

describe('with exolink.inviteeListed (an invitee is listed before it accepts)', () => {
	let listed: SandboxProcess;
	beforeAll(async () => {
		listed = await startSandboxProcess({ SANDBOX_ANSWERS: 'exolink.inviteeListed' });
	});
	afterAll(() => listed.stop());
	beforeEach(() => listed.control('POST', '/reset'));

	test('invite a user (output from the tenant-user list), set its role, remove it', async () => {
		const invited = await run(
			{
				resource: 'tenantUser',
				operation: 'invite',
				tenant: TENANT,
				email: 'Agreement@Company.example',
				role: 'viewer',
				language: 'de',
				inviteOptions: { outputInvitedUser: true },
			},
			listed,
		);
		expect(invited.error).toBeUndefined();
		const userId = invited.items[0].json.userId as string;
		expect(invited.items.map((i) => i.json)).toEqual([
			{ userId, username: 'Agreement@Company.example', role: 'viewer', invited: true },
		]);

		expect((await tenantUsers(listed)).find((u) => u.userId === userId)).toEqual({
			userId,
			username: 'Agreement@Company.example',
			role: 'viewer',
		});

		const setRole = await run(
			{
				resource: 'tenantUser',
				operation: 'setRole',
				tenant: TENANT,
				userId: rl(userId),
				role: 'admin',
			},
			listed,
		);
		expect(setRole.error).toBeUndefined();
		expect(setRole.items.map((i) => i.json)).toEqual([{ updated: true }]);
		expect((await tenantUsers(listed)).find((u) => u.userId === userId)?.role).toBe('admin');

		const removed = await run(
			{
				resource: 'tenantUser',
				operation: 'remove',
				tenant: TENANT,
				userId: rl(userId),
			},
			listed,
		);
		expect(removed.error).toBeUndefined();
		expect(removed.items.map((i) => i.json)).toEqual([{ deleted: true, tenant: TENANT, userId }]);
		expect((await tenantUsers(listed)).map((u) => u.userId)).not.toContain(userId);

		const requests = await listed.control<Array<{ operationId: string; status: number }>>(
			'GET',
			'/requests',
		);
		expect(requests.map((r) => `${r.operationId} ${r.status}`)).toEqual([
			'create_invite 201',
			'list_tenant_users 200',
			'list_tenant_users 200',
			'set_user_role 204',
			'list_tenant_users 200',
			'remove_tenant_user 204',
			'list_tenant_users 200',
		]);
	});
});

test('the example workflow (Create Invite) runs against the fake; the invitee is listed once it accepts', async () => {
	const node = example.nodes.find((n) => n.name === 'Create Invite');
	expect(node?.type).toBe('n8n-nodes-exorlive-exolink-epilot.exolink');
	expect(node?.credentials).toEqual({
		exolinkApi: { id: 'sandboxExolink001', name: 'Exolink (sandbox)' },
	});
	const invite = node?.parameters as INodeParameters;
	const { items, error } = await run(invite);
	expect(error).toBeUndefined();
	expect(items.map((i) => i.json)).toEqual([{ invited: true }]);
	expect((await tenantUsers()).map((u) => u.username)).not.toContain(invite.email);
	const res = await fetch(`${sandbox.origin}/_sandbox/exolink/accept`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ tenant: invite.tenant, email: invite.email }),
	});
	expect(res.status).toBe(200);
	expect((await tenantUsers()).find((u) => u.username === invite.email)?.role).toBe(invite.role);
});
