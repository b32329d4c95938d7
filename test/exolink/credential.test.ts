/** The credential test: the same host and path prefix the node uses, and a bad token fails it. */
import { testCredential } from '../harness/engine';
import { ApiMock } from '../harness/http';
import { EXOLINK_ORIGIN, EXOLINK_TOKEN } from './suite';

describe('Exolink credential test', () => {
	it('passes when GET /product answers 200 to the bearer token', async () => {
		const api = new ApiMock(EXOLINK_ORIGIN).reply({ body: [{ id: 1 }] });
		const result = await testCredential('exolinkApi', { accessToken: EXOLINK_TOKEN });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(api.requests.map(({ method, path }) => ({ method, path }))).toEqual([
			{ method: 'GET', path: '/product' },
		]);
		expect(api.requests[0].headers.authorization).toBe(`Bearer ${EXOLINK_TOKEN}`);
	});

	it('fails on 401, without showing the token', async () => {
		new ApiMock(EXOLINK_ORIGIN).reply({ status: 401, body: { message: 'Invalid token' } });
		const result = await testCredential('exolinkApi', { accessToken: EXOLINK_TOKEN });
		expect(result.status).toBe('Error');
		expect(result.message).not.toContain(EXOLINK_TOKEN);
	});

	it('uses the mock server with its path prefix', async () => {
		const api = new ApiMock('https://guides.exolink.com').reply({ body: [] });
		const result = await testCredential('exolinkApi', {
			accessToken: EXOLINK_TOKEN,
			server: 'https://guides.exolink.com/_mock/apis/exolink_api',
		});
		expect(result.status).toBe('OK');
		expect(api.requests.map(({ path }) => path)).toEqual(['/_mock/apis/exolink_api/product']);
	});

	it('uses a custom URL, without its trailing slash', async () => {
		const api = new ApiMock('https://exolink.proxy.test').reply({ body: [] });
		const result = await testCredential('exolinkApi', {
			accessToken: EXOLINK_TOKEN,
			server: 'custom',
			customUrl: 'https://exolink.proxy.test/api/',
		});
		expect(result.status).toBe('OK');
		expect(api.requests.map(({ path }) => path)).toEqual(['/api/product']);
	});
});
