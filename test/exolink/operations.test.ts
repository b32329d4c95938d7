/** One case per Exolink operation: the exact request sent and the items returned. */
import { describeCases, type NodeCase } from '../harness/cases';
import type { Reply } from '../harness/http';
import { exolink, jsonHeaders, rl } from './suite';

const tenant = {
	id: 1,
	name: 'My Company',
	domainPrefix: 'abc123',
	stripeCustomerId: 'cus_1',
	connectUrl: 'wss://abc123.broker.exolink.cloud/',
	customDomain: 'wss://chargers.company.com/',
	createdAt: '2019-08-24T14:15:22Z',
	updatedAt: '2019-08-24T14:15:22Z',
	deletedAt: null,
};
const subscription = {
	id: 7,
	tenantId: 1,
	productId: 2,
	productName: 'Connect Basic',
	status: 'active',
	quantity: 3,
	stripeSubscriptionId: 'sub_1',
};
const tenantUser = (userId: string, role: string) => ({
	userId,
	username: `${userId}@acme.test`,
	givenName: 'Ada',
	familyName: 'Lovelace',
	role,
});
const user = {
	userId: '4b1c2f6e-8d7a-4f3e-9c1b-2a5d6e7f8a9b',
	username: 'ada@acme.test',
	email: 'ada@acme.test',
	givenName: 'Ada',
	familyName: 'Lovelace',
	mfa: true,
	perms: { abc123: 'admin' },
};
const product = (id: number) => ({
	id,
	name: 'connect_basic',
	displayName: 'Connect Basic',
	active: true,
	price: 2900,
	metadata: { type: 'connect' },
});
/** A product as Simplify (on by default) outputs it: without its metadata. */
const simplifiedProduct = (id: number) =>
	Object.fromEntries(Object.entries(product(id)).filter(([key]) => key !== 'metadata'));
const cpms = {
	id: 3,
	tenantId: 1,
	displayName: 'Main CPMS',
	url: 'ws://cpms.exolink.com',
	authPassThrough: false,
	interval: 30,
};
const charger = (id: number) => ({
	id,
	tenantId: 1,
	profileId: 4,
	displayName: `Charger ${id}`,
	provisioned: false,
	identity: 'TEST',
	chargePointVendor: 'Keba AG',
});

/** Tenant User > Remove of user u-1 from tenant abc123, the DELETE answered with `reply`. */
const removeCase = (title: string, reply: Reply): NodeCase => ({
	title,
	parameters: { resource: 'tenantUser', operation: 'remove', tenant: 'abc123', userId: rl('u-1') },
	requests: [{ method: 'DELETE', path: '/tenant/abc123/user/u-1', body: undefined, reply }],
	output: [{ deleted: true, tenant: 'abc123', userId: 'u-1' }],
});

describeCases('Exolink operations', exolink, [
	{
		title: 'Tenant > Get: GET /tenant/{tenant}',
		parameters: { resource: 'tenant', operation: 'get', tenant: 'abc123' },
		requests: [{ method: 'GET', path: '/tenant/abc123', body: undefined, reply: { body: tenant } }],
		output: [tenant],
	},
	{
		title:
			'Tenant > Update: PUT /tenant/{tenant} with the name; empty answer becomes a confirmation',
		parameters: {
			resource: 'tenant',
			operation: 'update',
			tenant: 'abc123',
			tenantName: 'New Name',
		},
		requests: [
			{
				method: 'PUT',
				path: '/tenant/abc123',
				headers: jsonHeaders,
				body: { name: 'New Name' },
				reply: { status: 200 },
			},
		],
		output: [{ updated: true }],
	},
	{
		title: 'Tenant > Update: a tenant in the answer is output as it is',
		parameters: {
			resource: 'tenant',
			operation: 'update',
			tenant: 'abc123',
			tenantName: 'New Name',
		},
		requests: [
			{
				method: 'PUT',
				path: '/tenant/abc123',
				body: { name: 'New Name' },
				reply: { body: { ...tenant, name: 'New Name' } },
			},
		],
		output: [{ ...tenant, name: 'New Name' }],
	},
	{
		title: 'Tenant > Get Statistics: GET /tenant/{tenant}/stats',
		parameters: { resource: 'tenant', operation: 'getStatistics', tenant: 'abc123' },
		requests: [
			{ method: 'GET', path: '/tenant/abc123/stats', reply: { body: { chargers: 12, users: 3 } } },
		],
		output: [{ chargers: 12, users: 3 }],
	},
	{
		title: 'Tenant > Get Subscription: GET /tenant/{tenant}/subscription',
		parameters: { resource: 'tenant', operation: 'getSubscription', tenant: 'abc123' },
		requests: [
			{ method: 'GET', path: '/tenant/abc123/subscription', reply: { body: subscription } },
		],
		output: [subscription],
	},
	{
		title:
			'Tenant > Get Metrics: GET /tenant/{tenant}/metrics; an array answer becomes one item each',
		parameters: { resource: 'tenant', operation: 'getMetrics', tenant: 'abc123' },
		requests: [
			{
				method: 'GET',
				path: '/tenant/abc123/metrics',
				reply: {
					body: [
						{ name: 'messages', value: 10 },
						{ name: 'sessions', value: 2 },
					],
				},
			},
		],
		output: [
			{ name: 'messages', value: 10 },
			{ name: 'sessions', value: 2 },
		],
	},
	{
		title: 'Tenant User > Get Many: GET /tenant/{tenant}/user, one item per user',
		parameters: { resource: 'tenantUser', operation: 'getAll', tenant: 'abc123' },
		requests: [
			{
				method: 'GET',
				path: '/tenant/abc123/user',
				body: undefined,
				reply: { body: [tenantUser('u-1', 'admin'), tenantUser('u-2', 'viewer')] },
			},
		],
		output: [tenantUser('u-1', 'admin'), tenantUser('u-2', 'viewer')],
	},
	{
		title: 'Tenant User > Get Many: an empty list gives no items',
		parameters: { resource: 'tenantUser', operation: 'getAll', tenant: 'abc123' },
		requests: [{ method: 'GET', path: '/tenant/abc123/user', reply: { body: [] } }],
		output: [],
	},
	{
		title:
			'Tenant User > Set Roles of Many: PUT /tenant/{tenant}/user with a JSON array from the fields',
		parameters: {
			resource: 'tenantUser',
			operation: 'setRoles',
			tenant: 'abc123',
			rolesInputMode: 'fields',
			userRoles: {
				userRole: [
					{ userId: 'u-1', role: 'admin' },
					{ userId: ' u-2 ', role: 'viewer' },
				],
			},
		},
		requests: [
			{
				method: 'PUT',
				path: '/tenant/abc123/user',
				headers: jsonHeaders,
				body: [
					{ id: 'u-1', role: 'admin' },
					{ id: 'u-2', role: 'viewer' },
				],
				reply: { status: 204 },
			},
		],
		output: [{ updated: true }],
	},
	{
		title: 'Tenant User > Set Roles of Many: the list as JSON',
		parameters: {
			resource: 'tenantUser',
			operation: 'setRoles',
			tenant: 'abc123',
			rolesInputMode: 'json',
			userRolesJson: '[{"id":"u-1","role":"user"}]',
		},
		requests: [
			{
				method: 'PUT',
				path: '/tenant/abc123/user',
				body: [{ id: 'u-1', role: 'user' }],
				reply: { body: { message: 'Roles updated successfully' } },
			},
		],
		output: [{ message: 'Roles updated successfully' }],
	},
	{
		title: 'Tenant User > Set Role: PUT /tenant/{tenant}/user/{userId} with the role',
		parameters: {
			resource: 'tenantUser',
			operation: 'setRole',
			tenant: 'abc123',
			userId: rl('u-1'),
			role: 'viewer',
		},
		requests: [
			{
				method: 'PUT',
				path: '/tenant/abc123/user/u-1',
				headers: jsonHeaders,
				body: { role: 'viewer' },
				reply: { status: 200, body: '' },
			},
		],
		output: [{ updated: true }],
	},
	removeCase(
		'Tenant User > Remove: DELETE /tenant/{tenant}/user/{userId}, no body; outputs { deleted, tenant, userId }',
		{ status: 204 },
	),
	removeCase('Tenant User > Remove: an answer with a body gives the same item', {
		body: { message: 'User removed from tenant', userId: 'u-1' },
	}),
	{
		title: 'Tenant User > Invite: POST /tenant/{tenant}/invite with receiver, role and language',
		parameters: {
			resource: 'tenantUser',
			operation: 'invite',
			tenant: 'abc123',
			email: 'new@acme.test',
			role: 'admin',
			language: 'de',
		},
		requests: [
			{
				method: 'POST',
				path: '/tenant/abc123/invite',
				headers: jsonHeaders,
				body: { receiver: 'new@acme.test', role: 'admin', language: 'de' },
				reply: { status: 201 },
			},
		],
		output: [{ invited: true }],
	},
	{
		title: 'Tenant User > Invite: spaces around the email are dropped, not sent',
		parameters: {
			resource: 'tenantUser',
			operation: 'invite',
			tenant: 'abc123',
			email: '  new@acme.test ',
			role: 'viewer',
			language: 'en',
		},
		requests: [
			{
				method: 'POST',
				path: '/tenant/abc123/invite',
				body: { receiver: 'new@acme.test', role: 'viewer', language: 'en' },
				reply: { status: 201 },
			},
		],
		output: [{ invited: true }],
	},
	{
		title: 'Tenant User > Invite: a text answer is output as { data }',
		parameters: {
			resource: 'tenantUser',
			operation: 'invite',
			tenant: 'abc123',
			email: 'new@acme.test',
			role: 'user',
			language: 'en',
		},
		requests: [
			{
				method: 'POST',
				path: '/tenant/abc123/invite',
				body: { receiver: 'new@acme.test', role: 'user', language: 'en' },
				reply: {
					body: 'Invitation created successfully',
					headers: { 'content-type': 'text/plain' },
				},
			},
		],
		output: [{ data: 'Invitation created successfully' }],
	},
	{
		title:
			'Tenant User > Invite with Output the Invited User: the invite, then GET /tenant/{tenant}/user; the user found by email is output',
		parameters: {
			resource: 'tenantUser',
			operation: 'invite',
			tenant: 'ab c',
			email: 'New@Acme.test',
			role: 'viewer',
			language: 'en',
			inviteOptions: { outputInvitedUser: true },
		},
		requests: [
			{
				method: 'POST',
				path: '/tenant/ab%20c/invite',
				headers: jsonHeaders,
				body: { receiver: 'New@Acme.test', role: 'viewer', language: 'en' },
				reply: { status: 201 },
			},
			{
				method: 'GET',
				path: '/tenant/ab%20c/user',
				reply: {
					body: [
						tenantUser('4b1c2f6e', 'admin'),
						{ userId: 'f00d', username: 'new@acme.test', role: 'viewer' },
					],
				},
			},
		],
		output: [{ userId: 'f00d', username: 'new@acme.test', role: 'viewer', invited: true }],
	},
	{
		title:
			'Tenant User > Invite with Output the Invited User: a user the list does not show fails the item, naming the email',
		parameters: {
			resource: 'tenantUser',
			operation: 'invite',
			tenant: 'abc123',
			email: 'new@acme.test',
			role: 'viewer',
			language: 'en',
			inviteOptions: { outputInvitedUser: true },
		},
		requests: [
			{
				method: 'POST',
				path: '/tenant/abc123/invite',
				body: { receiver: 'new@acme.test', role: 'viewer', language: 'en' },
				reply: { status: 201 },
			},
			{
				method: 'GET',
				path: '/tenant/abc123/user',
				reply: { body: [tenantUser('4b1c2f6e', 'admin')] },
			},
		],
		error: {
			message:
				'Exolink accepted the invitation, but the users of tenant "abc123" do not list new@acme.test yet',
			description: /does not document whether invited users are listed/,
		},
	},
	{
		title: 'IP Whitelist > Get Many: GET /tenant/{tenant}/ips, one item per entry',
		parameters: { resource: 'ipWhitelist', operation: 'getAll', tenant: 'abc123' },
		requests: [
			{
				method: 'GET',
				path: '/tenant/abc123/ips',
				reply: {
					body: [
						{ id: 1, ip: '203.0.113.10' },
						{ id: 2, ip: '198.51.100.0/24' },
					],
				},
			},
		],
		output: [
			{ id: 1, ip: '203.0.113.10' },
			{ id: 2, ip: '198.51.100.0/24' },
		],
	},
	{
		title: 'IP Whitelist > Add: POST /tenant/{tenant}/ips with the IP',
		parameters: { resource: 'ipWhitelist', operation: 'add', tenant: 'abc123', ip: '203.0.113.10' },
		requests: [
			{
				method: 'POST',
				path: '/tenant/abc123/ips',
				headers: jsonHeaders,
				body: { ip: '203.0.113.10' },
				reply: { status: 201, body: { id: 1, ip: '203.0.113.10' } },
			},
		],
		output: [{ id: 1, ip: '203.0.113.10' }],
	},
	{
		title:
			'IP Whitelist > Delete: DELETE /tenant/{tenant}/ips/{ipId}, no body; outputs { deleted, tenant, ipId }',
		parameters: { resource: 'ipWhitelist', operation: 'delete', tenant: 'abc123', ipId: '42' },
		requests: [
			{ method: 'DELETE', path: '/tenant/abc123/ips/42', body: undefined, reply: { status: 204 } },
		],
		output: [{ deleted: true, tenant: 'abc123', ipId: '42' }],
	},
	{
		title:
			'IP Whitelist > Delete: the deleted entry in the answer is not output; an ID from an expression is output as text',
		parameters: {
			resource: 'ipWhitelist',
			operation: 'delete',
			tenant: 'abc123',
			ipId: '={{ $json.id }}',
		},
		input: [{ id: 42 }],
		requests: [
			{
				method: 'DELETE',
				path: '/tenant/abc123/ips/42',
				body: undefined,
				reply: { body: { id: 42, ip: '203.0.113.10' } },
			},
		],
		output: [{ deleted: true, tenant: 'abc123', ipId: '42' }],
	},
	{
		title: 'User > Get: GET /user/{userId}',
		parameters: { resource: 'user', operation: 'get', userId: rl(user.userId) },
		requests: [
			{ method: 'GET', path: `/user/${user.userId}`, body: undefined, reply: { body: user } },
		],
		output: [user],
	},
	{
		title: 'User > Update: PUT /user/{userId} with only the fields set',
		parameters: {
			resource: 'user',
			operation: 'update',
			userId: rl(user.userId),
			updateFields: { givenName: 'Ada', familyName: 'King', email: 'ada.king@acme.test' },
		},
		requests: [
			{
				method: 'PUT',
				path: `/user/${user.userId}`,
				headers: jsonHeaders,
				body: { givenName: 'Ada', familyName: 'King', email: 'ada.king@acme.test' },
				reply: { body: { ...user, familyName: 'King', email: 'ada.king@acme.test' } },
			},
		],
		output: [{ ...user, familyName: 'King', email: 'ada.king@acme.test' }],
	},
	{
		title: 'User > Update: password change sends oldPassword and newPassword',
		parameters: {
			resource: 'user',
			operation: 'update',
			userId: rl(user.userId),
			updateFields: { oldPassword: 'old-secret', newPassword: 'new-secret' },
		},
		requests: [
			{
				method: 'PUT',
				path: `/user/${user.userId}`,
				body: { oldPassword: 'old-secret', newPassword: 'new-secret' },
				reply: { status: 204 },
			},
		],
		output: [{ updated: true }],
	},
	{
		title: 'User > Update: turning MFA off sends mfa false with the password',
		parameters: {
			resource: 'user',
			operation: 'update',
			userId: rl(user.userId),
			updateFields: { mfa: false, password: 'current-secret' },
		},
		requests: [
			{
				method: 'PUT',
				path: `/user/${user.userId}`,
				body: { mfa: false, password: 'current-secret' },
				reply: { status: 204 },
			},
		],
		output: [{ updated: true }],
	},
	{
		title: 'Product > Get Many: GET /product, one item per product',
		parameters: { resource: 'product', operation: 'getAll' },
		requests: [{ method: 'GET', path: '/product', reply: { body: [product(1), product(2)] } }],
		output: [simplifiedProduct(1), simplifiedProduct(2)],
	},
	{
		title: 'Product > Get: GET /product/{productId}',
		parameters: { resource: 'product', operation: 'get', productId: rl('2') },
		requests: [{ method: 'GET', path: '/product/2', reply: { body: product(2) } }],
		output: [simplifiedProduct(2)],
	},
	{
		title: 'CPMS Backend > Get Many: GET /tenant/{tenant}/cpms, one item per CPMS',
		parameters: { resource: 'cpms', operation: 'getAll', tenant: 'abc123' },
		requests: [
			{ method: 'GET', path: '/tenant/abc123/cpms', reply: { body: [cpms, { ...cpms, id: 4 }] } },
		],
		output: [cpms, { ...cpms, id: 4 }],
	},
	{
		title: 'CPMS Backend > Create: POST /tenant/{tenant}/cpms with name, URL and optional fields',
		parameters: {
			resource: 'cpms',
			operation: 'create',
			tenant: 'abc123',
			cpmsName: 'Main CPMS',
			cpmsUrl: ' ws://cpms.exolink.com ',
			additionalFields: { authPassThrough: true, interval: 60 },
		},
		requests: [
			{
				method: 'POST',
				path: '/tenant/abc123/cpms',
				headers: jsonHeaders,
				body: {
					displayName: 'Main CPMS',
					url: 'ws://cpms.exolink.com',
					authPassThrough: true,
					interval: 60,
				},
				reply: { status: 201, body: { ...cpms, authPassThrough: true, interval: 60 } },
			},
		],
		output: [{ ...cpms, authPassThrough: true, interval: 60 }],
	},
	{
		title: 'CPMS Backend > Create: only the required fields',
		parameters: {
			resource: 'cpms',
			operation: 'create',
			tenant: 'abc123',
			cpmsName: 'Main CPMS',
			cpmsUrl: 'wss://cpms.example.com/ocpp',
		},
		requests: [
			{
				method: 'POST',
				path: '/tenant/abc123/cpms',
				body: { displayName: 'Main CPMS', url: 'wss://cpms.example.com/ocpp' },
				reply: { status: 201 },
			},
		],
		output: [{ created: true }],
	},
	{
		title: 'Charger > Get Many: GET /tenant/{tenant}/charger, one item per charger',
		parameters: { resource: 'charger', operation: 'getAll', tenant: 'abc123' },
		requests: [
			{ method: 'GET', path: '/tenant/abc123/charger', reply: { body: [charger(1), charger(2)] } },
		],
		output: [charger(1), charger(2)],
	},
	{
		title: 'Per-item expressions: one request per input item with its own tenant and user',
		parameters: {
			resource: 'tenantUser',
			operation: 'remove',
			tenant: '={{ $json.tenant }}',
			userId: { __rl: true, mode: 'id', value: '={{ $json.user }}' },
		},
		input: [
			{ tenant: 'abc123', user: 'u-1' },
			{ tenant: 'xyz789', user: 'u-2' },
		],
		requests: [
			{ method: 'DELETE', path: '/tenant/abc123/user/u-1', reply: { status: 204 } },
			{ method: 'DELETE', path: '/tenant/xyz789/user/u-2', reply: { status: 204 } },
		],
		output: [
			{ deleted: true, tenant: 'abc123', userId: 'u-1' },
			{ deleted: true, tenant: 'xyz789', userId: 'u-2' },
		],
	},
]);
