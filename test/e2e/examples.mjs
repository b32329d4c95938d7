// What the end-to-end runs check about the example workflows, shared by the single-process run
// (test/e2e/n8n.test.mjs) and the queue-mode run (test/scale/queue.test.mjs): what each example
// must have done to its outputs and to the sandbox, and the calls that start or inspect them.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { request } from 'undici';
import { N8N_BIN } from '../../scripts/n8n.mjs';
import { EPILOT_SEED, EXOLINK_SEED, EXORLIVE_SEED } from '../sandbox/index.mjs';
import { eventually, outputOf } from './helpers.mjs';

/** A webhook call's body for the epilot onboarding example, without the new user's email. */
export const onboardingInput = {
	partnerId: EPILOT_SEED.partnerPending,
	orgId: EPILOT_SEED.partnerOrgId,
	roleIds: EPILOT_SEED.roles,
};

/** The epilot onboarding chain invited the partner, created `email`'s user and gave it the roles. */
export function checkEpilotOnboarding(run, sandbox, email) {
	const [invited] = outputOf(run, 'Invite Partner');
	assert.equal(invited.status, 'Invited');
	const [user] = outputOf(run, 'Create Partner User');
	assert.equal(user.status, 'Pending');
	const [assigned] = outputOf(run, 'Assign Roles');
	assert.deepEqual(
		assigned.results.map((r) => [r.roleId, r.success]),
		EPILOT_SEED.roles.map((id) => [id, true]),
	);
	checkOnboarded(sandbox, email);
}

/** In the sandbox: the partner is invited, `email`'s user exists with both roles. */
export function checkOnboarded(sandbox, email) {
	const { partners, orgs } = sandbox.state.epilot;
	const partner = partners.find((p) => p.id === EPILOT_SEED.partnerPending);
	assert.equal(partner.status, 'Invited');
	assert.ok(partner.invitation_token);
	const created = orgs[0].users.find((u) => u.email === email);
	assert.equal(created?.status, 'Pending', `no user ${email}`);
	assert.deepEqual(created.roleIds, EPILOT_SEED.roles);
	// Every epilot request carried the credential's token.
	const epilot = sandbox.requests.filter((r) => r.vendor === 'epilot');
	assert.ok(epilot.every((r) => r.authorization === 'Bearer sandbox-epilot-token'));
}

/**
 * The ExorLive chain: for each of the three customer organizations a new organization, its
 * contact and an invitation link, with one token exchange per admin user (the first ExorLive
 * run after a sandbox reset).
 */
export function checkExorliveContacts(run, sandbox) {
	const customers = outputOf(run, 'One Item per Customer');
	assert.equal(customers.length, 3);
	const admins = outputOf(run, 'Get Admin User ID');
	assert.deepEqual(
		admins.map((a) => a.externalOrganizationId),
		customers.map((c) => c.externalOrganizationId),
	);
	const links = outputOf(run, 'Get Invitation Link');
	assert.equal(links.length, 3);
	const { orgs, users, exchangesByUser } = sandbox.state.exorlive;
	for (const [index, customer] of customers.entries()) {
		// A new approved organization per customer, with the contact created inside it.
		const org = orgs.find((o) => o.externalId === customer.externalOrganizationId);
		assert.equal(org.adminUserId, admins[index].adminUserId);
		const contact = users.find((u) => u.Email === customer.email);
		assert.equal(contact.OrganizationId, org.id);
		assert.equal(links[index].contactUserId, contact.Id);
		assert.match(links[index].invitationLink, /^https?:\/\//);
		// One token for that organization's admin, reused by lookup, create and link.
		assert.equal(exchangesByUser[admins[index].adminUserId], 1);
	}
	assert.equal(exchangesByUser[EXORLIVE_SEED.adminUserId], 1);
	assert.equal(sandbox.state.exorlive.tokenExchanges, 4);
	return admins.map((a) => a.adminUserId);
}

/**
 * The Exolink invite example invited its user to the tenant as viewer: Exolink answers without a
 * body (`{ invited: true }`), and the invitee is not a tenant user before accepting. Returns the
 * pending member.
 */
export function checkExolinkInvite(run, sandbox) {
	assert.deepEqual(outputOf(run, 'Create Invite'), [{ invited: true }]);
	const tenant = sandbox.state.exolink.tenants.find((t) => t.domainPrefix === EXOLINK_SEED.tenant);
	const invitee = sandbox.state.exolink.users.find(
		(u) => u.email === 'new.colleague@company.example',
	);
	const member = tenant.members.find((m) => m.userId === invitee?.userId);
	assert.equal(member?.status, 'pending');
	assert.equal(member.role, 'viewer');
	assert.ok(sandbox.requests.every((r) => r.authorization === 'Bearer sandbox-exolink-token'));
	return member;
}

/**
 * Calls the epilot onboarding webhook at `origin` for `email` and checks the answer: the
 * per-role results of the last node.
 */
export async function callOnboardingWebhook(origin, email) {
	const res = await request(`${origin}/webhook/epilot-partner-onboarding`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ ...onboardingInput, email }),
		headersTimeout: 60_000,
		bodyTimeout: 60_000,
	});
	const body = await res.body.json();
	assert.equal(res.statusCode, 200, JSON.stringify(body));
	assert.deepEqual(
		body.results.map((r) => r.success),
		[true, true],
	);
	return body;
}

/**
 * Registration of the ExorLive Trigger example: the customer organization's callback URL points
 * at `webhookOrigin` and carries a secret of at least 32 characters. Returns the URL.
 */
export function registeredCallback(sandbox, webhookOrigin) {
	const customer = EXORLIVE_SEED.customers[0];
	const org = sandbox.state.exorlive.orgs.find((o) => o.id === customer.orgId);
	assert.ok(org.callbackUrl, 'no callback URL registered for the customer organization');
	const registered = new URL(org.callbackUrl);
	assert.equal(registered.origin, webhookOrigin);
	assert.ok(registered.searchParams.get('secret')?.length >= 32, 'no secret in the URL');
	return registered;
}

/**
 * Calls the registered trigger URL without and with a wrong secret, as a forger would; n8n must
 * answer 401 to both.
 */
export async function checkForgedCallsRejected(registered) {
	for (const secret of [undefined, 'wrong-secret']) {
		const forged = new URL(registered);
		if (secret) forged.searchParams.set('secret', secret);
		else forged.searchParams.delete('secret');
		forged.searchParams.set('event', 'workoutReady');
		forged.searchParams.set('userId', String(EXORLIVE_SEED.contactId));
		const res = await request(forged);
		await res.body.text();
		assert.equal(res.statusCode, 401, `${secret ?? 'no secret'}: ${res.statusCode}`);
	}
}

/**
 * Has the sandbox's ExorLive call the registered trigger back for one new workout, and checks
 * that the workflow forwarded every ready workout's PDF to the inbox and acknowledged it.
 */
export async function fireWorkoutReady(sandbox) {
	const fired = await request(
		`${sandbox.origin}/_sandbox/exorlive/workoutReady?userId=${EXORLIVE_SEED.contactId}&workouts=1`,
		{ method: 'POST', headersTimeout: 60_000, bodyTimeout: 60_000 },
	);
	const answer = await fired.body.json();
	assert.equal(fired.statusCode, 200, JSON.stringify(answer));
	assert.equal(answer.status, 200, JSON.stringify(answer));
	const ready = [...EXORLIVE_SEED.newWorkoutIds, ...answer.workoutIds];
	// The workflow forwards each PDF to the inbox, then acknowledges it.
	await eventually(() => {
		const received = sandbox.inbox.map((entry) => Number(entry.query.workoutId)).sort();
		assert.deepEqual(received, [...ready].sort());
		for (const id of ready) {
			const workout = sandbox.state.exorlive.workouts.find((w) => w.Id === id);
			assert.equal(workout.Acknowledged, true, `workout ${id} not acknowledged`);
		}
	});
	assert.ok(sandbox.inbox.every((entry) => entry.head.startsWith('%PDF') && entry.size > 100));
	assert.ok(sandbox.inbox.every((entry) => entry.query.userId === String(EXORLIVE_SEED.contactId)));
	return ready;
}

/** Logs in to n8n's REST API as `owner`; returns the session cookie. */
export async function login(origin, owner) {
	const res = await request(`${origin}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	await res.body.text();
	assert.equal(res.statusCode, 200);
	return [res.headers['set-cookie']]
		.flat()
		.map((c) => c.split(';')[0])
		.join('; ');
}

/**
 * Executions n8n has stored (the REST API the editor uses), newest first: at most `limit`, which
 * n8n 2.41 caps at 100.
 */
export async function listExecutions(origin, cookie, { workflowId, limit = 100 } = {}) {
	const query = new URLSearchParams({ limit: String(limit) });
	if (workflowId) query.set('filter', JSON.stringify({ workflowId }));
	const res = await request(`${origin}/rest/executions?${query}`, { headers: { cookie } });
	const body = await res.body.json();
	assert.equal(res.statusCode, 200, JSON.stringify(body));
	return body.data?.results ?? body.data ?? [];
}

// n8n's own serializer for the execution data its REST API sends.
const flatted = createRequire(N8N_BIN)('flatted');

/** One execution with its run data (n8n's run format), from the REST API. */
export async function executionWithData(origin, cookie, id) {
	const res = await request(`${origin}/rest/executions/${id}`, { headers: { cookie } });
	const body = await res.body.json();
	assert.equal(res.statusCode, 200, JSON.stringify(body));
	return { ...body.data, data: flatted.parse(body.data.data) };
}

/**
 * The invited person accepts (the sandbox's documented way, `POST /_sandbox/<vendor>/accept`);
 * returns the sandbox's answer (the user as the vendor now lists it).
 */
export async function acceptInvitation(sandbox, vendor, body) {
	const res = await request(`${sandbox.origin}/_sandbox/${vendor}/accept`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const answer = await res.body.json();
	assert.equal(res.statusCode, 200, JSON.stringify(answer));
	return answer;
}
