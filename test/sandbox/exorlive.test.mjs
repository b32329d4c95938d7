// Self-test of the ExorLive fake (node:test): the token flow and its failures, every faked
// operation in the shapes the ExorLive node sends, validation, magic errors, the workoutReady
// callback and the latency option.
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import { send } from './testing/client.mjs';
import {
	EXORLIVE_CLIENT as CLIENT,
	EXORLIVE_SEED as SEED,
	MAGIC_STATUSES,
	startSandbox,
} from './index.mjs';

const SCOPE =
	'read_profile read_workout read_master write_workout write_profile read_calendar read_contact admin_user create_session configure write_calendar write_contact';

// The fake's own behaviour, its assumed answers included (answers.test.mjs covers the
// documented ones).
let sandbox;
before(async () => {
	sandbox = await startSandbox({ port: 0, answers: 'assumed' });
});
after(() => sandbox.stop());
beforeEach(() => sandbox.reset());

const authorizeQuery = (userId, overrides = {}) =>
	new URLSearchParams({
		user_id: String(userId),
		response_type: 'code',
		client_id: CLIENT.clientKey,
		client_secret: CLIENT.clientSecret,
		redirect_uri: CLIENT.redirectUri,
		scope: SCOPE,
		...overrides,
	});

/** Both steps of the token flow for `userId`; returns the token answer. */
async function exchange(userId = SEED.adminUserId) {
	const authorized = await send(
		`${sandbox.urls.exorliveAuth}/Providers/OAuth/Authorize.aspx?${authorizeQuery(userId)}`,
	);
	assert.equal(authorized.status, 200, JSON.stringify(authorized.body));
	const issued = await send(`${sandbox.urls.exorliveAuth}/Providers/OAuth/Token.ashx`, {
		method: 'POST',
		form: {
			grant_type: 'authorization_code',
			client_id: CLIENT.clientKey,
			client_secret: CLIENT.clientSecret,
			code: authorized.body.code,
			redirect_uri: CLIENT.redirectUri,
		},
	});
	assert.equal(issued.status, 200, JSON.stringify(issued.body));
	return issued.body;
}

const tokens = {};
async function tokenOf(userId) {
	tokens[userId] ??= (await exchange(userId)).access_token;
	return tokens[userId];
}

/** An API call as `userId` (default: the partner admin). */
async function api(
	method,
	path,
	{ as = SEED.adminUserId, body, query, base = 'exorliveApi', headers } = {},
) {
	const token = await tokenOf(as);
	const qs = query ? `?${new URLSearchParams(query)}` : '';
	return send(`${sandbox.urls[base]}${path}${qs}`, {
		method,
		body,
		headers: { authorization: `Bearer ${token}`, 'exorlive-client': CLIENT.clientName, ...headers },
	});
}

const [CUST1, CUST2] = SEED.customers;
const asAdmin1 = { as: CUST1.adminUserId };

beforeEach(() => {
	for (const key of Object.keys(tokens)) delete tokens[key];
});

describe('token flow', () => {
	test('Authorize.aspx gives a code, Token.ashx a bearer token with a string expires_in', async () => {
		const issued = await exchange();
		assert.equal(issued.token_type, 'bearer');
		assert.equal(issued.expires_in, '7200');
		assert.equal(issued.scope, SCOPE);
		assert.ok(issued.access_token && issued.refresh_token);
		assert.equal(sandbox.state.exorlive.tokenExchanges, 1);
		assert.deepEqual(sandbox.state.exorlive.exchangesByUser, { [SEED.adminUserId]: 1 });
	});

	test('a wrong secret or client id is invalid_client (401); a wrong redirect_uri is refused', async () => {
		const at = (overrides) =>
			send(
				`${sandbox.urls.exorliveAuth}/Providers/OAuth/Authorize.aspx?${authorizeQuery(SEED.adminUserId, overrides)}`,
			);
		assert.deepEqual(await at({ client_secret: 'wrong' }).then((r) => [r.status, r.body]), [
			401,
			{ error: 'invalid_client' },
		]);
		assert.equal((await at({ client_id: 'other' })).status, 401);
		const redirect = await at({ redirect_uri: CLIENT.redirectUri.replace(/\/$/, '') });
		assert.equal(redirect.status, 400);
		assert.match(redirect.body.error_description, /redirect_uri/);
		const scope = await at({ scope: 'read_profile fly' });
		assert.deepEqual(scope.body, {
			error: 'invalid_scope',
			error_description: 'Unknown scope: fly',
		});
		const contact = await at({ user_id: String(SEED.noLoginContactId) });
		assert.equal(contact.body.error, 'access_denied');
		const unlinked = await at({ user_id: String(SEED.legacyAdminUserId) });
		assert.match(unlinked.body.error_description, /not approved/);
		assert.equal(sandbox.state.exorlive.tokenExchanges, 0);
	});

	test('a code works once; Token.ashx wants a form body; refresh_token gives a new token', async () => {
		const authorized = await send(
			`${sandbox.urls.exorliveAuth}/Providers/OAuth/Authorize.aspx?${authorizeQuery(SEED.adminUserId)}`,
		);
		const form = {
			grant_type: 'authorization_code',
			client_id: CLIENT.clientKey,
			client_secret: CLIENT.clientSecret,
			code: authorized.body.code,
			redirect_uri: CLIENT.redirectUri,
		};
		const url = `${sandbox.urls.exorliveAuth}/Providers/OAuth/Token.ashx`;
		const asJson = await send(url, { method: 'POST', body: form });
		assert.equal(asJson.status, 400);
		const first = await send(url, { method: 'POST', form });
		assert.equal(first.status, 200);
		const again = await send(url, { method: 'POST', form });
		assert.deepEqual([again.status, again.body], [400, { error: 'invalid_grant' }]);
		const wrong = await send(url, { method: 'POST', form: { ...form, client_secret: 'nope' } });
		assert.equal(wrong.status, 401);
		const refreshed = await send(url, {
			method: 'POST',
			form: {
				grant_type: 'refresh_token',
				client_id: CLIENT.clientKey,
				client_secret: CLIENT.clientSecret,
				refresh_token: first.body.refresh_token,
				redirect_uri: CLIENT.redirectUri,
			},
		});
		assert.equal(refreshed.status, 200);
		assert.notEqual(refreshed.body.access_token, first.body.access_token);
		const missing = await send(url, { method: 'POST', form: { grant_type: 'authorization_code' } });
		assert.equal(missing.status, 400);
		assert.match(missing.body.Message, /client_id: Required/);
	});

	test('the API needs a valid token and the ExorLive-Client header', async () => {
		const path = '/api4/user/lookupuser';
		const query = { type: 'id', text: String(SEED.adminUserId) };
		assert.equal((await api('GET', path, { query })).status, 200);
		const none = await send(`${sandbox.urls.exorliveApi}${path}?${new URLSearchParams(query)}`, {
			headers: { 'exorlive-client': CLIENT.clientName },
		});
		assert.deepEqual(
			[none.status, none.body],
			[401, { Message: 'Authorization has been denied for this request.' }],
		);
		const noClient = await api('GET', path, { query, headers: { 'exorlive-client': '' } });
		assert.equal(noClient.status, 400);
		const otherClient = await api('GET', path, {
			query,
			headers: { 'exorlive-client': 'someone' },
		});
		assert.equal(otherClient.status, 403);
	});

	test('expired tokens get 401: by lifetime and by /_sandbox/exorlive/expireTokens', async () => {
		const query = { type: 'id', text: String(SEED.adminUserId) };
		await api('GET', '/api4/user/lookupuser', { query });
		const expire = await send(`${sandbox.origin}/_sandbox/exorlive/expireTokens`, {
			method: 'POST',
		});
		assert.deepEqual(expire.body, { expired: 1 });
		assert.equal((await api('GET', '/api4/user/lookupuser', { query })).status, 401);
		const short = await startSandbox({ port: 0, options: { exorliveTokenLifetime: 1 } });
		try {
			const authorized = await send(
				`${short.urls.exorliveAuth}/Providers/OAuth/Authorize.aspx?${authorizeQuery(SEED.adminUserId)}`,
			);
			const issued = await send(`${short.urls.exorliveAuth}/Providers/OAuth/Token.ashx`, {
				method: 'POST',
				form: {
					grant_type: 'authorization_code',
					client_id: CLIENT.clientKey,
					client_secret: CLIENT.clientSecret,
					code: authorized.body.code,
					redirect_uri: CLIENT.redirectUri,
				},
			});
			assert.equal(issued.body.expires_in, '1');
			const call = () =>
				send(`${short.urls.exorliveApi}/api4/user/lookupuser?${new URLSearchParams(query)}`, {
					headers: {
						authorization: `Bearer ${issued.body.access_token}`,
						'exorlive-client': CLIENT.clientName,
					},
				});
			assert.equal((await call()).status, 200);
			await new Promise((resolve) => setTimeout(resolve, 1100));
			assert.equal((await call()).status, 401);
		} finally {
			await short.stop();
		}
	});
});

describe('partner and users', () => {
	test('Request API Access: known and new external ids give admin user ids; unapproved gives 0', async () => {
		const call = (externalOrganizatonId, partnerApiKey = CLIENT.clientKey) =>
			api('GET', '/osloapi/access/RequestAPIAccessForPartnerOrganizationAndGetAdminUserId', {
				query: { partnerApiKey, externalOrganizatonId },
			});
		assert.deepEqual(await call(CUST1.externalId).then((r) => [r.status, r.body]), [
			200,
			CUST1.adminUserId,
		]);
		const created = (await call('brand-new-7')).body;
		assert.ok(Number.isInteger(created) && created > 0);
		assert.equal((await call('brand-new-7')).body, created);
		const org = sandbox.state.exorlive.orgs.find((o) => o.externalId === 'brand-new-7');
		assert.equal(org.adminUserId, created);
		assert.equal((await call(`${SEED.unapprovedPrefix}x`)).body, 0);
		assert.equal((await call(CUST1.externalId, 'other-key')).status, 403);
		// Only the partner's own token may ask.
		const asCustomer = await api(
			'GET',
			'/osloapi/access/RequestAPIAccessForPartnerOrganizationAndGetAdminUserId',
			{
				...asAdmin1,
				query: { partnerApiKey: CLIENT.clientKey, externalOrganizatonId: 'x' },
			},
		);
		assert.equal(asCustomer.status, 403);
		// The documented (misspelt) parameter name only.
		const spelt = await api(
			'GET',
			'/osloapi/access/RequestAPIAccessForPartnerOrganizationAndGetAdminUserId',
			{
				query: { partnerApiKey: CLIENT.clientKey, externalOrganizationId: 'x' },
			},
		);
		assert.equal(spelt.status, 400);
		assert.match(spelt.body.Message, /externalOrganizatonId: Required/);
	});

	test('lookup, create, update within the organization of the token; invitation link per contact', async () => {
		const lookup = (type, text, as = CUST1.adminUserId) =>
			api('GET', '/api4/user/lookupuser', { as, query: { type, text } });
		for (const [type, text] of [
			['email', SEED.contactEmail.toUpperCase()],
			['id', String(SEED.contactId)],
			['name', 'kari kon'],
			['customid', SEED.contactCustomId],
			['officialid', '050780-12345'],
		]) {
			const found = await lookup(type, text);
			assert.equal(found.status, 200);
			assert.deepEqual(
				found.body.map((u) => u.Id),
				[SEED.contactId],
				`${type} ${text}`,
			);
		}
		// Another organization does not see it.
		assert.deepEqual((await lookup('email', SEED.contactEmail, CUST2.adminUserId)).body, []);
		const created = await api('POST', '/api4/user/setuser', {
			...asAdmin1,
			body: {
				Id: 0,
				Role: 16,
				Firstname: 'New',
				Lastname: 'Contact',
				Email: 'new@contact.example',
				DateOfBirth: '1990-02-03',
			},
		});
		assert.equal(created.status, 200);
		assert.equal(created.body.OrganizationId, CUST1.orgId);
		assert.equal(created.body.PrimaryContactId, CUST1.adminUserId);
		assert.deepEqual((await lookup('email', 'new@contact.example')).body, [created.body]);
		const updated = await api('POST', '/api4/user/setuser', {
			...asAdmin1,
			body: { Id: created.body.Id, City: 'Oslo' },
		});
		assert.equal(updated.body.City, 'Oslo');
		assert.equal(updated.body.Email, 'new@contact.example');
		const duplicate = await api('POST', '/api4/user/setuser', {
			...asAdmin1,
			body: { Id: 0, Email: SEED.contactEmail },
		});
		assert.equal(duplicate.status, 400);
		const foreign = await api('POST', '/api4/user/setuser', {
			as: CUST2.adminUserId,
			body: { Id: SEED.contactId, City: 'x' },
		});
		assert.equal(foreign.status, 404);
		const link = await api('GET', '/osloapi/access/GetGoInvitationLink', {
			...asAdmin1,
			query: { contactUserId: String(created.body.Id) },
		});
		assert.equal(link.status, 200);
		assert.equal(link.headers['content-type'], 'application/json; charset=utf-8');
		assert.match(link.body, /^http:\/\/127\.0\.0\.1:\d+\/exorlive\/api\/m\/#\/invite\/\S+$/);
		const again = await api('GET', '/osloapi/access/GetGoInvitationLink', {
			...asAdmin1,
			query: { contactUserId: String(created.body.Id) },
		});
		assert.equal(again.body, link.body);
		const noEmail = await api('GET', '/osloapi/access/GetGoInvitationLink', {
			...asAdmin1,
			query: { contactUserId: String(SEED.noLoginContactId) },
		});
		assert.equal(noEmail.status, 400);
		// A contact's own token may not invite or create.
		const asContact = await api('POST', '/api4/user/setuser', {
			as: SEED.contactId,
			body: { Id: 0 },
		});
		assert.equal(asContact.status, 403);
	});

	test('SetUser validation names the field', async () => {
		const bad = async (body) =>
			(await api('POST', '/api4/user/setuser', { ...asAdmin1, body })).body.Message;
		assert.match(await bad({ Id: 0, Role: 3 }), /Role: must be one of 0, 2, 8, 16, 256/);
		assert.match(await bad({ Id: 0, DateOfBirth: '05.07.1980' }), /DateOfBirth: must be a date/);
		assert.match(await bad({ Id: 0, Email: 'nope' }), /Email: Invalid email/);
		assert.match(
			await bad({ Id: 0, FirstName: 'x' }),
			/Unrecognized key\(s\) in object: 'FirstName'/,
		);
		assert.match(await bad({ Firstname: 'x' }), /Id: Required/);
		assert.match(await bad({ Id: '0' }), /Id: Expected number, received string/);
	});

	test('SetEventCallbackUrl stores the URL for the organization of the token', async () => {
		const set = await api('GET', '/api4/user/SetEventCallbackUrl', {
			...asAdmin1,
			query: { callbackUrl: 'https://x.example/events/?source=exorlive' },
		});
		assert.deepEqual([set.status, set.text], [200, '']);
		const org = sandbox.state.exorlive.orgs.find((o) => o.id === CUST1.orgId);
		assert.equal(org.callbackUrl, 'https://x.example/events/?source=exorlive');
		const bad = await api('GET', '/api4/user/SetEventCallbackUrl', {
			...asAdmin1,
			query: { callbackUrl: 'not a url' },
		});
		assert.equal(bad.status, 400);
		assert.match(bad.body.Message, /callbackUrl: Invalid url/);
	});
});

describe('sign-in', () => {
	test('GetAuthKey on the auth host answers {d: key}; the token sign-in URL redirects', async () => {
		const key = await api('POST', '/webservices/AuthenticationService.svc/GetAuthKey', {
			...asAdmin1,
			base: 'exorliveAuth',
			body: { userId: String(SEED.contactId) },
		});
		assert.equal(key.status, 200);
		assert.match(key.body.d, /^sbx-ak-/);
		const noLogin = await api('POST', '/webservices/AuthenticationService.svc/GetAuthKey', {
			...asAdmin1,
			base: 'exorliveAuth',
			body: { userId: String(SEED.noLoginContactId) },
		});
		assert.equal(noLogin.status, 400);
		const token = await tokenOf(SEED.contactId);
		const redirect = `${sandbox.urls.exorliveApi}/m/`;
		const signIn = await send(
			`${sandbox.urls.exorliveAuth}/?${new URLSearchParams({ access_token: token, redirect })}`,
		);
		assert.deepEqual([signIn.status, signIn.headers.location], [302, redirect]);
		const page = await send(redirect);
		assert.match(page.text, /ExorLive Go \(sandbox\)/);
		const expired = await send(
			`${sandbox.urls.exorliveAuth}/?${new URLSearchParams({ access_token: 'x', redirect })}`,
		);
		assert.equal(expired.status, 401);
	});

	test('the Partner JWT link checks the HS256 signature, approves the organization and answers a URL', async () => {
		const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
		const now = Math.floor(Date.now() / 1000);
		const sign = (claims, secret = CLIENT.jwtSharedSecret) => {
			const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: CLIENT.jwtKid })}.${b64(claims)}`;
			return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
		};
		const claims = {
			organizationId: 'jwt-org-1',
			organizationName: 'Tatooine Clinic',
			employeeId: 'e-1',
			employeeFirstname: 'Mando',
			employeeLastname: 'Lorian',
			contact: {
				id: 'c-1',
				firstname: 'Baby',
				lastname: 'Yoda',
				ssn: '13116900216',
				email: 'by@galaxy.example',
			},
			iat: now,
			exp: now + 300,
		};
		const post = (payload) =>
			send(`${sandbox.urls.exorliveSso}/partner/payload`, { method: 'POST', form: { payload } });
		const jumped = await post(sign(claims));
		assert.equal(jumped.status, 200);
		assert.equal(jumped.headers['content-type'], 'text/plain; charset=utf-8');
		assert.match(jumped.text, /\/exorlive\/api\/app\/\?selectedPersonId=\d+#Workouts$/);
		const org = sandbox.state.exorlive.orgs.find((o) => o.externalId === 'jwt-org-1');
		assert.ok(org.linked);
		assert.ok(
			sandbox.state.exorlive.users.some(
				(u) => u.OfficialId === '13116900216' && u.OrganizationId === org.id,
			),
		);
		assert.equal((await post(sign(claims, 'other-secret'))).status, 401);
		assert.equal((await post(sign({ ...claims, exp: now - 10 }))).status, 401);
		const missing = await post(sign({ ...claims, contact: { id: 'c-2' } }));
		assert.equal(missing.status, 400);
		assert.match(missing.body.Message, /contact\.firstname: Required/);
		assert.equal((await post('not-a-jwt')).status, 400);
	});
});

describe('workout export', () => {
	const q = (extra = {}) => ({ clientname: CLIENT.clientName, ...extra });

	test('list, download a real PDF, acknowledge: it leaves the New scope', async () => {
		assert.equal((await api('GET', '/api4/export/Ping', { ...asAdmin1, query: q() })).body, 'pong');
		const list = await api('GET', '/api4/export/GetAvailableWorkouts', { ...asAdmin1, query: q() });
		assert.deepEqual(
			list.body.map((w) => w.Id),
			SEED.newWorkoutIds,
		);
		assert.equal(list.body[0].ContactFirstname, 'Kari');
		assert.equal(list.body[0].OwnerFirstname, 'Ivar');
		const all = await api('GET', '/api4/export/GetAvailableWorkoutIds', {
			...asAdmin1,
			query: q({ scope: 'all' }),
		});
		assert.deepEqual(all.body, [...SEED.newWorkoutIds, SEED.acknowledgedWorkoutId]);
		const byOwner = await api('GET', '/api4/export/GetAvailableWorkoutIds', {
			...asAdmin1,
			query: q({ ownerId: '1', contactId: String(SEED.contactId) }),
		});
		assert.deepEqual(byOwner.body, []);
		const pdf = await api('GET', '/api4/export/GetWorkoutPDF', {
			...asAdmin1,
			query: q({ workoutId: String(SEED.newWorkoutIds[0]) }),
		});
		assert.equal(pdf.status, 200);
		assert.equal(pdf.body.$id, '1');
		assert.equal(pdf.body.Id, SEED.newWorkoutIds[0]);
		assert.equal(pdf.body.Exercises[0].MasterId, 5491);
		const bytes = Buffer.from(pdf.body.PdfBase64, 'base64');
		assert.equal(bytes.subarray(0, 8).toString('latin1'), '%PDF-1.4');
		assert.match(bytes.toString('latin1'), /%%EOF\n$/);
		// The xref offset points at the xref table.
		const startxref = Number(/startxref\n(\d+)/.exec(bytes.toString('latin1'))[1]);
		assert.equal(bytes.subarray(startxref, startxref + 4).toString('latin1'), 'xref');
		const ack = await api('GET', '/api4/export/AcknowledgeWorkout', {
			...asAdmin1,
			query: q({ workoutId: String(SEED.newWorkoutIds[0]) }),
		});
		assert.deepEqual([ack.status, ack.text], [200, '']);
		const after = await api('GET', '/api4/export/GetAvailableWorkoutIds', {
			...asAdmin1,
			query: q(),
		});
		assert.deepEqual(after.body, [SEED.newWorkoutIds[1]]);
		// Unsigned workouts are not exported; other organizations see nothing.
		const unsigned = await api('GET', '/api4/export/GetWorkoutPDF', {
			...asAdmin1,
			query: q({ workoutId: String(SEED.unsignedWorkoutId) }),
		});
		assert.equal(unsigned.status, 404);
		assert.deepEqual(
			(
				await api('GET', '/api4/export/GetAvailableWorkoutIds', {
					as: CUST2.adminUserId,
					query: q(),
				})
			).body,
			[],
		);
		// clientname is required and must be the agreed one.
		const noName = await api('GET', '/api4/export/GetAvailableWorkouts', {
			...asAdmin1,
			query: { scope: 'new' },
		});
		assert.match(noName.body.Message, /clientname: Required/);
		assert.equal(
			(await api('GET', '/api4/export/Ping', { ...asAdmin1, query: { clientname: 'x' } })).status,
			403,
		);
		const scope = await api('GET', '/api4/export/GetAvailableWorkouts', {
			...asAdmin1,
			query: q({ scope: 'old' }),
		});
		assert.match(scope.body.Message, /scope: Invalid enum value/);
	});
});

describe('Go client and plan templates (as the contact)', () => {
	const as = { as: SEED.contactId };
	const go = (name) => `/api4/client/go/${name}/4`;
	const plan = (name) => `/api4/client/plantemplate/${name}/4`;

	test('profile, workouts, activities, exercises', async () => {
		const all = await api('GET', go('loadall'), as);
		assert.equal(all.body.Profile.Id, SEED.contactId);
		assert.ok(all.body.Workouts.length >= 3);
		const profile = await api('POST', go('profile'), {
			...as,
			body: { Id: SEED.contactId, Height: 171, UserTags: ['knee', 'back'] },
		});
		assert.deepEqual([profile.body.Height, profile.body.UserTags], [171, ['knee', 'back']]);
		assert.equal((await api('GET', go('profile'), as)).body.Height, 171);
		assert.equal((await api('POST', go('profile'), { ...as, body: { Id: 1 } })).status, 403);
		const byTags = await api('GET', go('workoutsbytags'), { ...as, query: { tags: 'back' } });
		assert.deepEqual(
			byTags.body.map((w) => w.Id),
			[SEED.newWorkoutIds[1]],
		);
		const workout = await api('GET', go('workout'), {
			...as,
			query: { workoutId: String(SEED.newWorkoutIds[0]) },
		});
		const exerciseId = workout.body.Exercises[0].Id;
		const done = await api('POST', go('exercise'), {
			...as,
			body: { Id: exerciseId, Completed: true, Comment: 'ok' },
		});
		assert.deepEqual([done.body.Completed, done.body.Comment], [true, 'ok']);
		assert.equal(
			(await api('POST', go('exercise'), { ...as, body: { Id: exerciseId } })).status,
			400,
		);
		const todo = await api('GET', go('activitiestodo'), as);
		assert.deepEqual(
			todo.body.map((a) => a.Id),
			[900001],
		);
		const byWorkout = await api('GET', go('activitiesbyworkout'), {
			...as,
			query: { workoutId: String(SEED.newWorkoutIds[1]) },
		});
		assert.deepEqual(
			byWorkout.body.map((a) => a.Id),
			[900002],
		);
		const activity = await api('POST', go('activity'), { ...as, body: { Id: 0, Title: 'Walk' } });
		assert.ok(activity.body.Id > 0);
		const related = await api('GET', go('relatedExercises'), {
			...as,
			query: { SourceMasterExerciseId: '5491', WantedCount: '2' },
		});
		assert.equal(related.body.length, 2);
		assert.equal(related.body[0].Rating, 90);
		const copy = await api('POST', go('copyworkouttouser'), {
			...as,
			body: { WorkoutId: SEED.newWorkoutIds[0], UserId: SEED.contactId },
		});
		assert.notEqual(copy.body.Id, SEED.newWorkoutIds[0]);
		assert.equal(
			(await api('GET', go('workout'), { ...as, query: { workoutId: '1' } })).status,
			404,
		);
	});

	test('plan templates: tags, search, by tags, apply', async () => {
		assert.deepEqual((await api('GET', plan('getalltags'), as)).body, [
			'back',
			'knee',
			'rehab',
			'shoulder',
		]);
		assert.equal(
			(await api('GET', plan('getplantemplates'), { ...as, query: { query: '' } })).body.length,
			3,
		);
		assert.deepEqual(
			(await api('GET', plan('getplantemplates'), { ...as, query: { query: 'back' } })).body.map(
				(t) => t.Id,
			),
			[800002],
		);
		assert.equal((await api('GET', plan('getplantemplates'), as)).status, 400);
		assert.deepEqual(
			(
				await api('GET', plan('getplantemplatesbytag'), { ...as, query: { tags: 'knee' } })
			).body.map((t) => t.Id),
			[800001],
		);
		const before = sandbox.state.exorlive.workouts.length;
		const applied = await api('POST', plan('apply'), {
			...as,
			body: {
				UserId: SEED.contactId,
				PlanTemplateId: 800001,
				AppyToStartDate: '2026-01-05',
				DistributionType: 'WeekPattern',
				RepeatNum: 2,
				WeekPattern: '1010100',
			},
		});
		assert.deepEqual([applied.status, applied.text], [200, '']);
		assert.equal(sandbox.state.exorlive.workouts.length, before + 2);
		const typo = await api('POST', plan('apply'), {
			...as,
			body: {
				UserId: SEED.contactId,
				PlanTemplateId: 800001,
				ApplyToStartDate: '2026-01-05',
				DistributionType: 'AsIs',
			},
		});
		assert.match(typo.body.Message, /AppyToStartDate: Required/);
	});
});

describe('legacy', () => {
	const saltedPassword = (password, challenge) =>
		createHmac(
			'sha1',
			Buffer.from(createHash('sha1').update(password, 'utf8').digest('hex'), 'ascii'),
		)
			.update(Buffer.from(challenge, 'ascii'))
			.digest('hex')
			.toUpperCase();

	test('api4/Access: challenge, link with the salted password, access status', async () => {
		const status = (userId) =>
			api('GET', '/api4/Access/GetUserAccessStatus', {
				query: {
					ClientKey: CLIENT.clientKey,
					applicationKey: CLIENT.clientKey,
					userId: String(userId),
				},
			});
		assert.equal(
			(await status(SEED.legacyAdminUserId)).body.userStatus,
			'OrganizationNotConnected',
		);
		assert.deepEqual((await status(SEED.contactId)).body, {
			userId: SEED.contactId,
			organizationOK: true,
			userOK: true,
			userStatus: 'ContactWithLogin',
		});
		const challenged = async () => {
			const res = await api('POST', '/api4/Access/PartnerChallenge', {
				body: { ApplicationKey: CLIENT.clientKey, Random: '4242' },
			});
			return res.body.replace(/[\s"{}]/g, '');
		};
		const link = (password, challenge, random = '4242') =>
			api('POST', '/api4/Access/PartnerLinkOrganizationToApplication', {
				body: {
					ClientKey: CLIENT.clientKey,
					ApplicationKey: CLIENT.clientKey,
					Username: SEED.legacyAdminUsername,
					PwdSalted: saltedPassword(password, challenge),
					Challenge: challenge,
					Random: random,
				},
			});
		const first = await challenged();
		assert.equal(
			(await link(SEED.legacyAdminPassword, first, '1')).body.resultCode,
			'ChallengeError',
		);
		// A challenge is used up by any link attempt with it.
		assert.equal((await link('wrong', first)).body.resultCode, 'UserAndPwdNotFound');
		assert.equal((await link(SEED.legacyAdminPassword, first)).body.resultCode, 'ChallengeError');
		assert.deepEqual((await link(SEED.legacyAdminPassword, await challenged())).body, {
			resultCode: 'OK',
			partnerId: SEED.partnerOrgId,
			organizationId: SEED.legacyOrgId,
			adminUserId: SEED.legacyAdminUserId,
		});
		assert.equal((await status(SEED.legacyAdminUserId)).body.userStatus, 'Administrator');
		await exchange(SEED.legacyAdminUserId); // now linked: tokens may be issued
	});

	test('WebServices V1: persons, departments, workouts, exercises in d.Data', async () => {
		const v1 = (service, method, body) =>
			api('POST', `/WebServices/V1/${service}.svc/${method}`, { ...asAdmin1, body });
		const list = await v1('Persons', 'GetListOfUsers', {
			unitId: '0',
			role: '16',
			page: '0',
			pagesize: '1000',
		});
		assert.deepEqual(
			list.body.d.Data.map((p) => p.Id),
			[SEED.contactId],
		);
		const numbers = await v1('Persons', 'GetListOfUsers', {
			unitId: 0,
			role: '16',
			page: '0',
			pagesize: '1000',
		});
		assert.match(numbers.body.Message, /unitId: Expected string, received number/);
		assert.equal(
			(await v1('Persons', 'GetPersonDetails', { personId: String(SEED.contactId) })).body.d.Data
				.Firstname,
			'Kari',
		);
		const created = await v1('Persons', 'SetPersonDetails', {
			person: {
				Id: 0,
				Firstname: 'Ola',
				Lastname: 'Nordmann',
				CustomId: 'c-9',
				Type: 16,
				IsActivated: 1,
				Sex: 1,
				CultureString: 'nb-NO',
			},
		});
		const id = created.body.d.Data;
		assert.ok(id > 0);
		assert.equal((await v1('Persons', 'ResolveCustomId', { customId: 'c-9' })).body.d.Data, id);
		assert.equal((await v1('Persons', 'ResolveCustomId', { customId: 'c-404' })).body.d.Data, 0);
		await v1('Persons', 'SetCustomId', { personId: String(id), customId: 'c-10' });
		assert.equal((await v1('Persons', 'ResolveCustomId', { customId: 'c-10' })).body.d.Data, id);
		assert.deepEqual(
			(await v1('Persons', 'SetUserDisabled', { personId: String(id), disabled: '1' })).body,
			{ d: null },
		);
		assert.equal(sandbox.state.exorlive.users.find((u) => u.Id === id).Disabled, true);
		await v1('Persons', 'MakeSureUserHasLoginAccess', { customId: 'crm-0002' });
		assert.equal(sandbox.state.exorlive.users.find((u) => u.Id === SEED.noLoginContactId).Role, 16);
		assert.equal((await v1('Core', 'GetListOfDepartments', {})).body.d.Data.length, 2);
		const workouts = await v1('Workouts', 'QueryWorkouts', {
			query: { Query: 'knee', Start: '0', Length: '20', Nested: 'true' },
		});
		assert.deepEqual(
			workouts.body.d.Data.map((w) => w.Id),
			[SEED.newWorkoutIds[0]],
		);
		const copy = await v1('Workouts', 'CopyWorkoutToUser', {
			workoutId: String(SEED.newWorkoutIds[0]),
			userId: String(SEED.contactId),
		});
		assert.ok(copy.body.d.Data > SEED.unsignedWorkoutId);
		assert.equal((await v1('Workouts', 'GetExercise', { id: '5491' })).body.d.Data.Title, 'Squat');
		const exercises = await v1('Workouts', 'QueryExercises', {
			query: { Query: 'squat', ReturnResult: 'true' },
		});
		assert.deepEqual(
			exercises.body.d.Data.map((e) => e.Id),
			[5491],
		);
		const unknown = await v1('Workouts', 'QueryExercises', { query: { Qeury: 'x' } });
		assert.match(unknown.body.Message, /Unrecognized key\(s\) in object: 'Qeury'/);
	});
});

describe('magic values and latency', () => {
	for (const status of MAGIC_STATUSES) {
		test(`error-${status} gets ${status} with an ExorLive { Message } body`, async () => {
			const res = await api('GET', '/api4/user/lookupuser', {
				...asAdmin1,
				query: { type: 'email', text: `error-${status}@x.example` },
			});
			assert.equal(res.status, status);
			assert.match(res.body.Message, new RegExp(`Simulated HTTP ${status}`));
			if (status === 429) assert.equal(res.headers['retry-after'], '1');
		});
	}

	test('magic values work in JSON bodies, form bodies and on the auth server', async () => {
		const body = await api('POST', '/api4/user/setuser', {
			...asAdmin1,
			body: { Id: 0, Firstname: 'error-409' },
		});
		assert.equal(body.status, 409);
		const auth = await send(
			`${sandbox.urls.exorliveAuth}/Providers/OAuth/Authorize.aspx?${authorizeQuery('error-500')}`,
		);
		assert.equal(auth.status, 500);
		const form = await send(`${sandbox.urls.exorliveAuth}/Providers/OAuth/Token.ashx`, {
			method: 'POST',
			form: { grant_type: 'authorization_code', code: 'error-422' },
		});
		assert.equal(form.status, 422);
	});

	test('latencyMs delays every vendor response', async () => {
		const slow = await startSandbox({ port: 0, latencyMs: 120 });
		try {
			const started = Date.now();
			const res = await send(`${slow.urls.exorliveApi}/api4/export/Ping?clientname=x`);
			assert.equal(res.status, 401);
			assert.ok(Date.now() - started >= 115, `took ${Date.now() - started} ms`);
		} finally {
			await slow.stop();
		}
	});

	test('control endpoints are not delayed: they answer while a vendor answer still waits', async () => {
		const slow = await startSandbox({ port: 0, latencyMs: 3000 });
		try {
			let vendorDone = false;
			const vendor = send(`${slow.urls.exorliveApi}/api4/export/Ping?clientname=x`).then(() => {
				vendorDone = true;
			});
			await send(`${slow.origin}/_sandbox/state`);
			assert.equal(vendorDone, false);
			await vendor;
		} finally {
			await slow.stop();
		}
	});
});

describe('workoutReady callback', () => {
	let target;
	const calls = [];
	before(async () => {
		target = http.createServer((req, res) => {
			calls.push(req.url);
			res.writeHead(req.url.includes('secret=right') ? 200 : 401);
			res.end();
		});
		await new Promise((resolve) => target.listen(0, '127.0.0.1', resolve));
	});
	after(() => new Promise((resolve) => target.close(resolve)));

	test('marks workouts ready and GETs the organization URL with event and userId appended', async () => {
		const base = `http://127.0.0.1:${target.address().port}/hook/`;
		await api('GET', '/api4/user/SetEventCallbackUrl', {
			...asAdmin1,
			query: { callbackUrl: `${base}?secret=right` },
		});
		const fired = await send(
			`${sandbox.origin}/_sandbox/exorlive/workoutReady?userId=${SEED.contactId}&workouts=2`,
			{
				method: 'POST',
			},
		);
		assert.equal(fired.status, 200);
		assert.equal(
			fired.body.callbackUrl,
			`${base}?secret=right&event=workoutReady&userId=${SEED.contactId}`,
		);
		assert.equal(fired.body.status, 200);
		assert.equal(fired.body.workoutIds.length, 2);
		assert.deepEqual(
			calls.at(-1),
			`/hook/?secret=right&event=workoutReady&userId=${SEED.contactId}`,
		);
		const ready = await api('GET', '/api4/export/GetAvailableWorkoutIds', {
			...asAdmin1,
			query: { clientname: CLIENT.clientName, contactId: String(SEED.contactId) },
		});
		assert.deepEqual(ready.body, [...SEED.newWorkoutIds, ...fired.body.workoutIds]);
		// The status the callback answered is passed on.
		await api('GET', '/api4/user/SetEventCallbackUrl', {
			...asAdmin1,
			query: { callbackUrl: base },
		});
		const refused = await send(
			`${sandbox.origin}/_sandbox/exorlive/workoutReady?userId=${SEED.contactId}`,
			{ method: 'POST' },
		);
		assert.deepEqual(
			[refused.body.status, refused.body.callbackUrl],
			[401, `${base}?event=workoutReady&userId=${SEED.contactId}`],
		);
	});

	test('404 without a registered URL or for an unknown user', async () => {
		const none = await send(
			`${sandbox.origin}/_sandbox/exorlive/workoutReady?userId=${SEED.contactId}`,
			{ method: 'POST' },
		);
		assert.equal(none.status, 404);
		assert.match(none.body.message, /No callback URL/);
		const unknown = await send(`${sandbox.origin}/_sandbox/exorlive/workoutReady?userId=1`, {
			method: 'POST',
		});
		assert.equal(unknown.status, 404);
		const badControl = await send(`${sandbox.origin}/_sandbox/exorlive/nothing`, {
			method: 'POST',
		});
		assert.equal(badControl.status, 404);
	});
});

test('credentials() gives an ExorLive (sandbox) credential with the credential type field names', () => {
	const credential = sandbox.credentials().find((c) => c.type === 'exorLiveApi');
	assert.equal(credential.name, 'ExorLive (sandbox)');
	assert.deepEqual(Object.keys(credential.data).sort(), [
		'adminUserId',
		'apiBaseUrl',
		'authBaseUrl',
		'clientKey',
		'clientName',
		'clientSecret',
		'jwtAlgorithm',
		'jwtEndpoint',
		'jwtKid',
		'jwtSharedSecret',
		'redirectUri',
	]);
	assert.equal(credential.data.apiBaseUrl, sandbox.urls.exorliveApi);
});
