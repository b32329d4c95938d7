/**
 * ExorLive Trigger fixtures: the trigger in a one-node workflow, mocks of the API and auth
 * hosts, the webhook URLs n8n gives it, and the check that nothing secret is visible.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { visibleError } from '../harness/cases';
import { ApiMock, type ExpectedRequest } from '../harness/http';
import { TriggerHarness, WEBHOOK_ID, type WebhookCall } from '../harness/webhook';
import { API_ORIGIN, AUTH_ORIGIN, CLIENT_NAME, SECRETS, storedCredential } from '../exorlive/suite';

/** One expected request to ExorLive's workout export API (GET /api4/export/<method>?clientname=…). */
export const exporter = (
	method: string,
	query: Record<string, string>,
	reply: ExpectedRequest['reply'],
) => ({
	method: 'GET',
	path: `/api4/export/${method}`,
	query: { clientname: CLIENT_NAME, ...query },
	reply,
});

export const PRODUCTION_URL = `http://localhost:5678/webhook/${WEBHOOK_ID}/webhook`;
export const TEST_URL = `http://localhost:5678/webhook-test/${WEBHOOK_ID}/webhook`;

export const REGISTER_PATH = '/api4/user/SetEventCallbackUrl';

export interface TriggerSetup {
	trigger: TriggerHarness;
	api: ApiMock;
	auth: ApiMock;
}

export async function setup(
	parameters: INodeParameters = {},
	credentials: ICredentialDataDecryptedObject = storedCredential(),
): Promise<TriggerSetup> {
	const trigger = await TriggerHarness.create({
		node: 'exorLiveTrigger',
		parameters,
		credentials: { exorLiveApi: credentials },
	});
	return { trigger, api: new ApiMock(API_ORIGIN), auth: new ApiMock(AUTH_ORIGIN) };
}

/** The registered callback URLs (SetEventCallbackUrl requests) the API mock saw, in order. */
export function registeredUrls(api: ApiMock): string[] {
	return api.requests
		.filter((request) => request.path === REGISTER_PATH)
		.map((request) => String(request.query.callbackUrl));
}

/** The webhook URL and the secret of a registered callback URL. */
export function splitSecret(callbackUrl: string): { url: string; secret: string } {
	const url = new URL(callbackUrl);
	const secret = url.searchParams.get('secret') ?? '';
	url.searchParams.delete('secret');
	return { url: url.toString(), secret };
}

/** Activates in production and returns the secret of the URL it registered. */
export async function activated(
	{ trigger, api }: TriggerSetup,
	reply: IDataObject | string = '',
): Promise<string> {
	api.reply({ status: 200, body: reply });
	await trigger.activate();
	const urls = registeredUrls(api);
	return splitSecret(urls[urls.length - 1]).secret;
}

/** ExorLive's call: the registered URL's query plus `event` and `userId`. */
export const workoutReady = (secret: string | undefined, userId = '2001'): IDataObject => ({
	...(secret === undefined ? {} : { secret }),
	event: 'workoutReady',
	userId,
});

export const apiHeaders = (token: string) => ({
	authorization: `Bearer ${token}`,
	'exorlive-client': CLIENT_NAME,
	accept: 'application/json',
});

/** The text contains none of the package's test secrets nor `extra`. */
export function assertNoneOf(text: string, extra: string[] = []): void {
	for (const secret of [...SECRETS, ...extra].filter(Boolean)) {
		expect(text.includes(secret) ? secret : 'absent').toBe('absent');
	}
}

/** Everything a caller or user can see of a call: the answer, items, binary metadata, error. */
export function assertNothingSecret(call: WebhookCall, extra: string[] = []): void {
	const { status, body, result, error } = call;
	assertNoneOf(JSON.stringify({ status, body, result, error: visibleError(error) }), extra);
}

/** The items the call hands to the workflow (none when it starts nothing). */
export const itemsOf = (call: WebhookCall) => call.result?.workflowData?.[0] ?? [];
