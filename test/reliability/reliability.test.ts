/**
 * Production guarantees of all nodes, through n8n-core's engine: no secret in any failure or
 * output, no invalid item, no object sent as text, no write sent twice on 429/503, every item
 * paired with its input, header values with line breaks refused.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { assertNoSecretForms, visibleText } from '../harness/cases';
import { runNode, type RunResult } from '../harness/engine';
import { ApiMock, type RecordedRequest, type Reply } from '../harness/http';
import { EPILOT_BEARER, EPILOT_ORIGIN } from '../epilot/suite';
import { EXOLINK_ORIGIN, EXOLINK_TOKEN } from '../exolink/suite';
import {
	ADMIN_BEARER,
	API_ORIGIN,
	AUTH_ORIGIN,
	CLIENT_PASS,
	credentialData,
	storedCredential,
} from '../exorlive/suite';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

function expectNoSecret(result: RunResult, secrets: string[]): void {
	assertNoSecretForms(visibleText(result), secrets);
}

const epilotCredentials = { epilotApi: { accessToken: EPILOT_BEARER } };
const exolinkCredentials = { exolinkApi: { accessToken: EXOLINK_TOKEN } };

const approve = { resource: 'partner', operation: 'approve', partnerId: 'p-1' };
const roles = { resource: 'partnerRole', operation: 'getAll', orgId: rl('123') };
const tenantGet = { resource: 'tenant', operation: 'get', tenant: 'abc123' };
const lookup = { resource: 'user', operation: 'lookup', type: 'officialid', text: '0507' };

interface Target {
	name: string;
	node: string;
	origin: string;
	credentials: () => Record<string, ICredentialDataDecryptedObject>;
	parameters: INodeParameters;
	method: string;
	path: string;
	secrets: string[];
	api: string;
}

const targets: Target[] = [
	{
		name: 'Epilot',
		node: 'epilot',
		origin: EPILOT_ORIGIN,
		credentials: () => epilotCredentials,
		parameters: approve,
		method: 'POST',
		path: '/v1/partners/p-1/approve',
		secrets: [EPILOT_BEARER],
		api: 'Epilot',
	},
	{
		name: 'Exolink',
		node: 'exolink',
		origin: EXOLINK_ORIGIN,
		credentials: () => exolinkCredentials,
		parameters: tenantGet,
		method: 'GET',
		path: '/tenant/abc123',
		secrets: [EXOLINK_TOKEN],
		api: 'Exolink',
	},
	{
		name: 'ExorLive',
		node: 'exorLive',
		origin: API_ORIGIN,
		credentials: () => ({ exorLiveApi: storedCredential() }),
		parameters: lookup,
		method: 'GET',
		path: '/api4/user/lookupuser',
		secrets: [ADMIN_BEARER, CLIENT_PASS],
		api: 'ExorLive',
	},
];

async function runAgainst(
	target: Target,
	reply: { status?: number; body?: unknown; headers?: Record<string, string> },
	extra: { parameters?: INodeParameters; continueOnFail?: boolean } = {},
) {
	const mock = new ApiMock(target.origin);
	mock.reply(reply);
	const result = await runNode({
		node: target.node,
		parameters: { ...target.parameters, ...extra.parameters },
		credentials: target.credentials(),
		continueOnFail: extra.continueOnFail,
	});
	return { mock, result };
}

describe('Secrets never reach an error, a stored execution or an output item', () => {
	describe.each(targets)('$name', (target) => {
		const token = target.secrets[0];
		const echoes: Array<
			[string, { status?: number; body?: unknown; headers?: Record<string, string> }]
		> = [
			[
				'a 400 message quoting the request',
				{
					status: 400,
					body: { message: `Rejected: GET ${target.path} authorization=Bearer ${token}` },
				},
			],
			[
				'a 400 answer holding the request headers',
				{ status: 400, body: { request: { headers: { authorization: `Bearer ${token}` } } } },
			],
			[
				'a 500 answer with the token URI- and form-encoded and in Basic form',
				{
					status: 500,
					body: {
						error: `token=${encodeURIComponent(token)} form=${new URLSearchParams({ t: token }).toString()} basic=${Buffer.from(token).toString('base64')}`,
					},
				},
			],
			[
				'a 200 HTML page quoting the token',
				{
					status: 200,
					body: `<html><body>Hello ${token}</body></html>`,
					headers: { 'content-type': 'text/html' },
				},
			],
		];
		it.each(echoes)('%s', async (_title, reply) => {
			const { result } = await runAgainst(target, reply);
			expect(result.error).toBeDefined();
			expectNoSecret(result, target.secrets);
		});

		it('an answer echoing the token in a 200 body keeps it out of the output items', async () => {
			const body =
				target.name === 'ExorLive'
					? { Id: 1, Echo: `Bearer ${token}` }
					: { id: 'x', echo: `Bearer ${token}`, nested: [{ auth: token }] };
			// Raw: the echo is in a field Simplify would leave out.
			const { result } = await runAgainst(
				target,
				{ status: 200, body },
				{ parameters: { simplify: false } },
			);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			expect(JSON.stringify(result.items[0].json)).toContain('[redacted]');
			expectNoSecret(result, target.secrets);
		});

		it('under On Error: Continue, the error item holds no secret', async () => {
			const { result } = await runAgainst(
				target,
				{ status: 400, body: { message: `bad token ${token}` } },
				{ continueOnFail: true },
			);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			expectNoSecret(result, target.secrets);
		});
	});

	it('ExorLive: a client secret with + / = & and spaces, echoed form-encoded by Token.ashx, is redacted', async () => {
		const secret = 'XL+SECRET/with=odd&chars and spaces';
		const credentials = credentialData({ clientSecret: secret });
		const auth = new ApiMock(AUTH_ORIGIN);
		auth.reply(
			{ body: { code: 'code-1' } },
			{
				status: 400,
				body: (request: { body: unknown }) => ({
					error: 'invalid_client',
					error_description: `Rejected ${String(request.body)}`,
				}),
			},
		);
		const result = await runNode({
			node: 'exorLive',
			parameters: { ...lookup, actAsUserId: '101' },
			credentials: { exorLiveApi: { ...credentials, accessToken: ADMIN_BEARER } },
		});
		expect(auth.requests).toHaveLength(2);
		expect(result.error?.message).toMatch(/Token\.ashx/);
		expect(visibleText(result)).toContain('[redacted]');
		expectNoSecret(result, [secret, 'code-1']);
	});
});

describe('Answers are checked before they become items', () => {
	const malformed: Array<
		[string, { status?: number; body?: unknown; headers?: Record<string, string> }, RegExp]
	> = [
		[
			'HTML',
			{ body: '<!doctype html><p>Login</p>', headers: { 'content-type': 'text/html' } },
			/answered with HTML instead of JSON \(HTTP 200\)/,
		],
		['an empty body', { body: '' }, /answered with an empty answer/],
		[
			'JSON null',
			{ body: 'null', headers: { 'content-type': 'application/json' } },
			/answered with an empty answer/,
		],
		[
			'a list for an object',
			{ body: [{ a: 1 }, { a: 2 }] },
			/answered with a list where an object was expected/,
		],
		[
			'text that is not JSON',
			{ body: 'oops', headers: { 'content-type': 'text/plain' } },
			/answered with text instead of JSON/,
		],
	];

	describe.each(malformed)('Epilot, %s', (_title, reply, message) => {
		it.each([
			['Partner > Approve', approve],
			[
				'Partner User > Create',
				{ resource: 'partnerUser', operation: 'create', orgId: rl('1'), email: 'a@b.test' },
			],
			[
				'Geolocation > Search',
				{ resource: 'geolocation', operation: 'search', address: 'Main St 1' },
			],
		])('%s fails with a clear NodeApiError, never a non-object item', async (_name, parameters) => {
			const mock = new ApiMock(EPILOT_ORIGIN);
			mock.reply(reply);
			const result = await runNode({ node: 'epilot', parameters, credentials: epilotCredentials });
			expect(mock.requests).toHaveLength(1);
			expect(result.items).toEqual([]);
			expect(result.error?.name).toBe('NodeApiError');
			expect(result.error?.message).toMatch(new RegExp(`^Epilot ${message.source}`));
		});
	});

	it.each([
		['Epilot Partner Role > Get Many', 'epilot', EPILOT_ORIGIN, roles, epilotCredentials],
		['Exolink Tenant > Get', 'exolink', EXOLINK_ORIGIN, tenantGet, exolinkCredentials],
		['ExorLive User > Lookup', 'exorLive', API_ORIGIN, lookup, { exorLiveApi: storedCredential() }],
	] as const)(
		'%s given HTML fails (no silent empty output)',
		async (_name, node, origin, parameters, credentials) => {
			const mock = new ApiMock(origin);
			mock.reply({ body: '<html>maintenance</html>', headers: { 'content-type': 'text/html' } });
			const result = await runNode({ node, parameters, credentials: { ...credentials } });
			expect(result.error?.message).toMatch(/answered with HTML instead of JSON \(HTTP 200\)/);
			expect(JSON.stringify(result.error?.context ?? {}) + JSON.stringify(result.error)).toContain(
				'maintenance',
			);
		},
	);

	it('an empty answer documented as success still confirms (Partner User > Delete)', async () => {
		const mock = new ApiMock(EPILOT_ORIGIN);
		mock.reply({ status: 204, body: '' });
		const result = await runNode({
			node: 'epilot',
			parameters: {
				resource: 'partnerUser',
				operation: 'delete',
				orgId: rl('1'),
				userId: rl('u-1'),
			},
			credentials: epilotCredentials,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([
			{ deleted: true, orgId: '1', userId: 'u-1' },
		]);
	});

	it('a 503 HTML page becomes one line with a hint naming the real setting', async () => {
		const mock = new ApiMock(EPILOT_ORIGIN);
		mock.reply({
			status: 503,
			body: '<html><h1>Down for maintenance</h1></html>',
			headers: { 'content-type': 'text/html' },
		});
		const result = await runNode({
			node: 'epilot',
			parameters: { ...approve, requestOptions: { rateLimitRetries: 0 } },
			credentials: epilotCredentials,
		});
		expect(result.error?.message).toBe('Service Unavailable (HTTP 503)');
		expect(String(result.error?.description)).toMatch(/Settings > Request Options/);
	});
});

describe('Objects from expressions are refused before sending', () => {
	const object = '={{ { a: 1 } }}';
	it.each([
		[
			'Epilot path ID',
			'epilot',
			EPILOT_ORIGIN,
			{ ...approve, partnerId: object },
			epilotCredentials,
			'Partner ID',
		],
		[
			'Epilot resource locator',
			'epilot',
			EPILOT_ORIGIN,
			{ ...roles, orgId: rl(object) },
			epilotCredentials,
			'Partner Organization',
		],
		[
			'Epilot body text',
			'epilot',
			EPILOT_ORIGIN,
			{ resource: 'partnerUser', operation: 'create', orgId: rl('1'), email: object },
			epilotCredentials,
			'Email',
		],
		[
			'Exolink path',
			'exolink',
			EXOLINK_ORIGIN,
			{ ...tenantGet, tenant: object },
			exolinkCredentials,
			'Tenant',
		],
		[
			'ExorLive query text',
			'exorLive',
			API_ORIGIN,
			{ ...lookup, text: object },
			{ exorLiveApi: storedCredential() },
			'Search Text',
		],
		[
			'a list in an ID field',
			'epilot',
			EPILOT_ORIGIN,
			{ ...approve, partnerId: '={{ [{ id: 1 }] }}' },
			epilotCredentials,
			'Partner ID',
		],
	] as const)('%s', async (_title, node, origin, parameters, credentials, field) => {
		const mock = new ApiMock(origin);
		const result = await runNode({ node, parameters, credentials: { ...credentials } });
		expect(mock.requests).toEqual([]);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(
			new RegExp(`^${field}[^:]*: expects .*but the expression gave (an object|a list)`),
		);
	});

	it('plain values from expressions still go through', async () => {
		const mock = new ApiMock(EPILOT_ORIGIN);
		mock.reply({ body: { ok: true } });
		const result = await runNode({
			node: 'epilot',
			parameters: { ...approve, partnerId: '={{ "p-" + 1 }}' },
			credentials: epilotCredentials,
		});
		expect(result.error).toBeUndefined();
		expect(mock.requests.map((request) => request.path)).toEqual(['/v1/partners/p-1/approve']);
	});
});

describe('429 and 503 are retried for that request only', () => {
	/** A write per item, the item told apart by `key` of its request; the answer names the item. */
	interface Write {
		name: string;
		node: string;
		origin: string;
		credentials: () => Record<string, ICredentialDataDecryptedObject>;
		parameters: INodeParameters;
		input: (n: number) => IDataObject;
		/** What tells item n's request apart, from the request and from n. */
		key: (request: RecordedRequest) => string;
		itemKey: (n: number) => string;
		answer: (request: RecordedRequest) => Reply;
		/** What of the output item names its input item, from the item and from n. */
		output: (item: IDataObject) => unknown;
		outputOf: (n: number) => unknown;
	}
	const numbers = [1, 2, 3, 4, 5];
	const writes: Write[] = [
		{
			name: 'Epilot Partner User > Create',
			node: 'epilot',
			origin: EPILOT_ORIGIN,
			credentials: () => epilotCredentials,
			parameters: {
				resource: 'partnerUser',
				operation: 'create',
				orgId: rl('={{ $json.org }}'),
				email: '={{ $json.email }}',
			},
			input: (n) => ({ org: `org-${n}`, email: `user${n}@acme.test` }),
			key: (request) => request.path,
			itemKey: (n) => `/v2/partners/org-${n}/users`,
			answer: (request) => ({ status: 201, body: { id: `u-${request.path.split('/')[3]}` } }),
			output: (item) => item.id,
			outputOf: (n) => `u-org-${n}`,
		},
		{
			name: 'Exolink Tenant > Update',
			node: 'exolink',
			origin: EXOLINK_ORIGIN,
			credentials: () => exolinkCredentials,
			parameters: {
				resource: 'tenant',
				operation: 'update',
				tenant: '={{ $json.tenant }}',
				tenantName: '={{ $json.name }}',
			},
			input: (n) => ({ tenant: `t-${n}`, name: `Tenant ${n}` }),
			key: (request) => request.path,
			itemKey: (n) => `/tenant/t-${n}`,
			answer: (request) => ({
				body: { id: request.path.split('/')[2], ...(request.body as IDataObject) },
			}),
			output: (item) => [item.id, item.name],
			outputOf: (n) => [`t-${n}`, `Tenant ${n}`],
		},
		{
			name: 'ExorLive User > Create or Update',
			node: 'exorLive',
			origin: API_ORIGIN,
			credentials: () => ({ exorLiveApi: storedCredential() }),
			parameters: {
				resource: 'user',
				operation: 'createOrUpdate',
				id: '={{ $json.id }}',
				additionalFields: { email: '={{ $json.email }}' },
			},
			input: (n) => ({ id: n, email: `user${n}@acme.test` }),
			key: (request) => String((request.body as IDataObject).Id),
			itemKey: String,
			answer: (request) => ({ body: { ...(request.body as IDataObject) } }),
			output: (item) => [item.Id, item.Email],
			outputOf: (n) => [n, `user${n}@acme.test`],
		},
	];

	describe.each(writes)('$name', (write) => {
		it.each([429, 503])(
			'%s then 200 on item 3 of 5 writes: each item written exactly once',
			async (status) => {
				const mock = new ApiMock(write.origin);
				const third = write.itemKey(3);
				mock.respond((request) =>
					write.key(request) === third &&
					mock.requests.filter((sent) => write.key(sent) === third).length === 1
						? { status, body: { message: 'slow down' }, headers: { 'retry-after': '0' } }
						: write.answer(request),
				);
				const result = await runNode({
					node: write.node,
					parameters: write.parameters,
					input: numbers.map(write.input),
					credentials: write.credentials(),
				});
				expect(result.error).toBeUndefined();
				expect(mock.requests.map(write.key).sort()).toEqual(
					[1, 2, 3, 3, 4, 5].map(write.itemKey).sort(),
				);
				expect(result.items.map((item) => [write.output(item.json), item.pairedItem])).toEqual(
					numbers.map((n, index) => [write.outputOf(n), { item: index }]),
				);
			},
		);
	});

	it('gives up after the configured retries and says how often it sent', async () => {
		const mock = new ApiMock(EXOLINK_ORIGIN);
		mock.reply(
			...[1, 2, 3].map(() => ({
				status: 429,
				body: { message: 'Too many' },
				headers: { 'retry-after': '0' },
			})),
		);
		const result = await runNode({
			node: 'exolink',
			parameters: { ...tenantGet, requestOptions: { rateLimitRetries: 2 } },
			credentials: exolinkCredentials,
		});
		expect(mock.requests).toHaveLength(3);
		expect(result.error?.message).toBe('Too many (HTTP 429)');
		expect(String(result.error?.description)).toMatch(/Sent 3 times/);
	});

	it('does not wait longer than Max Wait Before Retry: a longer Retry-After fails at once', async () => {
		const mock = new ApiMock(EPILOT_ORIGIN);
		mock.reply({ status: 429, body: { message: 'Too many' }, headers: { 'retry-after': '3600' } });
		const result = await runNode({
			node: 'epilot',
			parameters: approve,
			credentials: epilotCredentials,
		});
		expect(mock.requests).toHaveLength(1);
		expect(String(result.error?.description)).toMatch(/asked to wait 3600 s.*Not retried/);
	});

	it('ExorLive retries through its request step too (the token is kept)', async () => {
		const mock = new ApiMock(API_ORIGIN);
		mock.reply({ status: 503, headers: { 'retry-after': '0' } }, { body: { Id: 7 } });
		const result = await runNode({
			node: 'exorLive',
			parameters: lookup,
			credentials: { exorLiveApi: storedCredential() },
		});
		expect(result.error).toBeUndefined();
		expect(mock.requests).toHaveLength(2);
		expect(mock.requests.map((request) => request.headers.authorization)).toEqual([
			`Bearer ${ADMIN_BEARER}`,
			`Bearer ${ADMIN_BEARER}`,
		]);
	});
});

describe('Every output item is paired with its input item', () => {
	it('list operations, also with On Error: Continue', async () => {
		const mock = new ApiMock(EPILOT_ORIGIN);
		mock.expect(
			{
				method: 'GET',
				path: '/v2/partners/o1/roles',
				reply: { body: { results: [{ id: 'a' }, { id: 'b' }] } },
			},
			{
				method: 'GET',
				path: '/v2/partners/o2/roles',
				reply: { status: 404, body: { message: 'gone' } },
			},
			{ method: 'GET', path: '/v2/partners/o3/roles', reply: { body: { results: [{ id: 'c' }] } } },
		);
		const result = await runNode({
			node: 'epilot',
			parameters: { ...roles, orgId: rl('={{ $json.org }}') },
			input: [{ org: 'o1' }, { org: 'o2' }, { org: 'o3' }],
			credentials: epilotCredentials,
			continueOnFail: true,
		});
		expect(result.items.map((item) => [item.json.id ?? item.json.error, item.pairedItem])).toEqual([
			['a', { item: 0 }],
			['b', { item: 0 }],
			['gone (HTTP 404)', { item: 1 }],
			['c', { item: 2 }],
		]);
	});

	it.each([
		[
			'Exolink Tenant User > Get Many',
			'exolink',
			EXOLINK_ORIGIN,
			{ resource: 'tenantUser', operation: 'getAll', tenant: '={{ $json.t }}' },
			exolinkCredentials,
		],
		[
			'ExorLive User > Lookup',
			'exorLive',
			API_ORIGIN,
			{ ...lookup, text: '={{ $json.t }}' },
			{ exorLiveApi: storedCredential() },
		],
	] as const)('%s', async (_title, node, origin, parameters, credentials) => {
		const mock = new ApiMock(origin);
		mock.reply({ body: [{ Id: 1 }, { Id: 2 }] }, { body: [{ Id: 3 }, { Id: 4 }, { Id: 5 }] });
		const result = await runNode({
			node,
			parameters,
			input: [{ t: 'x' }, { t: 'y' }],
			credentials: { ...credentials },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(5);
		for (const item of result.items) expect(item.pairedItem).toEqual({ item: expect.any(Number) });
		expect(result.items.map((item) => (item.pairedItem as { item: number }).item).sort()).toEqual([
			0, 0, 1, 1, 1,
		]);
	});
});

describe('Input errors under On Error: Continue are paired too', () => {
	it('an object in an ID field fails that item only, before sending, and the error item is paired', async () => {
		const mock = new ApiMock(EPILOT_ORIGIN);
		mock.expect({
			method: 'GET',
			path: '/v2/partners/o1/roles',
			reply: { body: { results: [{ id: 'a' }, { id: 'b' }] } },
		});
		const result = await runNode({
			node: 'epilot',
			parameters: { ...roles, orgId: rl('={{ $json.org }}') },
			input: [{ org: 'o1' }, { org: { a: 1 } }],
			credentials: epilotCredentials,
			continueOnFail: true,
		});
		expect(mock.requests.map((request) => request.path)).toEqual(['/v2/partners/o1/roles']);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
		]);
		expect(String(result.items[2].json.error)).toMatch(/^Partner Organization: expects/);
	});
	it("a field's own check (ExorLive Search Text) fails that item only, paired, while others give several items", async () => {
		const mock = new ApiMock(API_ORIGIN);
		mock.reply({ body: [{ Id: 1 }, { Id: 2 }] }, { body: [{ Id: 1 }, { Id: 2 }] });
		const result = await runNode({
			node: 'exorLive',
			parameters: { ...lookup, text: '={{ $json.t }}' },
			input: [{ t: '0507' }, { t: ' ' }, { t: '0507' }],
			credentials: { exorLiveApi: storedCredential() },
			continueOnFail: true,
		});
		expect(mock.requests.map((request) => request.query)).toEqual([
			{ type: 'officialid', text: '0507' },
			{ type: 'officialid', text: '0507' },
		]);
		expect(result.items.map((item) => [item.json.Id ?? item.json.error, item.pairedItem])).toEqual([
			[1, { item: 0 }],
			[2, { item: 0 }],
			['Search Text: a value is required', { item: 1 }],
			[1, { item: 2 }],
			[2, { item: 2 }],
		]);
	});
});

describe('Header values with line breaks are refused', () => {
	it.each([
		[
			'Epilot access token',
			'epilot',
			EPILOT_ORIGIN,
			approve,
			{ epilotApi: { accessToken: 'abc\r\nX-Evil: 1' } },
			/Access Token contains a line break/,
		],
		[
			'Exolink access token',
			'exolink',
			EXOLINK_ORIGIN,
			tenantGet,
			{ exolinkApi: { accessToken: 'abc\nX-Evil: 1' } },
			/Access Token contains a line break/,
		],
		[
			'ExorLive Client Name',
			'exorLive',
			API_ORIGIN,
			lookup,
			{ exorLiveApi: storedCredential({ clientName: 'n8n\r\nX-Evil: 1' }) },
			/Client Name contains a line break/,
		],
	] as const)('%s', async (_title, node, origin, parameters, credentials, message) => {
		const mock = new ApiMock(origin);
		const result = await runNode({ node, parameters, credentials: { ...credentials } });
		expect(mock.requests).toEqual([]);
		expect(result.error?.message).toMatch(message);
		expect(visibleText(result)).not.toContain('X-Evil');
	});
});
