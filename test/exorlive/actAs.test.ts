/** Acting for customer organizations and contacts with one credential ("Act As User ID"). */
import nock from 'nock';
import { runNode } from '../harness/engine';
import { assertNoSecrets, assertRequests } from '../harness/cases';
import { ApiMock } from '../harness/http';
import {
	ADMIN_BEARER,
	ADMIN_ID,
	API_ORIGIN,
	AUTH_ORIGIN,
	CLIENT_NAME,
	concurrentExchanges,
	credentialData,
	exchange,
	runExorLiveCase,
	SECRETS,
	storedCredential,
} from './suite';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const orgToken = (org: number) => `org-${org}-bearer-dummy`;
const contactToken = (contact: number) => `contact-${contact}-bearer-dummy`;

describe('ExorLive: acting for three customer organizations in one execution', () => {
	it('gets each admin user id, then looks up or creates the contact and gets its invitation link as that admin, then reads Go data as the contact', async () => {
		const credentials = credentialData();
		const orgs = [
			{ external: 'cust-1', admin: 101, contact: 2001, found: true },
			{ external: 'cust-2', admin: 102, contact: 2002, found: false },
			{ external: 'cust-3', admin: 103, contact: 2003, found: false },
		];
		const email = (external: string) => `contact@${external}.test`;
		const actAsOrgAdmin = "={{ $('Node').item.json.adminUserId }}";
		const result = await runExorLiveCase({
			title: 'chain',
			credentials,
			input: orgs.map(({ external }) => ({ externalId: external })),
			parameters: {
				resource: 'partner',
				operation: 'requestApiAccess',
				externalOrganizationId: '={{ $json.externalId }}',
			},
			then: [
				{
					resource: 'user',
					operation: 'lookup',
					actAsUserId: '={{ $json.adminUserId }}',
					type: 'email',
					text: '=contact@{{ $json.externalOrganizationId }}.test',
					whenNotFound: 'item',
				},
				{
					resource: 'user',
					operation: 'createOrUpdate',
					actAsUserId: actAsOrgAdmin,
					id: '={{ $json.Id ?? 0 }}',
					additionalFields: { email: '={{ $json.Email ?? $json.text }}', role: 16 },
				},
				{
					resource: 'partner',
					operation: 'getGoInvitationLink',
					actAsUserId: actAsOrgAdmin,
					contactUserId: '={{ $json.Id }}',
				},
				{
					resource: 'goClient',
					operation: 'getProfile',
					actAsUserId: '={{ $json.contactUserId }}',
				},
			],
			// One exchange for the partner's admin, one per organization admin, one per contact.
			auth: [
				...exchange(credentials, ADMIN_ID, ADMIN_BEARER),
				...concurrentExchanges(
					credentials,
					orgs.map(({ admin }) => [admin, orgToken(admin)]),
				),
				...concurrentExchanges(
					credentials,
					orgs.map(({ contact }) => [contact, contactToken(contact)]),
				),
			],
			apiHeaders: { 'exorlive-client': CLIENT_NAME },
			requests: [
				...orgs.map(({ external, admin }) => ({
					method: 'GET',
					path: '/osloapi/access/RequestAPIAccessForPartnerOrganizationAndGetAdminUserId',
					query: { partnerApiKey: String(credentials.clientKey), externalOrganizatonId: external },
					headers: bearer(ADMIN_BEARER),
					reply: { body: admin },
				})),
				...orgs.map(({ external, admin, contact, found }) => ({
					method: 'GET',
					path: '/api4/user/lookupuser',
					query: { type: 'email', text: email(external) },
					headers: bearer(orgToken(admin)),
					reply: found ? { body: [{ Id: contact, Email: email(external) }] } : { status: 404 },
				})),
				...orgs.map(({ external, admin, contact, found }) => ({
					method: 'POST',
					path: '/api4/user/setuser',
					body: { Id: found ? contact : 0, Email: email(external), Role: 16 },
					headers: bearer(orgToken(admin)),
					reply: { body: { Id: contact, Email: email(external), Role: 16 } },
				})),
				...orgs.map(({ admin, contact }) => ({
					method: 'GET',
					path: '/osloapi/access/GetGoInvitationLink',
					query: { contactUserId: String(contact) },
					headers: bearer(orgToken(admin)),
					reply: { body: { InvitationLink: `https://exorlive.com/m/invite/${contact}` } },
				})),
				...orgs.map(({ contact }) => ({
					method: 'GET',
					path: '/api4/client/go/profile/4',
					headers: bearer(contactToken(contact)),
					reply: { body: { Id: contact, Firstname: 'C' } },
				})),
			],
			output: orgs.map(({ contact }) => ({ Id: contact, Firstname: 'C' })),
			secrets: orgs.flatMap(({ admin, contact }) => [orgToken(admin), contactToken(contact)]),
		});
		const links = result.run.data.resultData.runData['Node 4'][0].data!.main[0]!.map(
			(item) => item.json,
		);
		expect(links).toEqual(
			orgs.map(({ contact }) => ({
				invitationLink: `https://exorlive.com/m/invite/${contact}`,
				contactUserId: contact,
			})),
		);
	});
});

describe('ExorLive Create or Update when SetUser answers without the user ID', () => {
	it('an update outputs the input Id; a create finds the new user with the documented lookup, as the same user', async () => {
		const credentials = credentialData();
		const newEmail = 'new@cust-1.test';
		const setUser = (id: number) => ({
			method: 'POST',
			path: '/api4/user/setuser',
			body: { Id: id, Email: newEmail },
			headers: bearer(orgToken(101)),
			reply: { status: 200 },
		});
		const result = await runExorLiveCase({
			title: 'create and update',
			credentials,
			input: [{ id: 0 }, { id: 77 }],
			parameters: {
				resource: 'user',
				operation: 'createOrUpdate',
				actAsUserId: '101',
				id: '={{ $json.id }}',
				additionalFields: { email: newEmail },
			},
			// n8n also gets the credential's own token once, before its first request.
			auth: [
				...exchange(credentials, 101, orgToken(101)),
				...exchange(credentials, ADMIN_ID, ADMIN_BEARER),
			],
			apiHeaders: { 'exorlive-client': CLIENT_NAME },
			requests: [
				setUser(0),
				setUser(77),
				{
					method: 'GET',
					path: '/api4/user/lookupuser',
					query: { type: 'email', text: newEmail },
					headers: bearer(orgToken(101)),
					// Two users with the address: the newest (highest ID) is the one just created.
					reply: {
						body: [
							{ Id: 5, Email: newEmail },
							{ Id: 9, Email: newEmail },
						],
					},
				},
			],
			output: [
				{ success: true, Id: 9, Email: newEmail },
				{ success: true, Id: 77 },
			],
			secrets: [orgToken(101)],
		});
		expect(result.error).toBeUndefined();
	});

	it('a create without Email, Custom ID or Official ID to look it up by fails the item, saying so', async () => {
		const credentials = credentialData();
		const result = await runExorLiveCase({
			title: 'create without a key',
			credentials,
			parameters: {
				resource: 'user',
				operation: 'createOrUpdate',
				id: 0,
				additionalFields: { firstname: 'Nora' },
			},
			auth: exchange(credentials, ADMIN_ID, ADMIN_BEARER),
			requests: [
				{
					method: 'POST',
					path: '/api4/user/setuser',
					body: { Id: 0, Firstname: 'Nora' },
					reply: { status: 200 },
				},
			],
			error: {
				message:
					'ExorLive created the user but did not answer its ID, and there is no Email, Custom ID or Official ID to look it up by',
			},
		});
		expect(result.items).toEqual([]);
	});
});

describe('ExorLive Act As User ID', () => {
	const lookupAs = (user: string | number) => ({
		resource: 'user',
		operation: 'lookup',
		actAsUserId: String(user),
		type: 'id',
		text: '5',
	});
	const lookupRequest = (token: string, reply = { body: { Id: 5 } } as object) => ({
		method: 'GET',
		path: '/api4/user/lookupuser',
		query: { type: 'id', text: '5' },
		headers: bearer(token),
		absentHeaders: ['x-exorlive-act-as'],
		reply,
	});

	it('exchanges once per user for many items, and never renews the admin token', async () => {
		const credentials = storedCredential();
		await runExorLiveCase({
			title: 'many items',
			credentials,
			input: Array.from({ length: 10 }, () => ({})),
			parameters: lookupAs(555),
			auth: exchange(credentials, 555, 'user-555-bearer-dummy'),
			apiHeaders: {},
			requests: Array.from({ length: 10 }, () => lookupRequest('user-555-bearer-dummy')),
			secrets: ['user-555-bearer-dummy'],
		});
	});

	it('answers a 401 with one new exchange for that user and retries with the new token', async () => {
		const credentials = storedCredential();
		await runExorLiveCase({
			title: 'act-as 401',
			credentials,
			parameters: lookupAs(556),
			auth: [
				...exchange(credentials, 556, 'old-556-bearer-dummy'),
				...exchange(credentials, 556, 'new-556-bearer-dummy'),
			],
			apiHeaders: {},
			requests: [
				lookupRequest('old-556-bearer-dummy', { status: 401, body: { Message: 'Token expired' } }),
				lookupRequest('new-556-bearer-dummy'),
			],
			output: [{ Id: 5 }],
			secrets: ['old-556-bearer-dummy', 'new-556-bearer-dummy'],
		});
	});

	it('retries only once: a second 401 fails with the vendor message', async () => {
		const credentials = storedCredential();
		await runExorLiveCase({
			title: 'act-as 401 twice',
			credentials,
			parameters: lookupAs(557),
			auth: [
				...exchange(credentials, 557, 'old-557-bearer-dummy'),
				...exchange(credentials, 557, 'new-557-bearer-dummy'),
			],
			apiHeaders: {},
			requests: [
				lookupRequest('old-557-bearer-dummy', { status: 401, body: { Message: 'Token expired' } }),
				lookupRequest('new-557-bearer-dummy', {
					status: 401,
					body: { Message: 'User not in organization' },
				}),
			],
			error: {
				name: 'NodeApiError',
				message: 'User not in organization (HTTP 401)',
				httpCode: '401',
			},
			secrets: ['old-557-bearer-dummy', 'new-557-bearer-dummy'],
		});
	});

	it('exchanges again in a later execution once the token is about to expire', async () => {
		const credentials = storedCredential();
		// expires_in 30 s is inside the renewal margin: the token is not reused.
		await runExorLiveCase({
			title: 'short-lived',
			credentials,
			parameters: lookupAs(558),
			auth: exchange(credentials, 558, 'short-558-bearer-dummy', {
				body: { access_token: 'short-558-bearer-dummy', expires_in: '30' },
			}),
			apiHeaders: {},
			requests: [lookupRequest('short-558-bearer-dummy')],
			secrets: ['short-558-bearer-dummy'],
		});
		nock.cleanAll();
		await runExorLiveCase({
			title: 'renewed',
			credentials,
			parameters: lookupAs(558),
			auth: exchange(credentials, 558, 'next-558-bearer-dummy'),
			apiHeaders: {},
			requests: [lookupRequest('next-558-bearer-dummy')],
			secrets: ['next-558-bearer-dummy'],
		});
		nock.cleanAll();
		// A 2-hour token is reused by the next execution without an exchange.
		await runExorLiveCase({
			title: 'reused',
			credentials,
			parameters: lookupAs(558),
			auth: [],
			apiHeaders: {},
			requests: [lookupRequest('next-558-bearer-dummy')],
			secrets: ['next-558-bearer-dummy'],
		});
	});

	it('rejects an Act As User ID that is not a user id before any request', async () => {
		await runExorLiveCase({
			title: 'bad id',
			parameters: lookupAs('12a'),
			requests: [],
			error: {
				message: 'Act As User ID: "12a" is not an ExorLive user ID (a positive whole number)',
			},
		});
	});

	it('requires Act As User ID for the Go client API (also when an expression gives nothing)', async () => {
		await runExorLiveCase({
			title: 'go without contact',
			parameters: {
				resource: 'goClient',
				operation: 'getProfile',
				actAsUserId: '={{ $json.missing }}',
			},
			requests: [],
			error: { message: 'Act As User ID: a value is required' },
		});
	});

	it('reports a failed exchange for the user without secrets, naming the user', async () => {
		const credentials = storedCredential();
		const [authorize] = exchange(credentials, 559, 'x');
		await runExorLiveCase({
			title: 'exchange refused',
			credentials,
			parameters: lookupAs(559),
			auth: [{ ...authorize, reply: { status: 400, body: { error: 'invalid_user' } } }],
			requests: [],
			error: {
				name: 'NodeApiError',
				message:
					'ExorLive token exchange failed at Authorize.aspx: invalid_user (HTTP 400) (getting a token for user 559)',
			},
		});
	});

	it('an unreachable API host fails the item with a network error naming the host, not the act-as token, and no second exchange', async () => {
		const credentials = storedCredential({ apiBaseUrl: 'https://api.unreachable.test' });
		const auth = new ApiMock(AUTH_ORIGIN);
		const expected = exchange(credentials, 560, 'user-560-bearer-dummy');
		auth.reply(...expected.map((request) => request.reply!));
		const result = await runNode({
			node: 'exorLive',
			parameters: lookupAs(560),
			credentials: { exorLiveApi: credentials },
		});
		// One exchange: a network error is not a refused token.
		assertRequests(auth, expected);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toMatch(/api\.unreachable\.test/);
		assertNoSecrets(result, [...SECRETS, 'user-560-bearer-dummy']);
	});
});

describe('ExorLive Build Sign-In URL', () => {
	it('builds the documented token sign-in URL for the main app with a contact in focus', async () => {
		const credentials = storedCredential();
		await runExorLiveCase({
			title: 'sign-in app',
			credentials,
			parameters: {
				resource: 'signIn',
				operation: 'buildSignInUrl',
				userId: '777',
				target: 'app',
				selectedPersonId: '2001',
			},
			auth: exchange(credentials, 777, 'instructor-777-bearer'),
			requests: [],
			output: [
				{
					signInUrl: `${AUTH_ORIGIN}/?access_token=instructor-777-bearer&redirect=${encodeURIComponent(
						`${API_ORIGIN}/app/?selectedPersonId=2001#Workouts`,
					)}`,
					userId: 777,
					redirect: `${API_ORIGIN}/app/?selectedPersonId=2001#Workouts`,
				},
			],
		});
	});

	it('builds the ExorLive Go URL with a skin code', async () => {
		const credentials = storedCredential();
		const result = await runExorLiveCase({
			title: 'sign-in go',
			credentials,
			parameters: {
				resource: 'signIn',
				operation: 'buildSignInUrl',
				userId: '778',
				target: 'go',
				skin: 'a b',
			},
			auth: exchange(credentials, 778, 'contact-778-bearer'),
			requests: [],
		});
		const url = new URL(String(result.items[0].json.signInUrl));
		expect(url.searchParams.get('redirect')).toBe(`${API_ORIGIN}/m/?skin=a%20b`);
		expect(url.searchParams.get('access_token')).toBe('contact-778-bearer');
	});
});
