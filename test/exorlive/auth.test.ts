/** The credential: token exchange, its reuse, renewal after a 401, failures and the credential test. */
import nock from 'nock';
import { CredentialStore, runNode, testCredential } from '../harness/engine';
import { assertNoSecrets, assertRequests, visibleText } from '../harness/cases';
import { ApiMock } from '../harness/http';
import {
	ADMIN_BEARER,
	ADMIN_ID,
	adminHeaders,
	API_ORIGIN,
	AUTH_ORIGIN,
	CLIENT_PASS,
	credentialData,
	exchange,
	runExorLiveCase,
	SECRETS,
} from './suite';

const lookup = (text = '={{ $json.email }}') => ({
	resource: 'user',
	operation: 'lookup',
	type: 'email',
	text,
});

const emails = (count: number) =>
	Array.from({ length: count }, (_, index) => ({ email: `c${index}@customer.test` }));

const lookupRequest = (email: string, authorization = `Bearer ${ADMIN_BEARER}`) => ({
	method: 'GET',
	path: '/api4/user/lookupuser',
	query: { type: 'email', text: email },
	headers: { authorization },
	reply: { body: { Id: 1, Email: email } },
});

describe('ExorLive token exchange', () => {
	it.each([
		['', {}],
		[' (with a node Timeout, the node exchanges first)', { requestOptions: { timeout: 5000 } }],
	])(
		'exchanges once for 50 items, sends the token with every request and stores it%s',
		async (_title, settings) => {
			const credentials = credentialData();
			const items = emails(50);
			const result = await runExorLiveCase({
				title: '50 items',
				credentials,
				input: items,
				parameters: { ...lookup(), ...settings },
				auth: exchange(credentials, ADMIN_ID, ADMIN_BEARER),
				requests: items.map(({ email }) => lookupRequest(email)),
			});
			expect(result.items).toHaveLength(50);
			expect(result.store.get('1').data.accessToken).toBe(ADMIN_BEARER);
		},
	);

	it('reuses the stored token in the next execution (no second exchange)', async () => {
		const credentials = credentialData();
		const store = new CredentialStore();
		const first = await runExorLiveCase({
			title: 'first',
			credentials,
			parameters: lookup('a@customer.test'),
			auth: exchange(credentials, ADMIN_ID, ADMIN_BEARER),
			requests: [lookupRequest('a@customer.test')],
		});
		const stored = first.store.get('1').data;
		nock.cleanAll();
		const api = new ApiMock(API_ORIGIN).reply({ body: { Id: 2 } });
		const auth = new ApiMock(AUTH_ORIGIN);
		const second = await runNode({
			node: 'exorLive',
			parameters: lookup('b@customer.test'),
			credentials: { exorLiveApi: stored },
			store,
		});
		expect(second.error).toBeUndefined();
		expect(auth.requests).toHaveLength(0);
		assertRequests(api, [lookupRequest('b@customer.test')], adminHeaders);
	});

	it('answers a 401 with one new exchange and retries the request with the new token', async () => {
		const credentials = credentialData({ accessToken: 'expired-bearer-dummy' });
		const result = await runExorLiveCase({
			title: '401',
			credentials,
			parameters: lookup('a@customer.test'),
			auth: exchange(credentials, ADMIN_ID, ADMIN_BEARER),
			requests: [
				{
					...lookupRequest('a@customer.test', 'Bearer expired-bearer-dummy'),
					reply: { status: 401 },
				},
				lookupRequest('a@customer.test'),
			],
			output: [{ Id: 1, Email: 'a@customer.test' }],
			secrets: ['expired-bearer-dummy'],
		});
		expect(result.store.get('1').data.accessToken).toBe(ADMIN_BEARER);
	});

	it('shares one new exchange among concurrent 401s of many items', async () => {
		const credentials = credentialData({ accessToken: 'expired-bearer-dummy' });
		const items = emails(20);
		const api = new ApiMock(API_ORIGIN).reply(
			...items.map(() => ({ status: 401 })),
			...items.map(({ email }) => ({ body: { Id: 1, Email: email } })),
		);
		const expected = exchange(credentials, ADMIN_ID, ADMIN_BEARER);
		const auth = new ApiMock(AUTH_ORIGIN).reply(...expected.map((request) => request.reply!));
		const result = await runNode({
			node: 'exorLive',
			parameters: lookup(),
			input: items,
			credentials: { exorLiveApi: credentials },
		});
		expect(result.error).toBeUndefined();
		assertRequests(auth, expected);
		const byToken = (token: string) =>
			api.requests.filter((request) => request.headers.authorization === `Bearer ${token}`).length;
		expect({ expired: byToken('expired-bearer-dummy'), renewed: byToken(ADMIN_BEARER) }).toEqual({
			expired: 20,
			renewed: 20,
		});
		expect(result.items.map((item) => item.json.Email).sort()).toEqual(
			items.map((item) => item.email).sort(),
		);
	});

	it('fails with the vendor reason when the token is still refused after the new exchange', async () => {
		const credentials = credentialData({ accessToken: 'expired-bearer-dummy' });
		await runExorLiveCase({
			title: '401 twice',
			credentials,
			parameters: lookup('a@customer.test'),
			auth: exchange(credentials, ADMIN_ID, ADMIN_BEARER),
			requests: [
				{
					...lookupRequest('a@customer.test', 'Bearer expired-bearer-dummy'),
					reply: { status: 401 },
				},
				{
					...lookupRequest('a@customer.test'),
					reply: { status: 401, body: { Message: 'Access denied' } },
				},
			],
			error: { name: 'NodeApiError', message: 'Access denied (HTTP 401)', httpCode: '401' },
			secrets: ['expired-bearer-dummy'],
		});
	});

	it('keeps separate tokens for credentials that differ only in the secret', async () => {
		const first = credentialData();
		const second = { ...first, clientSecret: 'other-dummy-secret-value' };
		await runExorLiveCase({
			title: 'first secret',
			credentials: first,
			parameters: lookup('a@customer.test'),
			auth: exchange(first, ADMIN_ID, ADMIN_BEARER),
			requests: [lookupRequest('a@customer.test')],
		});
		nock.cleanAll();
		const api = new ApiMock(API_ORIGIN).reply({ body: { Id: 2 } });
		const auth = new ApiMock(AUTH_ORIGIN).reply(
			{ body: { code: 'c2' } },
			{ body: { access_token: 'second-bearer-dummy' } },
		);
		const result = await runNode({
			node: 'exorLive',
			parameters: lookup('b@customer.test'),
			credentials: { exorLiveApi: second },
		});
		expect(result.error).toBeUndefined();
		expect(auth.requests.map((request) => request.query.client_secret ?? 'form')).toEqual([
			'other-dummy-secret-value',
			'form',
		]);
		expect(api.requests[0].headers.authorization).toBe('Bearer second-bearer-dummy');
	});
});

describe('ExorLive token exchange failures', () => {
	const authorizeFailure = (status: number, body: unknown) => {
		const credentials = credentialData();
		const [authorize] = exchange(credentials, ADMIN_ID, ADMIN_BEARER);
		return { credentials, auth: [{ ...authorize, reply: { status, body } }] };
	};

	it('reports a refused Authorize.aspx call without the secret, even when the answer echoes it', async () => {
		const { credentials, auth } = authorizeFailure(400, {
			error: 'invalid_client',
			error_description: `Unknown client secret ${CLIENT_PASS}`,
		});
		await runExorLiveCase({
			title: 'authorize refused',
			credentials,
			parameters: lookup('a@customer.test'),
			auth,
			requests: [],
			error: {
				name: 'NodeApiError',
				message:
					'ExorLive token exchange failed at Authorize.aspx: Unknown client secret [redacted] (HTTP 400)',
				description: /Check Client Key, Client Secret and Registered Domain/,
			},
		});
	});

	it('reports an Authorize.aspx answer without a code (e.g. an HTML page)', async () => {
		const { credentials, auth } = authorizeFailure(200, '<html><body>Login</body></html>');
		await runExorLiveCase({
			title: 'no code',
			credentials,
			parameters: lookup('a@customer.test'),
			auth,
			requests: [],
			error: {
				message:
					'ExorLive token exchange failed at Authorize.aspx: an HTML page instead of JSON (no code in the answer)',
			},
		});
	});

	it('reports a refused Token.ashx call without the code or the secret', async () => {
		const credentials = credentialData();
		const [authorize, token] = exchange(credentials, ADMIN_ID, ADMIN_BEARER);
		await runExorLiveCase({
			title: 'token refused',
			credentials,
			parameters: lookup('a@customer.test'),
			auth: [authorize, { ...token, reply: { status: 400, body: { error: 'invalid_grant' } } }],
			requests: [],
			error: { message: 'ExorLive token exchange failed at Token.ashx: invalid_grant (HTTP 400)' },
			secrets: [`code-for-${ADMIN_ID}`],
		});
	});

	it('reports an unreachable auth server without the request (whose URL holds the secret)', async () => {
		const credentials = credentialData({ authBaseUrl: 'https://auth.unreachable.test' });
		const result = await runNode({
			node: 'exorLive',
			parameters: lookup('a@customer.test'),
			credentials: { exorLiveApi: credentials },
		});
		expect(result.error?.message).toMatch(
			/^ExorLive token exchange failed: Authorize\.aspx could not be reached/,
		);
		assertNoSecrets(result, SECRETS);
		expect(visibleText(result)).not.toContain('client_secret');
	});
});

describe('ExorLive credential test', () => {
	it('passes with a good secret: exchange, then LookupUser for the admin user with the token', async () => {
		const credentials = credentialData();
		const auth = new ApiMock(AUTH_ORIGIN);
		const expected = exchange(credentials, ADMIN_ID, ADMIN_BEARER);
		auth.reply(...expected.map((request) => request.reply!));
		const api = new ApiMock(API_ORIGIN).reply({ body: { Id: ADMIN_ID } });
		expect(await testCredential('exorLiveApi', credentials)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		assertRequests(auth, expected);
		assertRequests(
			api,
			[
				{
					method: 'GET',
					path: '/api4/user/lookupuser',
					query: { type: 'id', text: String(ADMIN_ID) },
				},
			],
			{
				authorization: adminHeaders.authorization,
				'exorlive-client': adminHeaders['exorlive-client'],
			},
		);
	});

	it('fails with a wrong secret, and the message does not contain it', async () => {
		const credentials = credentialData({ clientSecret: 'wrong-dummy-secret-value' });
		new ApiMock(AUTH_ORIGIN).reply({ status: 401, body: { error: 'invalid_client' } });
		const api = new ApiMock(API_ORIGIN);
		const result = await testCredential('exorLiveApi', credentials);
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'ExorLive token exchange failed at Authorize.aspx: invalid_client (HTTP 401)',
		);
		expect(result.message).not.toContain('wrong-dummy-secret-value');
		expect(api.requests).toHaveLength(0);
	});

	it('fails when the API refuses the new token', async () => {
		const credentials = credentialData();
		const expected = exchange(credentials, ADMIN_ID, ADMIN_BEARER);
		new ApiMock(AUTH_ORIGIN).reply(
			...expected.map((request) => request.reply!),
			...expected.map((request) => request.reply!),
		);
		new ApiMock(API_ORIGIN).reply({ status: 403, body: { Message: 'No access' } });
		const result = await testCredential('exorLiveApi', credentials);
		expect(result.status).toBe('Error');
	});
});
