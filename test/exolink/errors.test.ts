/** Vendor errors, hostile IDs and input checks: readable errors, encoded paths, nothing sent on bad input. */
import { describeCases, runCase } from '../harness/cases';
import { exolink, rl } from './suite';

const HOSTILE = 'a/../b?x=1#f';
const ENCODED = 'a%2F..%2Fb%3Fx%3D1%23f';

describeCases('Exolink vendor errors', exolink, [
	{
		title: '404 with a JSON message: NodeApiError with the message, status and a hint',
		parameters: { resource: 'tenant', operation: 'get', tenant: 'nope' },
		requests: [
			{
				method: 'GET',
				path: '/tenant/nope',
				reply: { status: 404, body: { message: 'Tenant not found' } },
			},
		],
		error: {
			name: 'NodeApiError',
			message: 'Tenant not found (HTTP 404)',
			description: 'The resource was not found. Check the IDs used.',
			httpCode: '404',
		},
	},
	{
		title: '400 with { error } from a change: the vendor words reach the user',
		parameters: {
			resource: 'tenantUser',
			operation: 'setRole',
			tenant: 'abc123',
			userId: rl('u-1'),
			role: 'admin',
		},
		requests: [
			{
				method: 'PUT',
				path: '/tenant/abc123/user/u-1',
				body: { role: 'admin' },
				reply: { status: 400, body: { error: 'Cannot demote the last admin' } },
			},
		],
		error: {
			name: 'NodeApiError',
			message: 'Cannot demote the last admin (HTTP 400)',
			httpCode: '400',
		},
	},
	{
		title: '401: the credential hint, and the token is not echoed anywhere',
		parameters: { resource: 'product', operation: 'getAll' },
		requests: [
			{
				method: 'GET',
				path: '/product',
				reply: { status: 401, body: { message: 'Unauthorized' } },
			},
		],
		error: {
			name: 'NodeApiError',
			message: 'Unauthorized (HTTP 401)',
			description: /credential was rejected/,
			httpCode: '401',
		},
	},
	{
		title: '500 with a plain-text body',
		parameters: { resource: 'charger', operation: 'getAll', tenant: 'abc123' },
		requests: [
			{
				method: 'GET',
				path: '/tenant/abc123/charger',
				reply: {
					status: 500,
					body: 'Internal Server Error',
					headers: { 'content-type': 'text/plain' },
				},
			},
		],
		error: { name: 'NodeApiError', message: 'Internal Server Error (HTTP 500)', httpCode: '500' },
	},
	{
		title: '503 without a body still names the status (retries off)',
		parameters: {
			resource: 'cpms',
			operation: 'getAll',
			tenant: 'abc123',
			requestOptions: { rateLimitRetries: 0 },
		},
		requests: [{ method: 'GET', path: '/tenant/abc123/cpms', reply: { status: 503 } }],
		error: { name: 'NodeApiError', message: 'Service Unavailable (HTTP 503)', httpCode: '503' },
	},
	{
		title: 'On Error: Continue: a failing item becomes an error item, the others succeed',
		parameters: { resource: 'tenant', operation: 'get', tenant: '={{ $json.tenant }}' },
		input: [{ tenant: 'abc123' }, { tenant: 'gone' }],
		continueOnFail: true,
		requests: [
			{ method: 'GET', path: '/tenant/abc123', reply: { body: { id: 1 } } },
			{
				method: 'GET',
				path: '/tenant/gone',
				reply: { status: 404, body: { message: 'Tenant not found' } },
			},
		],
		output: [{ id: 1 }, { error: 'Tenant not found (HTTP 404)' }],
	},
]);

describeCases('Exolink hostile IDs are encoded into one path segment', exolink, [
	{
		title: 'tenant',
		parameters: { resource: 'tenant', operation: 'getSubscription', tenant: HOSTILE },
		requests: [
			{ method: 'GET', path: `/tenant/${ENCODED}/subscription`, query: {}, reply: { body: {} } },
		],
	},
	{
		title: 'tenant and user',
		parameters: {
			resource: 'tenantUser',
			operation: 'remove',
			tenant: HOSTILE,
			userId: rl(HOSTILE),
		},
		requests: [
			{
				method: 'DELETE',
				path: `/tenant/${ENCODED}/user/${ENCODED}`,
				query: {},
				reply: { status: 204 },
			},
		],
		output: [{ deleted: true, tenant: HOSTILE, userId: HOSTILE }],
	},
	{
		title: 'user',
		parameters: { resource: 'user', operation: 'get', userId: rl(HOSTILE) },
		requests: [
			{ method: 'GET', path: `/user/${ENCODED}`, query: {}, reply: { body: { userId: 'x' } } },
		],
	},
	{
		title: 'IP whitelist entry',
		parameters: { resource: 'ipWhitelist', operation: 'delete', tenant: 'abc123', ipId: HOSTILE },
		requests: [
			{
				method: 'DELETE',
				path: `/tenant/abc123/ips/${ENCODED}`,
				query: {},
				reply: { status: 204 },
			},
		],
	},
	{
		title: '".." as tenant is refused instead of leaving /tenant/',
		parameters: { resource: 'tenantUser', operation: 'remove', tenant: '..', userId: rl('u-1') },
		requests: [],
		error: { message: 'Tenant Domain Prefix: ".." is not a valid value' },
	},
	{
		title: '"." as user is refused',
		parameters: { resource: 'user', operation: 'get', userId: rl('.') },
		requests: [],
		error: { message: 'User: "." is not a valid value' },
	},
	{
		title: 'a product ID that is not a number is refused',
		parameters: { resource: 'product', operation: 'get', productId: rl('1/../../tenant') },
		requests: [],
		error: { message: 'Product: "1/../../tenant" is not a numeric product ID' },
	},
]);

describeCases('Exolink input checks (nothing is sent)', exolink, [
	{
		title: 'a missing tenant',
		parameters: { resource: 'charger', operation: 'getAll', tenant: '={{ "" }}' },
		requests: [],
		error: { message: 'Tenant Domain Prefix: a value is required' },
	},
	{
		title: 'a missing user',
		parameters: {
			resource: 'tenantUser',
			operation: 'setRole',
			tenant: 'abc123',
			userId: rl('={{ "" }}'),
			role: 'user',
		},
		requests: [],
		error: { message: 'User: a value is required' },
	},
	{
		title: 'Tenant > Update without a name',
		parameters: {
			resource: 'tenant',
			operation: 'update',
			tenant: 'abc123',
			tenantName: '={{ " " }}',
		},
		requests: [],
		error: { message: 'Name: a value is required' },
	},
	{
		title: 'Invite with an invalid email',
		parameters: {
			resource: 'tenantUser',
			operation: 'invite',
			tenant: 'abc123',
			email: 'not-an-email',
			role: 'user',
			language: 'en',
		},
		requests: [],
		error: { message: 'Email: "not-an-email" is not a valid email address' },
	},
	{
		title: 'Set Roles of Many without entries',
		parameters: { resource: 'tenantUser', operation: 'setRoles', tenant: 'abc123', userRoles: {} },
		requests: [],
		error: { message: 'User Roles: add at least one user' },
	},
	{
		title: 'Set Roles of Many with an entry lacking the user ID',
		parameters: {
			resource: 'tenantUser',
			operation: 'setRoles',
			tenant: 'abc123',
			userRoles: {
				userRole: [
					{ userId: 'u-1', role: 'user' },
					{ userId: '', role: 'admin' },
				],
			},
		},
		requests: [],
		error: { message: 'User Roles, entry 2: needs both a user ID and a role' },
	},
	{
		title: 'Set Roles of Many with JSON that is not an array',
		parameters: {
			resource: 'tenantUser',
			operation: 'setRoles',
			tenant: 'abc123',
			rolesInputMode: 'json',
			userRolesJson: '{"id": "u-1", "role": "user"}',
		},
		requests: [],
		error: { message: 'User Roles (JSON): must be an array' },
	},
	{
		title: 'Set Roles of Many with bad JSON',
		parameters: {
			resource: 'tenantUser',
			operation: 'setRoles',
			tenant: 'abc123',
			rolesInputMode: 'json',
			userRolesJson: '[{"id": ',
		},
		requests: [],
		error: { message: /^User Roles \(JSON\): is not valid JSON/ },
	},
	{
		title: 'User > Update without fields',
		parameters: { resource: 'user', operation: 'update', userId: rl('u-1'), updateFields: {} },
		requests: [],
		error: { message: 'Update Fields: add at least one field' },
	},
	{
		title: 'User > Update with a new password but not the current one',
		parameters: {
			resource: 'user',
			operation: 'update',
			userId: rl('u-1'),
			updateFields: { newPassword: 'n' },
		},
		requests: [],
		error: { message: 'Current Password: a value is required to change the password' },
	},
	{
		title: 'User > Update changing MFA without the password',
		parameters: {
			resource: 'user',
			operation: 'update',
			userId: rl('u-1'),
			updateFields: { mfa: true },
		},
		requests: [],
		error: { message: 'Password for MFA: a value is required to change MFA' },
	},
	{
		title: 'User > Update with an invalid email',
		parameters: {
			resource: 'user',
			operation: 'update',
			userId: rl('u-1'),
			updateFields: { email: 'ada' },
		},
		requests: [],
		error: { message: 'Email: "ada" is not a valid email address' },
	},
	{
		title: 'CPMS Backend > Create with an http URL',
		parameters: {
			resource: 'cpms',
			operation: 'create',
			tenant: 'abc123',
			cpmsName: 'Main',
			cpmsUrl: 'https://cpms.example.com',
		},
		requests: [],
		error: {
			message: 'URL: "https://cpms.example.com" is not a WebSocket URL (ws://… or wss://…)',
		},
	},
	{
		title: 'CPMS Backend > Create without a name',
		parameters: {
			resource: 'cpms',
			operation: 'create',
			tenant: 'abc123',
			cpmsName: '={{ "" }}',
			cpmsUrl: 'ws://x',
		},
		requests: [],
		error: { message: 'Display Name: a value is required' },
	},
]);

describe('Exolink input errors are NodeOperationErrors', () => {
	it('keeps the class on a continued item', async () => {
		const result = await runCase(exolink, {
			title: 'bad tenant',
			parameters: { resource: 'tenant', operation: 'get', tenant: '..' },
			continueOnFail: true,
			requests: [],
			output: [{ error: 'Tenant Domain Prefix: ".." is not a valid value' }],
		});
		expect(result.items[0].error?.name).toBe('NodeOperationError');
	});

	it('Custom API Call: a bad JSON body too', async () => {
		const result = await runCase(exolink, {
			title: 'bad body',
			parameters: {
				resource: 'customApiCall',
				operation: 'send',
				requestMethod: 'POST',
				requestPath: '/auth/login',
				requestBody: '{oops}',
			},
			continueOnFail: true,
			requests: [],
		});
		expect(result.items[0].error?.name).toBe('NodeOperationError');
		expect(result.items[0].error?.message).toMatch(/^Body \(JSON\): is not valid JSON/);
	});
});

describe('Exolink passwords stay out of error texts', () => {
	// n8n attaches the node, parameters included, to every error: only the texts are ours to keep clean.
	it('a rejected password change does not echo the passwords in the message or description', async () => {
		const result = await runCase(exolink, {
			title: 'rejected password change',
			parameters: {
				resource: 'user',
				operation: 'update',
				userId: rl('u-1'),
				updateFields: { oldPassword: 'old-pass-5b7c', newPassword: 'new-pass-9e1f' },
			},
			requests: [
				{
					method: 'PUT',
					path: '/user/u-1',
					body: { oldPassword: 'old-pass-5b7c', newPassword: 'new-pass-9e1f' },
					reply: { status: 400, body: { message: 'Old password is wrong' } },
				},
			],
			error: { name: 'NodeApiError', message: 'Old password is wrong (HTTP 400)', httpCode: '400' },
		});
		const texts = JSON.stringify([result.error?.message, result.error?.description, result.items]);
		expect(texts).not.toMatch(/old-pass-5b7c|new-pass-9e1f/);
	});
});
