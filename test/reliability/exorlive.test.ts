/**
 * ExorLive guarantees beyond the shared ones: the token exchange gives up after the node's
 * Timeout, and the trigger does not deliver a replayed callback twice.
 */
import type { IDataObject } from 'n8n-workflow';
import { runNode } from '../harness/engine';
import { startSilentServer, type SilentServer } from '../harness/silent-server';
import { ApiMock } from '../harness/http';
import { API_ORIGIN, credentialData } from '../exorlive/suite';
import {
	activated,
	exporter,
	itemsOf,
	REGISTER_PATH,
	setup,
	workoutReady,
} from '../exorlive-trigger/suite';

describe('ExorLive token exchange honours the Timeout', () => {
	let server: SilentServer;
	let authBaseUrl: string;

	beforeAll(async () => {
		server = await startSilentServer();
		authBaseUrl = server.origin;
	});

	afterAll(async () => {
		await server.stop();
	});

	it.each([
		['a user acted as', { actAsUserId: '101' }, 'stored-admin'],
		["the credential's own admin user", {}, ''],
	])(
		'getting a token for %s: an Authorize.aspx that never answers fails within the 2 s Timeout, naming the Auth Base URL',
		async (_title, actAs, accessToken) => {
			const api = new ApiMock(API_ORIGIN);
			const started = Date.now();
			const result = await runNode({
				node: 'exorLive',
				parameters: {
					resource: 'user',
					operation: 'lookup',
					type: 'id',
					text: '101',
					...actAs,
					requestOptions: { timeout: 2000 },
				},
				credentials: { exorLiveApi: credentialData({ authBaseUrl, accessToken }) },
			});
			const elapsed = Date.now() - started;
			expect(result.error?.message).toContain(
				`Authorize.aspx did not answer within 2 s (Auth Base URL ${authBaseUrl})`,
			);
			expect(api.requests).toEqual([]);
			expect(elapsed).toBeLessThan(5000);
		},
	);
});

describe('ExorLive Get Workout PDF checks its output field before downloading', () => {
	it('an empty Put Output File in Field fails naming the field, and nothing is downloaded', async () => {
		const api = new ApiMock(API_ORIGIN);
		const result = await runNode({
			node: 'exorLive',
			parameters: {
				resource: 'workoutExport',
				operation: 'getWorkoutPdf',
				workoutId: 5001,
				binaryPropertyName: ' ',
			},
			credentials: { exorLiveApi: credentialData({ accessToken: 'stored-admin' }) },
		});
		expect(result.error?.message).toContain('Put Output File in Field');
		expect(api.requests).toEqual([]);
	});
});

describe('ExorLive Trigger: a replayed callback starts no second execution', () => {
	const CONTACT = 2001;
	const listed = (id: number): IDataObject => ({
		Id: id,
		Title: `Workout ${id}`,
		ContactId: CONTACT,
	});
	const available = (ids: number[]) =>
		exporter(
			'GetAvailableWorkouts',
			{ scope: 'new', contactId: String(CONTACT) },
			{ body: ids.map(listed) },
		);
	const pdf = (id: number) =>
		exporter(
			'GetWorkoutPDF',
			{ workoutId: String(id) },
			{
				body: { ...listed(id), PdfBase64: Buffer.from(`%PDF ${id}`).toString('base64') },
			},
		);

	it('without Acknowledge After Download, the same call twice delivers each workout once', async () => {
		const env = await setup({ downloadWorkouts: true, acknowledge: false });
		const secret = await activated(env);
		env.api.expect(available([11, 12]), pdf(11), pdf(12), available([11, 12]));

		const first = await env.trigger.call(workoutReady(secret, String(CONTACT)));
		const second = await env.trigger.call(workoutReady(secret, String(CONTACT)));

		expect(itemsOf(first).map((item) => (item.json.workout as IDataObject).Id)).toEqual([11, 12]);
		expect(second.result).toEqual({ webhookResponse: { message: 'No new workouts' } });
		const paths = env.api.requests.map(
			(request) => `${request.path} ${String(request.query.workoutId ?? '')}`,
		);
		expect(paths.filter((path) => !path.startsWith(REGISTER_PATH))).toEqual([
			'/api4/export/GetAvailableWorkouts ',
			'/api4/export/GetWorkoutPDF 11',
			'/api4/export/GetWorkoutPDF 12',
			'/api4/export/GetAvailableWorkouts ',
		]);
	});

	it('a workout that is new in the replayed call is still delivered, alone', async () => {
		const env = await setup({ downloadWorkouts: true, acknowledge: false });
		const secret = await activated(env);
		env.api.expect(available([11]), pdf(11), available([11, 12]), pdf(12));

		await env.trigger.call(workoutReady(secret, String(CONTACT)));
		const second = await env.trigger.call(workoutReady(secret, String(CONTACT)));

		expect(itemsOf(second).map((item) => (item.json.workout as IDataObject).Id)).toEqual([12]);
	});

	it('remembers a bounded number of deliveries in the static data', async () => {
		const env = await setup({ downloadWorkouts: true, acknowledge: false });
		const secret = await activated(env);
		env.api.expect(available([11]), pdf(11));
		await env.trigger.call(workoutReady(secret, String(CONTACT)));
		const remembered = env.trigger.staticData().deliveredWorkouts as IDataObject;
		expect(Object.keys(remembered)).toEqual([`${CONTACT}:11`]);
	});
});

describe('ExorLive Trigger without downloads: a repeated call starts no second execution', () => {
	it('the same event and user twice within the window start one execution; another user starts one', async () => {
		const env = await setup({});
		const secret = await activated(env);

		const first = await env.trigger.call(workoutReady(secret, '2001'));
		const repeat = await env.trigger.call(workoutReady(secret, '2001'));
		const other = await env.trigger.call(workoutReady(secret, '2002'));

		expect(itemsOf(first).map((item) => item.json.userId)).toEqual([2001]);
		expect(repeat.result).toEqual({ webhookResponse: { message: 'Already received' } });
		expect(itemsOf(other).map((item) => item.json.userId)).toEqual([2002]);
		expect(Object.keys(env.trigger.staticData().receivedEvents as IDataObject)).toEqual([
			'workoutReady:2001',
			'workoutReady:2002',
		]);
	});

	it('with Ignore Repeats Within 0, every call starts the workflow', async () => {
		const env = await setup({ ignoreRepeatsWithin: 0 });
		const secret = await activated(env);

		const first = await env.trigger.call(workoutReady(secret, '2001'));
		const second = await env.trigger.call(workoutReady(secret, '2001'));

		expect(itemsOf(first)).toHaveLength(1);
		expect(itemsOf(second)).toHaveLength(1);
	});

	it('a repeat after the window starts the workflow again', async () => {
		const env = await setup({ ignoreRepeatsWithin: 1 });
		const secret = await activated(env);

		await env.trigger.call(workoutReady(secret, '2001'));
		const log = env.trigger.staticData().receivedEvents as Record<string, number>;
		log['workoutReady:2001'] -= 1500;
		const later = await env.trigger.call(workoutReady(secret, '2001'));

		expect(itemsOf(later)).toHaveLength(1);
	});
});
