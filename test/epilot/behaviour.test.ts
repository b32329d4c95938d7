/** Paging, errors, On Error: Continue, encoding, per-item expressions, input checks, credential test. */
import { describeCases } from '../harness/cases';
import { testCredential } from '../harness/engine';
import { ApiMock } from '../harness/http';
import { epilot, EPILOT_ORIGIN, EPILOT_BEARER } from './suite';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const assignables = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({
		type: 'user',
		display_name: `u${from + i}`,
		org_id: '1',
	}));
const search = (extra: object) => ({
	resource: 'assignable',
	operation: 'search',
	query: '',
	...extra,
});
/** One page of the search: the request for `size` records from `from`, answered with `body`. */
const searchPage = (from: number, size: number, body: object) => ({
	method: 'POST',
	path: '/v1/partners/assignables:search',
	body: { q: '', from, size },
	reply: { body },
});

describeCases('Epilot paging', epilot, [
	{
		title: 'Return All pages with from/size until hits is reached (3 pages, 2 500 results)',
		parameters: search({ returnAll: true }),
		requests: [
			searchPage(0, 1000, { hits: 2500, results: assignables(0, 1000) }),
			searchPage(1000, 1000, { hits: 2500, results: assignables(1000, 1000) }),
			searchPage(2000, 1000, { hits: 2500, results: assignables(2000, 500) }),
		],
		output: assignables(0, 2500),
	},
	{
		title: 'Return All with an exact multiple of the page size needs no extra empty request',
		parameters: search({ returnAll: true }),
		requests: [
			searchPage(0, 1000, { hits: 2000, results: assignables(0, 1000) }),
			searchPage(1000, 1000, { hits: 2000, results: assignables(1000, 1000) }),
		],
		output: assignables(0, 2000),
	},
	{
		title: 'Return All stops at a short page even when hits is missing',
		parameters: search({ returnAll: true }),
		requests: [searchPage(0, 1000, { results: assignables(0, 3) })],
		output: assignables(0, 3),
	},
	{
		title: 'Limit above the page size pages too and asks only for what is missing',
		parameters: search({ returnAll: false, limit: 1500 }),
		requests: [
			searchPage(0, 1000, { hits: 5000, results: assignables(0, 1000) }),
			searchPage(1000, 500, { hits: 5000, results: assignables(1000, 500) }),
		],
		output: assignables(0, 1500),
	},
	{
		title: 'Default Limit is 50',
		parameters: search({}),
		requests: [searchPage(0, 50, { hits: 50, results: assignables(0, 50) })],
		output: assignables(0, 50),
	},
	{
		title: 'An empty result gives no items',
		parameters: search({ returnAll: true }),
		requests: [searchPage(0, 1000, { hits: 0, results: [] })],
		output: [],
	},
]);

const approve = { resource: 'partner', operation: 'approve', partnerId: 'p-1' };
const approveRequest = { method: 'POST', path: '/v1/partners/p-1/approve' };

describeCases('Epilot errors', epilot, [
	{
		title: '404 becomes a NodeApiError with the vendor message and the status',
		parameters: approve,
		requests: [
			{ ...approveRequest, reply: { status: 404, body: { message: 'Partner not found' } } },
		],
		error: {
			name: 'NodeApiError',
			message: 'Partner not found (HTTP 404)',
			httpCode: '404',
			description: /not found/,
		},
	},
	{
		title: '400 with {error: {message}} is read too',
		parameters: approve,
		requests: [
			{
				...approveRequest,
				reply: { status: 400, body: { error: { message: 'Partner already approved' } } },
			},
		],
		error: { message: 'Partner already approved (HTTP 400)', httpCode: '400' },
	},
	{
		title: '409 on deleting a role that is still assigned',
		parameters: {
			resource: 'partnerRole',
			operation: 'delete',
			orgId: rl('123'),
			roleId: rl('123:x'),
		},
		requests: [
			{
				method: 'DELETE',
				path: '/v2/partners/123/roles/123%3Ax',
				reply: { status: 409, body: { message: 'Role is still assigned to users' } },
			},
		],
		error: { message: 'Role is still assigned to users (HTTP 409)', httpCode: '409' },
	},
	{
		title: '500 with a plain-text body shows the text',
		parameters: approve,
		requests: [
			{
				...approveRequest,
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
		title: '503 without a body still says the status (retries off)',
		parameters: { ...approve, requestOptions: { rateLimitRetries: 0 } },
		requests: [{ ...approveRequest, reply: { status: 503 } }],
		error: { message: 'Service Unavailable (HTTP 503)', httpCode: '503' },
	},
	{
		title: '401 tells the user to check the credential, without showing the token',
		parameters: approve,
		requests: [{ ...approveRequest, reply: { status: 401, body: { message: 'Unauthorized' } } }],
		error: { message: 'Unauthorized (HTTP 401)', httpCode: '401', description: /credential/ },
	},
	{
		title: '429 says when to retry (retries off)',
		parameters: { ...approve, requestOptions: { rateLimitRetries: 0 } },
		requests: [
			{
				...approveRequest,
				reply: {
					status: 429,
					body: { message: 'Too Many Requests' },
					headers: { 'retry-after': '7' },
				},
			},
		],
		error: {
			message: 'Too Many Requests (HTTP 429)',
			httpCode: '429',
			description: /asked to wait 7 s \(Retry-After\)/,
		},
	},
	{
		title: 'On Error: Continue keeps the good items and reports the bad one in place',
		parameters: { ...approve, partnerId: '={{ $json.id }}' },
		input: [{ id: 'ok-1' }, { id: 'missing' }, { id: 'ok-2' }],
		continueOnFail: true,
		requests: [
			{
				method: 'POST',
				path: '/v1/partners/ok-1/approve',
				reply: { status: 201, body: { id: 'ok-1' } },
			},
			{
				method: 'POST',
				path: '/v1/partners/missing/approve',
				reply: { status: 404, body: { message: 'Partner not found' } },
			},
			{
				method: 'POST',
				path: '/v1/partners/ok-2/approve',
				reply: { status: 201, body: { id: 'ok-2' } },
			},
		],
		output: [{ id: 'ok-1' }, { error: 'Partner not found (HTTP 404)' }, { id: 'ok-2' }],
	},
	{
		title: 'assign roles: a role that failed inside a 200 fails the item',
		parameters: {
			resource: 'partnerUser',
			operation: 'assignRoles',
			orgId: rl('123'),
			userId: rl('u-1'),
			roleIds: ['123:a', '123:b'],
		},
		requests: [
			{
				method: 'POST',
				path: '/v2/partners/123/users/u-1/roles',
				body: { roleIds: ['123:a', '123:b'] },
				reply: {
					body: {
						results: [
							{ roleId: '123:a', success: true },
							{ roleId: '123:b', success: false, error: { message: 'Role not found' } },
						],
					},
				},
			},
		],
		error: {
			name: 'NodeApiError',
			message: '1 of 2 roles could not be assigned',
			description: /123:b: Role not found/,
		},
	},
	{
		title: 'unassign roles: Ignore Role Failures outputs the per-role results instead',
		parameters: {
			resource: 'partnerUser',
			operation: 'unassignRoles',
			orgId: rl('123'),
			userId: rl('u-1'),
			roleIds: ['123:b'],
			options: { ignoreRoleFailures: true },
		},
		requests: [
			{
				method: 'DELETE',
				path: '/v2/partners/123/users/u-1/roles',
				body: { roleIds: ['123:b'] },
				reply: {
					body: {
						results: [{ roleId: '123:b', success: false, error: { message: 'not assigned' } }],
					},
				},
			},
		],
		output: [
			{ results: [{ roleId: '123:b', success: false, error: { message: 'not assigned' } }] },
		],
	},
]);

describeCases('Epilot path encoding and per-item expressions', epilot, [
	{
		title: 'a hostile partner ID is encoded into one path segment',
		parameters: { ...approve, partnerId: 'a/../b?x=1#f' },
		requests: [
			{
				method: 'POST',
				path: '/v1/partners/a%2F..%2Fb%3Fx%3D1%23f/approve',
				query: {},
				reply: { status: 201, body: { id: 'x' } },
			},
		],
		output: [{ id: 'x' }],
	},
	{
		title: 'hostile org and user IDs are encoded too',
		parameters: {
			resource: 'partnerUser',
			operation: 'delete',
			orgId: rl('1/../2'),
			userId: rl('u?admin=true'),
		},
		requests: [
			{
				method: 'DELETE',
				path: '/v2/partners/1%2F..%2F2/users/u%3Fadmin%3Dtrue',
				query: {},
				reply: { body: {} },
			},
		],
		output: [{ deleted: true, orgId: '1/../2', userId: 'u?admin=true' }],
	},
	{
		title: 'expressions differ per input item (org, email and roles per item)',
		parameters: {
			resource: 'partnerUser',
			operation: 'create',
			orgId: { __rl: true, mode: 'id', value: '={{ $json.org }}' },
			email: '={{ $json.email }}',
			additionalFields: { roleIds: '={{ $json.roles }}' },
		},
		input: [
			{ org: '1', email: 'a@one.test', roles: ['1:x'] },
			{ org: '2', email: 'b@two.test', roles: '2:y, 2:z' },
		],
		requests: [
			{
				method: 'POST',
				path: '/v2/partners/1/users',
				body: { email: 'a@one.test', roles: ['1:x'] },
				reply: { status: 201, body: { id: 'a' } },
			},
			{
				method: 'POST',
				path: '/v2/partners/2/users',
				body: { email: 'b@two.test', roles: ['2:y', '2:z'] },
				reply: { status: 201, body: { id: 'b' } },
			},
		],
		output: [{ id: 'a' }, { id: 'b' }],
	},
]);

const noRequest = [] as never[];
// An empty required field stops n8n before the node runs; these values are empty only once an
// expression is resolved (the usual case: a missing field in the input item).
const empty = '={{ $json.missing ?? "" }}';

describeCases('Epilot input checks (no request is sent)', epilot, [
	{
		title: 'missing Partner ID',
		parameters: { ...approve, partnerId: empty },
		requests: noRequest,
		error: { message: 'Partner ID: a value is required' },
	},
	{
		title: 'missing Partner Organization',
		parameters: { resource: 'partnerUser', operation: 'getAll', orgId: rl(empty) },
		requests: noRequest,
		error: { message: 'Partner Organization: a value is required' },
	},
	{
		title: 'invalid email',
		parameters: {
			resource: 'partnerUser',
			operation: 'create',
			orgId: rl('1'),
			email: 'not-an-email',
		},
		requests: noRequest,
		error: { message: 'Email: "not-an-email" is not a valid email address' },
	},
	{
		title: 'no roles chosen',
		parameters: {
			resource: 'partnerUser',
			operation: 'assignRoles',
			orgId: rl('1'),
			userId: rl('u'),
			roleIds: '={{ [] }}',
		},
		requests: noRequest,
		error: { message: 'Role Names or IDs: choose at least one role' },
	},
	{
		title: 'invalid slug',
		parameters: {
			resource: 'partnerRole',
			operation: 'create',
			orgId: rl('1'),
			name: 'X',
			slug: 'Sales Team',
			grantsInputMode: 'json',
			grantsJson: '[]',
		},
		requests: noRequest,
		error: { message: /^Slug: "Sales Team" is not valid/ },
	},
	{
		title: 'grants JSON that is not JSON',
		parameters: {
			resource: 'partnerRole',
			operation: 'create',
			orgId: rl('1'),
			name: 'X',
			slug: 'x',
			grantsInputMode: 'json',
			grantsJson: '[{"action": }]',
		},
		requests: noRequest,
		error: { message: /^Grants \(JSON\): is not valid JSON/ },
	},
	{
		title: 'grants JSON with a wrong effect names the grant and the field',
		parameters: {
			resource: 'partnerRole',
			operation: 'update',
			orgId: rl('1'),
			roleId: rl('1:x'),
			name: 'X',
			slug: 'x',
			grantsInputMode: 'json',
			grantsJson: '[{"action":"entity-read"},{"action":"entity-update","effect":"maybe"}]',
		},
		requests: noRequest,
		error: { message: 'Grants (JSON): grant 2: "effect" must be "allow" or "deny", not "maybe"' },
	},
	{
		title: 'a condition with another operation than equals',
		parameters: {
			resource: 'partnerRole',
			operation: 'create',
			orgId: rl('1'),
			name: 'X',
			slug: 'x',
			grantsInputMode: 'json',
			grantsJson:
				'[{"action":"entity-read","conditions":[{"attribute":"a","operation":"contains","values":["b"]}]}]',
		},
		requests: noRequest,
		error: { message: 'Grants (JSON): grant 1, condition 1: "operation" must be "equals"' },
	},
	{
		title: 'a grant built from fields without an action',
		parameters: {
			resource: 'partnerRole',
			operation: 'create',
			orgId: rl('1'),
			name: 'X',
			slug: 'x',
			grantsInputMode: 'fields',
			grants: { grant: [{ action: '', resource: 'entity:1:*:*', effect: 'allow' }] },
		},
		requests: noRequest,
		error: { message: 'Grants: grant 1 needs an "action", e.g. "entity-read"' },
	},
	{
		title: 'portal users without an entity scope',
		parameters: search({ filters: { types: ['ecp'] } }),
		requests: noRequest,
		error: {
			message: 'Portal Users Entity ID: a value is required when Types includes Portal User',
		},
	},
	{
		title: 'a batch-get entry with both a user and a group',
		parameters: {
			resource: 'assignable',
			operation: 'batchGet',
			assignables: { assignable: [{ userId: 'u', groupId: 'g', orgId: '' }] },
		},
		requests: noRequest,
		error: { message: 'Assignables, entry 1: give either a User ID or a Group ID (exactly one)' },
	},
	{
		title: 'a ".." organization would climb out of /v2/partners/ after URL normalisation: refused',
		parameters: { resource: 'partnerRole', operation: 'getAll', orgId: rl('..') },
		requests: noRequest,
		error: { message: /^Partner Organization: / },
	},
	{
		title: 'On Error: Continue also keeps the valid items around an invalid one',
		parameters: { ...approve, partnerId: '={{ $json.id }}' },
		input: [{ id: 'p-1' }, { id: '' }],
		continueOnFail: true,
		requests: [
			{
				method: 'POST',
				path: '/v1/partners/p-1/approve',
				reply: { status: 201, body: { id: 'p-1' } },
			},
		],
		output: [{ id: 'p-1' }, { error: 'Partner ID: a value is required' }],
	},
]);

describe('Epilot credential test', () => {
	it('passes with a token the API accepts, calling an authenticated endpoint', async () => {
		const api = new ApiMock(EPILOT_ORIGIN).reply({ body: { hits: 1, results: [] } });
		const result = await testCredential('epilotApi', { accessToken: EPILOT_BEARER });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v1/partners/assignables:search',
			body: { q: '', size: 1 },
			headers: { authorization: `Bearer ${EPILOT_BEARER}` },
		});
	});

	it('fails with a token the API rejects', async () => {
		new ApiMock(EPILOT_ORIGIN).reply({ status: 401, body: { message: 'Unauthorized' } });
		const result = await testCredential('epilotApi', { accessToken: 'revoked' });
		expect(result.status).toBe('Error');
	});

	it('tests against the server the node will use (custom URL, trailing slash removed)', async () => {
		const api = new ApiMock('https://epilot.proxy.test').reply({ body: { hits: 0, results: [] } });
		const result = await testCredential('epilotApi', {
			accessToken: EPILOT_BEARER,
			server: 'custom',
			customUrl: 'https://epilot.proxy.test/',
		});
		expect(result.status).toBe('OK');
		expect(api.requests[0].path).toBe('/v1/partners/assignables:search');
	});

	it('staging is a different host', async () => {
		const api = new ApiMock('https://partner-directory-api.staging.sls.epilot.io').reply({
			body: { hits: 0, results: [] },
		});
		const result = await testCredential('epilotApi', {
			accessToken: EPILOT_BEARER,
			server: 'https://partner-directory-api.staging.sls.epilot.io',
		});
		expect(result.status).toBe('OK');
		expect(api.requests).toHaveLength(1);
	});
});
