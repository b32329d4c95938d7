/** ExorLive Trigger: activation registers the webhook URL, with a secret, as the callback URL. */
import type { IDataObject } from 'n8n-workflow';
import { assertRequests, visibleError } from '../harness/cases';
import type { RecordedRequest } from '../harness/http';
import { ADMIN_BEARER, ADMIN_ID, credentialData, exchange } from '../exorlive/suite';
import {
	activated,
	assertNoneOf,
	apiHeaders,
	PRODUCTION_URL,
	REGISTER_PATH,
	registeredUrls,
	setup,
	splitSecret,
	TEST_URL,
} from './suite';

const SECRET_FORM = /^[A-Za-z0-9_-]{43}$/;

describe('ExorLive Trigger: registering the callback URL', () => {
	it('activation exchanges a token for the admin user and registers the production URL with a secret', async () => {
		const credentials = credentialData();
		const env = await setup({}, credentials);
		env.auth.expect(...exchange(credentials, ADMIN_ID, ADMIN_BEARER));
		env.api.reply({ status: 200, body: '' });

		expect(await env.trigger.activate()).toBe(true);

		assertRequests(env.auth, exchange(credentials, ADMIN_ID, ADMIN_BEARER));
		expect(env.api.requests).toHaveLength(1);
		const [request] = env.api.requests;
		expect(request.method).toBe('GET');
		expect(request.path).toBe(REGISTER_PATH);
		expect(Object.keys(request.query)).toEqual(['callbackUrl']);
		expect(request.headers).toMatchObject(apiHeaders(ADMIN_BEARER));
		const { url, secret } = splitSecret(String(request.query.callbackUrl));
		expect(url).toBe(PRODUCTION_URL);
		expect(secret).toMatch(SECRET_FORM);
		expect(String(request.query.callbackUrl)).toBe(`${PRODUCTION_URL}?secret=${secret}`);
		expect(env.trigger.staticData()).toEqual({
			secret,
			webhookUrl: PRODUCTION_URL,
			userId: String(ADMIN_ID),
		});
	});

	it("the editor's test mode registers the test URL, with a secret of its own", async () => {
		const env = await setup();
		const productionSecret = await activated(env);
		env.api.reply({ status: 200, body: '' });

		expect(await env.trigger.activate({ test: true })).toBe(true);

		const urls = registeredUrls(env.api);
		expect(urls).toHaveLength(2);
		const { url, secret } = splitSecret(urls[1]);
		expect(url).toBe(TEST_URL);
		expect(secret).toMatch(SECRET_FORM);
		expect(secret).not.toBe(productionSecret);
		expect(env.trigger.staticData(true)).toMatchObject({ secret, webhookUrl: TEST_URL });
		expect(env.trigger.staticData()).toMatchObject({ secret: productionSecret });
	});

	it('an n8n restart finds its registration and sends nothing; deactivating and activating registers again with a new secret', async () => {
		const env = await setup();
		const first = await activated(env);

		expect(await env.trigger.activate({ activation: 'init' })).toBe(false);
		expect(env.api.requests).toHaveLength(1);

		expect(await env.trigger.deactivate()).toBe(true);
		// ExorLive offers no way to remove the URL: deactivation sends nothing.
		expect(env.api.requests).toHaveLength(1);
		expect(env.trigger.staticData()).toEqual({});

		const second = await activated(env);
		expect(env.api.requests).toHaveLength(2);
		expect(second).toMatch(SECRET_FORM);
		expect(second).not.toBe(first);
	});

	it('registers for a customer organization with the token of its admin user (Act As User ID)', async () => {
		const credentials = credentialData({ accessToken: ADMIN_BEARER });
		const env = await setup({ actAsUserId: '101' }, credentials);
		env.auth.expect(...exchange(credentials, 101, 'org-101-bearer-dummy'));
		env.api.reply({ status: 200, body: '' });

		await env.trigger.activate();

		assertRequests(env.auth, exchange(credentials, 101, 'org-101-bearer-dummy'));
		expect(registeredUrls(env.api)).toHaveLength(1);
		expect(env.api.requests[0].headers).toMatchObject(apiHeaders('org-101-bearer-dummy'));
		expect(env.api.requests[0].headers['x-exorlive-act-as']).toBeUndefined();
		expect(env.trigger.staticData()).toMatchObject({ userId: '101' });
	});

	it('an Act As User ID that is not a user id fails activation before anything is sent', async () => {
		const env = await setup({ actAsUserId: 'admin' });
		await expect(env.trigger.activate()).rejects.toThrow(
			'Act As User ID: "admin" is not an ExorLive user ID (a positive whole number)',
		);
		expect(env.api.requests).toHaveLength(0);
	});

	it("a refused registration fails activation with ExorLive's words, without the secret or any token", async () => {
		const env = await setup();
		// ExorLive echoes the URL it was given, secret included.
		env.api.reply({
			status: 400,
			body: (request: RecordedRequest) => ({
				Message: `Invalid callback URL ${String(request.query.callbackUrl)}`,
			}),
		});
		const error = await env.trigger.activate().then(
			() => undefined,
			(caught: Error & { description?: string; httpCode?: string }) => caught,
		);
		const { secret } = splitSecret(registeredUrls(env.api)[0]);
		expect(error?.message).toBe(
			`ExorLive did not accept the callback URL: Invalid callback URL ${PRODUCTION_URL}?secret=[redacted] (HTTP 400)`,
		);
		expect(error?.httpCode).toBe('400');
		assertNoneOf(JSON.stringify(visibleError(error as (Error & IDataObject) | undefined)), [
			secret,
		]);
		expect(env.trigger.staticData()).toEqual({});
	});
});
