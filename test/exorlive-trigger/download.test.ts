/** ExorLive Trigger, Download Ready Workouts: metadata and PDFs, acknowledged once. */
import type { IDataObject } from 'n8n-workflow';
import { assertRequests } from '../harness/cases';
import type { ExpectedRequest } from '../harness/http';
import { ADMIN_BEARER, credentialData, exchange } from '../exorlive/suite';
import {
	activated,
	apiHeaders,
	assertNothingSecret,
	exporter,
	itemsOf,
	REGISTER_PATH,
	setup,
	workoutReady,
	type TriggerSetup,
} from './suite';

const CONTACT = 2001;
const pdfText = (id: number) => `%PDF-1.4 workout ${id}`;
const listed = (id: number): IDataObject => ({
	Id: id,
	Title: `Workout ${id}`,
	ContactId: CONTACT,
	OwnerId: 300,
});

const available = (
	ids: number[],
	filter: Record<string, string> = { contactId: String(CONTACT) },
) => exporter('GetAvailableWorkouts', { scope: 'new', ...filter }, { body: ids.map(listed) });

const pdf = (id: number, reply?: ExpectedRequest['reply']) =>
	exporter(
		'GetWorkoutPDF',
		{ workoutId: String(id) },
		reply ?? {
			body: {
				$id: '1',
				...listed(id),
				PdfBase64: Buffer.from(pdfText(id)).toString('base64'),
				Exercises: [{ Id: 1, MasterId: 5491, Title: 'Squat' }],
			},
		},
	);

const acknowledge = (id: number, reply: ExpectedRequest['reply'] = { body: '' }) =>
	exporter('AcknowledgeWorkout', { workoutId: String(id) }, reply);

/** The registration, as activation sent it, followed by `expected`. */
function assertApi(env: TriggerSetup, expected: ExpectedRequest[], token = ADMIN_BEARER) {
	const [registration, ...rest] = env.api.requests;
	expect(registration.path).toBe(REGISTER_PATH);
	env.api.requests.splice(0, env.api.requests.length, ...rest);
	assertRequests(env.api, expected, apiHeaders(token));
}

const download = (extra: IDataObject = {}) => ({ downloadWorkouts: true, ...extra });

describe('ExorLive Trigger: Download Ready Workouts', () => {
	it('emits one item per ready workout with its metadata and the PDF as binary data, and acknowledges each exactly once', async () => {
		const env = await setup(download());
		const secret = await activated(env);
		const expected = [available([11, 12]), pdf(11), pdf(12), acknowledge(11), acknowledge(12)];
		env.api.expect(...expected);

		const call = await env.trigger.call(workoutReady(secret, String(CONTACT)));

		expect(call.error).toBeUndefined();
		assertApi(env, expected);
		const items = itemsOf(call);
		expect(items.map((item) => item.json)).toEqual(
			[11, 12].map((id) => ({
				event: 'workoutReady',
				userId: CONTACT,
				receivedAt: expect.any(String),
				workout: {
					$id: '1',
					...listed(id),
					Exercises: [{ Id: 1, MasterId: 5491, Title: 'Squat' }],
				},
				acknowledged: true,
			})),
		);
		items.forEach((item, index) => {
			const id = [11, 12][index];
			const binary = item.binary!.data;
			expect(binary).toMatchObject({ mimeType: 'application/pdf', fileName: `workout-${id}.pdf` });
			expect(Buffer.from(binary.data, 'base64').toString()).toBe(pdfText(id));
		});
		assertNothingSecret(call, [secret]);
	});

	it('acknowledges nothing when a download fails, and fails the call', async () => {
		const env = await setup(download());
		const secret = await activated(env);
		const expected = [
			available([11, 12]),
			pdf(11),
			pdf(12, { status: 500, body: { Message: 'Export failed' } }),
		];
		env.api.expect(...expected);

		const call = await env.trigger.call(workoutReady(secret, String(CONTACT)));

		assertApi(env, expected);
		expect(call.error?.message).toBe('Export failed (HTTP 500)');
		expect(call.error?.httpCode).toBe('500');
		expect(itemsOf(call)).toEqual([]);
		assertNothingSecret(call, [secret]);
	});

	it('a PDF answer without PdfBase64 fails the call and acknowledges nothing', async () => {
		const env = await setup(download());
		const secret = await activated(env);
		const expected = [available([11]), pdf(11, { body: listed(11) })];
		env.api.expect(...expected);

		const call = await env.trigger.call(workoutReady(secret, String(CONTACT)));

		assertApi(env, expected);
		expect(call.error?.message).toBe("ExorLive's answer holds no PdfBase64 for workout 11");
	});

	it('keeps a downloaded workout whose acknowledgement fails, marked as not acknowledged', async () => {
		const env = await setup(download());
		const secret = await activated(env);
		const expected = [
			available([11, 12]),
			pdf(11),
			pdf(12),
			acknowledge(11),
			acknowledge(12, { status: 503, body: { Message: 'Try later' } }),
		];
		env.api.expect(...expected);

		const call = await env.trigger.call(workoutReady(secret, String(CONTACT)));

		assertApi(env, expected);
		expect(itemsOf(call).map(({ json }) => [json.acknowledged, json.acknowledgeError])).toEqual([
			[true, undefined],
			[false, 'Try later (HTTP 503)'],
		]);
	});

	it('without Acknowledge After Download nothing is acknowledged, and the PDF goes in the chosen field', async () => {
		const env = await setup(download({ acknowledge: false, binaryPropertyName: 'pdf' }));
		const secret = await activated(env);
		const expected = [available([11]), pdf(11)];
		env.api.expect(...expected);

		const call = await env.trigger.call(workoutReady(secret, String(CONTACT)));

		assertApi(env, expected);
		const [item] = itemsOf(call);
		expect(item.json.acknowledged).toBeUndefined();
		expect(Object.keys(item.binary!)).toEqual(['pdf']);
	});

	it.each([
		['owner', { ownerId: String(CONTACT) }],
		['organization', {}],
	])('matches the event user as %s', async (matchUserAs, filter) => {
		const env = await setup(download({ matchUserAs }));
		const secret = await activated(env);
		const expected = [available([11], filter), pdf(11), acknowledge(11)];
		env.api.expect(...expected);

		const call = await env.trigger.call(workoutReady(secret, String(CONTACT)));

		assertApi(env, expected);
		expect(itemsOf(call)).toHaveLength(1);
	});

	it('starts no workflow when no workout is ready', async () => {
		const env = await setup(download());
		const secret = await activated(env);
		const expected = [available([])];
		env.api.expect(...expected);

		const call = await env.trigger.call(workoutReady(secret, String(CONTACT)));

		assertApi(env, expected);
		expect(call.result).toEqual({ webhookResponse: { message: 'No new workouts' } });
		expect(itemsOf(call)).toEqual([]);
	});

	it("acting for a customer organization downloads and acknowledges with its admin user's token", async () => {
		const credentials = credentialData({ accessToken: ADMIN_BEARER });
		const orgToken = 'org-101-bearer-dummy';
		const env = await setup(download({ actAsUserId: '101' }), credentials);
		env.auth.expect(...exchange(credentials, 101, orgToken));
		const secret = await activated(env);
		const expected = [available([11]), pdf(11), acknowledge(11)];
		env.api.expect(...expected);

		const call = await env.trigger.call(workoutReady(secret, String(CONTACT)));

		// One exchange for the organization's admin, reused by the registration and every call.
		assertRequests(env.auth, exchange(credentials, 101, orgToken));
		assertApi(env, expected, orgToken);
		expect(itemsOf(call)).toHaveLength(1);
		assertNothingSecret(call, [secret, orgToken]);
	});

	it('a rejected organization token is replaced once and the request repeated', async () => {
		const credentials = credentialData({ accessToken: ADMIN_BEARER });
		const env = await setup(download({ actAsUserId: '101' }), credentials);
		env.auth.expect(...exchange(credentials, 101, 'org-old-bearer'));
		const secret = await activated(env);
		env.auth.expect(...exchange(credentials, 101, 'org-new-bearer'));
		env.api.expect(
			{ ...available([11]), reply: { status: 401, body: { Message: 'Token expired' } } },
			available([11]),
			pdf(11),
			acknowledge(11),
		);

		const call = await env.trigger.call(workoutReady(secret, String(CONTACT)));

		expect(call.error).toBeUndefined();
		const list = env.api.requests.filter((request) =>
			request.path.endsWith('GetAvailableWorkouts'),
		);
		expect(list.map((request) => request.headers.authorization)).toEqual([
			'Bearer org-old-bearer',
			'Bearer org-new-bearer',
		]);
		expect(itemsOf(call)).toHaveLength(1);
	});
});
