/**
 * Renewing the credential's own token after a 401, as both n8n lines do it: n8n 2.x renews it
 * itself and stores it in the credential; n8n 1.x leaves it to the node, which keeps the new
 * token for the process. Either way the next execution sends the new token and exchanges nothing.
 */
import nock from 'nock';
import { runNode } from '../harness/engine';
import { assertRequests } from '../harness/cases';
import { ApiMock } from '../harness/http';
import { apiHeaders, REGISTER_PATH, setup } from '../exorlive-trigger/suite';
import {
	ADMIN_BEARER,
	ADMIN_ID,
	API_ORIGIN,
	AUTH_ORIGIN,
	credentialData,
	exchange,
	runExorLiveCase,
} from './suite';

const lookup = { resource: 'user', operation: 'lookup', type: 'id', text: '5' };

const lookupRequest = (token: string, reply: object = { body: { Id: 5 } }) => ({
	method: 'GET',
	path: '/api4/user/lookupuser',
	query: { type: 'id', text: '5' },
	headers: { authorization: `Bearer ${token}` },
	reply,
});

describe('ExorLive: a refused token of the credential', () => {
	it('is renewed with one exchange, and the next execution sends the new token without exchanging', async () => {
		const credentials = credentialData({ accessToken: 'stale-bearer-dummy' });
		const first = await runExorLiveCase({
			title: 'renewed',
			credentials,
			parameters: lookup,
			auth: exchange(credentials, ADMIN_ID, ADMIN_BEARER),
			requests: [
				lookupRequest('stale-bearer-dummy', { status: 401, body: { Message: 'Token expired' } }),
				lookupRequest(ADMIN_BEARER),
			],
			output: [{ Id: 5 }],
			secrets: ['stale-bearer-dummy'],
		});
		nock.cleanAll();
		const api = new ApiMock(API_ORIGIN).reply({ body: { Id: 5 } });
		const auth = new ApiMock(AUTH_ORIGIN);
		const second = await runNode({
			node: 'exorLive',
			parameters: lookup,
			credentials: { exorLiveApi: first.store.get('1').data },
		});
		expect(second.error).toBeUndefined();
		expect(auth.requests).toHaveLength(0);
		assertRequests(api, [lookupRequest(ADMIN_BEARER)]);
	});

	it('is renewed the same way for a Custom API Call', async () => {
		const credentials = credentialData({ accessToken: 'stale-bearer-dummy' });
		const request = (token: string, reply: object) => ({
			method: 'GET',
			path: '/api4/user/lookupuser',
			query: { type: 'id', text: '5' },
			headers: { authorization: `Bearer ${token}` },
			reply,
		});
		await runExorLiveCase({
			title: 'custom call renewed',
			credentials,
			parameters: {
				resource: 'customApiCall',
				operation: 'send',
				requestMethod: 'GET',
				requestPath: '/api4/user/lookupuser',
				requestQuery: {
					parameter: [
						{ name: 'type', value: 'id' },
						{ name: 'text', value: '5' },
					],
				},
			},
			auth: exchange(credentials, ADMIN_ID, ADMIN_BEARER),
			requests: [
				request('stale-bearer-dummy', { status: 401, body: { Message: 'Token expired' } }),
				request(ADMIN_BEARER, { body: { Id: 5 } }),
			],
			output: [{ Id: 5 }],
			secrets: ['stale-bearer-dummy'],
		});
	});

	it('is renewed the same way when the trigger registers its callback URL', async () => {
		const credentials = credentialData({ accessToken: 'stale-bearer-dummy' });
		const env = await setup({}, credentials);
		env.api.reply({ status: 401, body: { Message: 'Token expired' } }, { status: 200, body: '' });
		env.auth.reply(
			...exchange(credentials, ADMIN_ID, ADMIN_BEARER).map((request) => request.reply!),
		);

		expect(await env.trigger.activate()).toBe(true);

		assertRequests(env.auth, exchange(credentials, ADMIN_ID, ADMIN_BEARER));
		expect(
			env.api.requests.map((request) => [request.path, request.headers.authorization]),
		).toEqual([
			[REGISTER_PATH, 'Bearer stale-bearer-dummy'],
			[REGISTER_PATH, `Bearer ${ADMIN_BEARER}`],
		]);
		expect(env.api.requests[1].headers).toMatchObject(apiHeaders(ADMIN_BEARER));
	});
});
