// Self-test of the sandbox's inbox, the stand-in for a user's own system in the examples.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { request } from 'undici';
import { startSandbox } from './index.mjs';

let sandbox;
before(async () => {
	sandbox = await startSandbox({ port: 0 });
});
after(() => sandbox.stop());

test('the inbox keeps what it receives until reset', async () => {
	const pdf = Buffer.from('%PDF-1.4 tiny');
	const res = await request(`${sandbox.origin}/_sandbox/inbox?workoutId=7`, {
		method: 'POST',
		headers: { 'content-type': 'application/pdf' },
		body: pdf,
	});
	assert.equal(res.statusCode, 201);
	assert.deepEqual(await res.body.json(), { received: pdf.length });
	const list = await (await request(`${sandbox.origin}/_sandbox/inbox`)).body.json();
	assert.equal(list.length, 1);
	assert.deepEqual(list[0].query, { workoutId: '7' });
	assert.equal(list[0].contentType, 'application/pdf');
	assert.equal(list[0].head, '%PDF-1.4');
	assert.equal(sandbox.inbox.length, 1);
	sandbox.reset();
	assert.equal(sandbox.inbox.length, 0);
});
