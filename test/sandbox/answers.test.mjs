// The sandbox's documented mode (the default): every answer is what the vendor documents, or
// the least it could plausibly send; assumed answers come only when named (or all: `assumed`).
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
	EXOLINK_SEED as SEED,
	EXOLINK_TOKEN,
	EXORLIVE_CLIENT,
	EXORLIVE_SEED,
	startSandbox,
} from './index.mjs';
import { send } from './testing/client.mjs';

const auth = { authorization: `Bearer ${EXOLINK_TOKEN}` };
const started = [];
async function sandboxWith(answers) {
	const sandbox = await startSandbox({ port: 0, answers });
	started.push(sandbox);
	return sandbox;
}
after(async () => {
	for (const sandbox of started) await sandbox.stop();
});

const exolink = (sandbox, method, path, body) =>
	send(`${sandbox.urls.exolink}${path}`, { method, headers: auth, body });

const EXORLIVE_SCOPE =
	'read_profile read_workout read_master write_workout write_profile admin_user';
/** ExorLive's token flow for `userId`: the token answer. */
async function exorliveToken(sandbox, userId) {
	const query = new URLSearchParams({
		user_id: String(userId),
		response_type: 'code',
		client_id: EXORLIVE_CLIENT.clientKey,
		client_secret: EXORLIVE_CLIENT.clientSecret,
		redirect_uri: EXORLIVE_CLIENT.redirectUri,
		scope: EXORLIVE_SCOPE,
	});
	const { body } = await send(
		`${sandbox.urls.exorliveAuth}/Providers/OAuth/Authorize.aspx?${query}`,
	);
	return (
		await send(`${sandbox.urls.exorliveAuth}/Providers/OAuth/Token.ashx`, {
			method: 'POST',
			form: {
				grant_type: 'authorization_code',
				client_id: EXORLIVE_CLIENT.clientKey,
				client_secret: EXORLIVE_CLIENT.clientSecret,
				code: body.code,
				redirect_uri: EXORLIVE_CLIENT.redirectUri,
			},
		})
	).body;
}
/** `(method, path, { body, query, base })` against ExorLive's API as `userId`. */
async function exorliveAs(sandbox, userId) {
	const { access_token: token } = await exorliveToken(sandbox, userId);
	return (method, path, { body, query, base = 'exorliveApi' } = {}) =>
		send(`${sandbox.urls[base]}${path}${query ? `?${new URLSearchParams(query)}` : ''}`, {
			method,
			body,
			headers: {
				authorization: `Bearer ${token}`,
				'exorlive-client': EXORLIVE_CLIENT.clientName,
			},
		});
}
const [CUSTOMER] = EXORLIVE_SEED.customers;
const go = (name) => `/api4/client/go/${name}/4`;
const plan = (name) => `/api4/client/plantemplate/${name}/4`;
const v1 = (service, method) => `/WebServices/V1/${service}.svc/${method}`;
const newContact = { Id: 0, Firstname: 'Nora', Email: 'nora@nordic-physio.example', Role: 16 };

describe('documented mode (default)', () => {
	let sandbox;
	before(async () => {
		sandbox = await sandboxWith(undefined);
	});

	test('says so, and lists every assumption as off', async () => {
		assert.equal(sandbox.answers, 'documented');
		const { body } = await send(`${sandbox.origin}/_sandbox/assumptions`);
		assert.ok(body.length >= 10);
		for (const entry of body) {
			assert.equal(entry.on, false, entry.name);
			assert.match(entry.name, /^(epilot|exolink|exorlive)\.[A-Za-z]+$/);
			assert.ok(entry.vendorSays.length > 10 && entry.weAssume.length > 5, entry.name);
		}
	});

	test('Exolink answers with no documented body are empty, with the same status', async () => {
		const invite = await exolink(sandbox, 'POST', `/tenant/${SEED.tenant}/invite`, {
			receiver: 'new@company.example',
			role: 'user',
			language: 'en',
		});
		assert.equal(invite.status, 201);
		assert.equal(invite.text, '');
		for (const [method, path, body] of [
			['PUT', `/tenant/${SEED.tenant}`, { name: 'Renamed' }],
			['GET', `/tenant/${SEED.tenant}/stats`],
			['GET', `/tenant/${SEED.tenant}/metrics`],
			['POST', `/tenant/${SEED.tenant}/ips`, { ip: '198.51.100.7' }],
			['PUT', `/user/${SEED.users.user}`, { givenName: 'Robert' }],
			['POST', `/tenant/${SEED.tenant}/cpms`, { displayName: 'B', url: 'wss://b.example/ocpp' }],
		]) {
			const answer = await exolink(sandbox, method, path, body);
			assert.ok(answer.status < 300, `${method} ${path}: ${answer.status}`);
			assert.equal(answer.text, '', `${method} ${path}`);
		}
	});

	test('an invited user is not listed until it accepts, then with documented fields only', async () => {
		const invite = await exolink(sandbox, 'POST', `/tenant/${SEED.tenant}/invite`, {
			receiver: 'later@company.example',
			role: 'viewer',
			language: 'en',
		});
		assert.equal(invite.status, 201);
		const invitee = async () =>
			(await exolink(sandbox, 'GET', `/tenant/${SEED.tenant}/user`)).body.find(
				(user) => user.username === 'later@company.example',
			);
		assert.equal(await invitee(), undefined);
		const accepted = await send(`${sandbox.origin}/_sandbox/exolink/accept`, {
			method: 'POST',
			body: { tenant: SEED.tenant, email: 'later@company.example' },
		});
		assert.equal(accepted.status, 200);
		const listed = await invitee();
		assert.deepEqual(Object.keys(listed).sort(), ['role', 'userId', 'username']);
		assert.deepEqual([listed.userId, listed.role], [accepted.body.userId, 'viewer']);
	});

	test('lists of undocumented shape are empty; chargers carry only the documented fields', async () => {
		const ips = await exolink(sandbox, 'GET', `/tenant/${SEED.tenant}/ips`);
		assert.deepEqual(ips.body, []);
		const chargers = await exolink(sandbox, 'GET', `/tenant/${SEED.tenant}/charger`);
		assert.equal(chargers.body.length, 2);
		for (const charger of chargers.body) {
			assert.equal(charger.createdAt, undefined);
			assert.equal(charger.updatedAt, undefined);
			assert.equal(typeof charger.chargePointVendor, 'string');
		}
	});

	test('Exolink errors carry only a message', async () => {
		const { status, body } = await exolink(sandbox, 'GET', '/tenant/nope');
		assert.equal(status, 404);
		assert.deepEqual(body, { message: 'Tenant nope not found' });
	});

	test('epilot answers are cut to what the spec documents', async () => {
		const { body } = await send(`${sandbox.urls.epilot}/v2/partners/${'200001'}/roles`, {
			headers: { authorization: 'Bearer sandbox-epilot-token' },
		});
		assert.ok(Array.isArray(body.results) && body.results.length > 0);
	});
});

describe('ExorLive documented mode', () => {
	let sandbox;
	let admin;
	let customerAdmin;
	let contact;
	before(async () => {
		sandbox = await sandboxWith('documented');
		admin = await exorliveAs(sandbox, EXORLIVE_SEED.adminUserId);
		customerAdmin = await exorliveAs(sandbox, CUSTOMER.adminUserId);
		contact = await exorliveAs(sandbox, EXORLIVE_SEED.contactId);
	});

	test('documented answers stay as they are: the token answer, GetUserAccessStatus', async () => {
		const token = await exorliveToken(sandbox, EXORLIVE_SEED.adminUserId);
		assert.deepEqual(Object.keys(token).sort(), [
			'access_token',
			'expires_in',
			'refresh_token',
			'scope',
			'token_type',
		]);
		assert.equal(token.expires_in, '7200');
		const status = await admin('GET', '/api4/Access/GetUserAccessStatus', {
			query: { ClientKey: EXORLIVE_CLIENT.clientKey, userId: String(CUSTOMER.adminUserId) },
		});
		assert.deepEqual(status.body, {
			userId: CUSTOMER.adminUserId,
			organizationOK: true,
			userOK: true,
			userStatus: 'Administrator',
		});
	});

	test('answers with no documented body are empty, with the same status', async () => {
		const calls = [
			[customerAdmin, 'POST', '/api4/user/setuser', { body: newContact }],
			[
				customerAdmin,
				'POST',
				'/api4/user/setuser',
				{ body: { Id: EXORLIVE_SEED.contactId, City: 'Bergen' } },
			],
			[
				customerAdmin,
				'POST',
				'/webservices/AuthenticationService.svc/GetAuthKey',
				{ body: { userId: String(EXORLIVE_SEED.contactId) }, base: 'exorliveAuth' },
			],
			[
				customerAdmin,
				'GET',
				'/api4/export/Ping',
				{ query: { clientname: EXORLIVE_CLIENT.clientName } },
			],
			[contact, 'GET', go('loadall')],
			[
				contact,
				'GET',
				go('workout'),
				{ query: { workoutId: String(EXORLIVE_SEED.newWorkoutIds[0]) } },
			],
			[
				contact,
				'POST',
				go('copyworkouttouser'),
				{ body: { WorkoutId: EXORLIVE_SEED.newWorkoutIds[0], UserId: EXORLIVE_SEED.contactId } },
			],
			[
				customerAdmin,
				'POST',
				v1('Persons', 'SetCustomId'),
				{ body: { personId: '600104', customId: 'crm-9' } },
			],
			[
				customerAdmin,
				'POST',
				v1('Persons', 'SetUserDisabled'),
				{ body: { personId: '600104', disabled: '0' } },
			],
			[
				customerAdmin,
				'POST',
				v1('Persons', 'MakeSureUserHasLoginAccess'),
				{ body: { customId: 'crm-9' } },
			],
			[customerAdmin, 'POST', v1('Workouts', 'GetExercise'), { body: { id: '5491' } }],
		];
		for (const [as, method, path, options] of calls) {
			const answer = await as(method, path, options);
			assert.equal(answer.status, 200, `${method} ${path}: ${answer.text}`);
			assert.equal(answer.text, '', `${method} ${path}`);
		}
		// The writes happened all the same.
		const { users } = sandbox.state.exorlive;
		assert.ok(users.some((u) => u.Email === newContact.Email));
		assert.equal(users.find((u) => u.Id === EXORLIVE_SEED.contactId).City, 'Bergen');
	});

	test('lists of undocumented items are empty; partly documented answers keep only the named fields', async () => {
		for (const [path, query] of [
			[go('workouts')],
			[go('workoutsbytags'), { tags: 'knee' }],
			[go('activitiestodo')],
			[go('activitiesbyworkout'), { workoutId: String(EXORLIVE_SEED.newWorkoutIds[0]) }],
			[plan('getalltags')],
			[plan('getplantemplates'), { query: '' }],
			[plan('getplantemplatesbytag'), { tags: 'knee' }],
		]) {
			const answer = await contact('GET', path, { query });
			assert.deepEqual([answer.status, answer.body], [200, []], path);
		}
		for (const [service, method, body] of [
			['Core', 'GetListOfDepartments', {}],
			['Workouts', 'QueryWorkouts', { query: {} }],
			['Workouts', 'QueryExercises', { query: {} }],
		]) {
			const answer = await customerAdmin('POST', v1(service, method), { body });
			assert.deepEqual(answer.body, { d: { Data: [] } }, method);
		}
		const related = await contact('GET', go('relatedExercises'), {
			query: { SourceMasterExerciseId: '5491' },
		});
		assert.ok(related.body.length > 0);
		for (const exercise of related.body) assert.deepEqual(Object.keys(exercise), ['Id', 'Rating']);
		const exerciseId = EXORLIVE_SEED.newWorkoutIds[0] * 10 + 1;
		const exercise = await contact('POST', go('exercise'), {
			body: { Id: exerciseId, Completed: true },
		});
		assert.deepEqual(exercise.body, { Id: exerciseId, Completed: true });
		const activity = await contact('POST', go('activity'), {
			body: { Id: 0, WorkoutId: EXORLIVE_SEED.newWorkoutIds[0], Date: '2026-02-01' },
		});
		assert.deepEqual(Object.keys(activity.body), ['Id']);
		assert.ok(activity.body.Id > 0);
	});

	test('lookup: one user as the object, several as a list, none as an empty answer', async () => {
		const one = await customerAdmin('GET', '/api4/user/lookupuser', {
			query: { type: 'email', text: EXORLIVE_SEED.contactEmail },
		});
		assert.equal(one.body.Id, EXORLIVE_SEED.contactId);
		assert.equal(Array.isArray(one.body), false);
		const several = await customerAdmin('GET', '/api4/user/lookupuser', {
			query: { type: 'name', text: 'n' },
		});
		assert.ok(Array.isArray(several.body) && several.body.length > 1);
		const none = await customerAdmin('GET', '/api4/user/lookupuser', {
			query: { type: 'email', text: 'nobody@nordic-physio.example' },
		});
		assert.deepEqual([none.status, none.text], [200, '']);
	});

	test('admin user id and Go invitation link: the bare value; nothing for an unapproved organization', async () => {
		const access = (externalOrganizatonId) =>
			admin('GET', '/osloapi/access/RequestAPIAccessForPartnerOrganizationAndGetAdminUserId', {
				query: { partnerApiKey: EXORLIVE_CLIENT.clientKey, externalOrganizatonId },
			});
		assert.equal((await access(CUSTOMER.externalId)).body, CUSTOMER.adminUserId);
		const unapproved = await access(`${EXORLIVE_SEED.unapprovedPrefix}x`);
		assert.deepEqual([unapproved.status, unapproved.text], [200, '']);
		const link = await customerAdmin('GET', '/osloapi/access/GetGoInvitationLink', {
			query: { contactUserId: String(EXORLIVE_SEED.contactId) },
		});
		assert.match(link.body, /^http:\/\/127\.0\.0\.1:\d+\/exorlive\/api\/m\/#\/invite\/\S+$/);
	});

	test('the Partner JWT link answers the HTML page of a form POST, and still approves the organization', async () => {
		const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
		const input = `${b64({ alg: 'HS256', kid: EXORLIVE_CLIENT.jwtKid })}.${b64({
			organizationId: 'documented-org',
			organizationName: 'Documented Clinic',
			employeeId: 'e-1',
			employeeFirstname: 'Erik',
			employeeLastname: 'Employee',
			contact: { id: 'c-1', firstname: 'Cora', lastname: 'Contact' },
		})}`;
		const signature = createHmac('sha256', EXORLIVE_CLIENT.jwtSharedSecret)
			.update(input)
			.digest('base64url');
		const answer = await send(`${sandbox.urls.exorliveSso}/partner/payload`, {
			method: 'POST',
			form: { payload: `${input}.${signature}` },
		});
		assert.equal(answer.status, 200);
		assert.match(answer.headers['content-type'], /^text\/html/);
		assert.match(answer.text, /^<!DOCTYPE html>/);
		// The AJAX variant is documented to return the URL to open.
		const ajax = await send(`${sandbox.urls.exorliveSso}/partner/payload`, {
			method: 'POST',
			headers: { 'x-requested-with': 'XMLHttpRequest' },
			form: { payload: `${input}.${signature}` },
		});
		assert.equal(ajax.status, 200);
		assert.match(
			ajax.text,
			/^http:\/\/127\.0\.0\.1:\d+\/exorlive\/api\/app\/\?selectedPersonId=\d+#Workouts$/,
		);
		assert.ok(sandbox.state.exorlive.orgs.some((o) => o.externalId === 'documented-org'));
	});

	test('OAuth errors carry only a Message, like every other ExorLive error', async () => {
		const query = new URLSearchParams({
			user_id: String(EXORLIVE_SEED.adminUserId),
			response_type: 'code',
			client_id: EXORLIVE_CLIENT.clientKey,
			client_secret: 'wrong',
			redirect_uri: EXORLIVE_CLIENT.redirectUri,
			scope: EXORLIVE_SCOPE,
		});
		const denied = await send(
			`${sandbox.urls.exorliveAuth}/Providers/OAuth/Authorize.aspx?${query}`,
		);
		assert.deepEqual([denied.status, denied.body], [401, { Message: 'invalid_client' }]);
	});
});

describe('assumptions chosen by name', () => {
	test('only the named assumption is on', async () => {
		const sandbox = await sandboxWith('exolink.inviteAnswer');
		assert.equal(sandbox.answers, 'exolink.inviteAnswer');
		const invite = await exolink(sandbox, 'POST', `/tenant/${SEED.tenant}/invite`, {
			receiver: 'named@company.example',
			role: 'viewer',
			language: 'de',
		});
		assert.equal(invite.body.username, 'named@company.example');
		assert.equal(invite.body.status, 'pending');
		const error = await exolink(sandbox, 'GET', '/tenant/nope');
		assert.deepEqual(Object.keys(error.body), ['message']);
		const { body } = await send(`${sandbox.origin}/_sandbox/assumptions`);
		assert.deepEqual(
			body.filter((entry) => entry.on).map((entry) => entry.name),
			['exolink.inviteAnswer'],
		);
	});

	test('exolink.inviteeListed: the invitee is listed at once with the role of the invitation, documented fields only', async () => {
		const sandbox = await sandboxWith('exolink.inviteeListed');
		const invite = await exolink(sandbox, 'POST', `/tenant/${SEED.tenant}/invite`, {
			receiver: 'new@company.example',
			role: 'user',
			language: 'en',
		});
		assert.deepEqual([invite.status, invite.text], [201, '']);
		const { body } = await exolink(sandbox, 'GET', `/tenant/${SEED.tenant}/user`);
		const invited = body.find((user) => user.username === 'new@company.example');
		assert.deepEqual(Object.keys(invited).sort(), ['role', 'userId', 'username']);
		assert.equal(invited.role, 'user');
		const setRole = await exolink(sandbox, 'PUT', `/tenant/${SEED.tenant}/user/${invited.userId}`, {
			role: 'viewer',
		});
		assert.equal(setRole.status, 204);
	});

	test('an ExorLive assumption by name: SetUser answers the saved user, the rest stays documented', async () => {
		const sandbox = await sandboxWith('exorlive.setUserAnswer');
		const customerAdmin = await exorliveAs(sandbox, CUSTOMER.adminUserId);
		const saved = await customerAdmin('POST', '/api4/user/setuser', { body: newContact });
		assert.equal(saved.body.Email, newContact.Email);
		assert.ok(saved.body.Id > 0);
		const found = await customerAdmin('GET', '/api4/user/lookupuser', {
			query: { type: 'id', text: String(saved.body.Id) },
		});
		assert.equal(found.body.Id, saved.body.Id);
		const ping = await customerAdmin('GET', '/api4/export/Ping', {
			query: { clientname: EXORLIVE_CLIENT.clientName },
		});
		assert.equal(ping.text, '');
		const { body } = await send(`${sandbox.origin}/_sandbox/assumptions`);
		assert.deepEqual(
			body.filter((entry) => entry.on).map((entry) => entry.name),
			['exorlive.setUserAnswer'],
		);
	});

	test('`assumed` turns every assumption on', async () => {
		const sandbox = await sandboxWith('assumed');
		const error = await exolink(sandbox, 'GET', '/tenant/nope');
		assert.deepEqual(error.body, {
			statusCode: 404,
			error: 'Not Found',
			message: 'Tenant nope not found',
		});
		const ips = await exolink(sandbox, 'GET', `/tenant/${SEED.tenant}/ips`);
		assert.equal(ips.body[0].id, SEED.ipEntry);
	});

	test('an unknown assumption name is refused at start', async () => {
		await assert.rejects(startSandbox({ port: 0, answers: 'exolink.noSuchThing' }), {
			message: /Unknown sandbox assumption "exolink.noSuchThing"/,
		});
	});
});
