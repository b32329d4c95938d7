/** ExorLive Trigger: calls from ExorLive start the workflow; forged calls are refused. */
import {
	activated,
	assertNothingSecret,
	itemsOf,
	registeredUrls,
	setup,
	splitSecret,
	workoutReady,
} from './suite';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('ExorLive Trigger: receiving calls', () => {
	it('a call with the secret emits one item { event, userId, receivedAt } and nothing of the query besides', async () => {
		const env = await setup();
		const secret = await activated(env);

		const call = await env.trigger.call({ ...workoutReady(secret, '1234'), source: 'exorlive' });

		expect(call.status).toBeUndefined();
		expect(call.error).toBeUndefined();
		const items = itemsOf(call);
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			event: 'workoutReady',
			userId: 1234,
			receivedAt: expect.stringMatching(ISO_TIME),
		});
		expect(items[0].binary).toBeUndefined();
		// Only the registration went to ExorLive: no download unless asked for.
		expect(env.api.requests).toHaveLength(1);
		assertNothingSecret(call, [secret]);
	});

	it.each([
		['without a secret', undefined],
		['with a wrong secret', 'wrong-secret'],
		['with an empty secret', ''],
	])('a call %s is answered 401 and starts nothing', async (_title, given) => {
		const env = await setup({ downloadWorkouts: true });
		const secret = await activated(env);

		const call = await env.trigger.call(workoutReady(given));

		expect(call.status).toBe(401);
		expect(call.body).toEqual({ message: 'Unauthorized' });
		expect(call.result).toEqual({ noWebhookResponse: true });
		expect(itemsOf(call)).toEqual([]);
		// Nothing was fetched for a forged call.
		expect(env.api.requests).toHaveLength(1);
		assertNothingSecret(call, [secret]);
	});

	it('a call with the secret of another registration is refused', async () => {
		const env = await setup();
		const first = await activated(env);
		await env.trigger.deactivate();
		await activated(env);

		const call = await env.trigger.call(workoutReady(first));

		expect(call.status).toBe(401);
		expect(itemsOf(call)).toEqual([]);
	});

	it('after deactivation every call is refused, even with the old secret', async () => {
		const env = await setup();
		const secret = await activated(env);
		await env.trigger.deactivate();

		const call = await env.trigger.call(workoutReady(secret));

		expect(call.status).toBe(401);
		expect(itemsOf(call)).toEqual([]);
	});

	it("in the editor's test mode the test URL's secret is accepted and the production secret is not", async () => {
		const env = await setup();
		const production = await activated(env);
		env.api.reply({ status: 200, body: '' });
		await env.trigger.activate({ test: true });
		const { secret } = splitSecret(registeredUrls(env.api)[1]);

		const valid = await env.trigger.call(workoutReady(secret, '77'), { test: true });
		expect(itemsOf(valid).map((item) => item.json.userId)).toEqual([77]);

		const crossed = await env.trigger.call(workoutReady(production), { test: true });
		expect(crossed.status).toBe(401);

		// The end of the test listen forgets the test secret; production keeps its own.
		await env.trigger.deactivate({ test: true });
		expect((await env.trigger.call(workoutReady(secret), { test: true })).status).toBe(401);
		expect(itemsOf(await env.trigger.call(workoutReady(production)))).toHaveLength(1);
	});

	it('an event other than workoutReady, or a non-numeric user id, is passed on as it came', async () => {
		const env = await setup({ downloadWorkouts: true });
		const secret = await activated(env);

		const call = await env.trigger.call({ secret, event: 'somethingElse', userId: 'abc' });

		expect(itemsOf(call).map((item) => item.json)).toEqual([
			{ event: 'somethingElse', userId: 'abc', receivedAt: expect.stringMatching(ISO_TIME) },
		]);
		// Only workoutReady downloads workouts.
		expect(env.api.requests).toHaveLength(1);
	});
});
