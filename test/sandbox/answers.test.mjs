// The sandbox's documented mode (the default): every answer is what the vendor documents, or
// the least it could plausibly send; assumed answers come only when named (or all: `assumed`).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EXOLINK_SEED as SEED, EXOLINK_TOKEN, startSandbox } from './index.mjs';
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

	test('the invited user is listed by the documented tenant-user list, with documented fields only', async () => {
		const { body } = await exolink(sandbox, 'GET', `/tenant/${SEED.tenant}/user`);
		const invited = body.find((user) => user.username === 'new@company.example');
		assert.deepEqual(Object.keys(invited).sort(), ['role', 'userId', 'username']);
		assert.equal(invited.role, 'user');
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
