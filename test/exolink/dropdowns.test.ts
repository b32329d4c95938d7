/** The editor's dropdowns: tenant users (Set Role, Remove) and products, loaded like n8n does. */
import { loadList } from '../harness/engine';
import { ApiMock } from '../harness/http';
import { exolink, EXOLINK_ORIGIN, EXOLINK_TOKEN } from './suite';

const base = { node: exolink.node, credentials: exolink.credentials };
const rlList = { __rl: true, mode: 'list', value: '' };

describe('Exolink dropdowns', () => {
	it('tenant users of the chosen tenant, filtered by the search text', async () => {
		const api = new ApiMock(EXOLINK_ORIGIN).reply({
			body: [
				{ userId: 'u-1', username: 'ada@x.test', givenName: 'Ada', familyName: 'L', role: 'admin' },
				{ userId: 'u-2', username: 'bob@x.test', role: 'viewer' },
			],
		});
		const list = await loadList({
			...base,
			parameters: { resource: 'tenantUser', operation: 'remove', tenant: 'abc/1', userId: rlList },
			kind: 'listSearch',
			method: 'searchTenantUsers',
			parameter: 'userId',
			filter: 'bob',
		});
		expect(api.requests.map((r) => `${r.method} ${r.path} ${r.headers.authorization}`)).toEqual([
			`GET /tenant/abc%2F1/user Bearer ${EXOLINK_TOKEN}`,
		]);
		expect(list).toEqual({ results: [{ name: 'bob@x.test (viewer)', value: 'u-2' }] });
	});

	it('no tenant yet: empty list and no request', async () => {
		const api = new ApiMock(EXOLINK_ORIGIN);
		const list = await loadList({
			...base,
			parameters: { resource: 'tenantUser', operation: 'setRole', tenant: '', userId: rlList },
			kind: 'listSearch',
			method: 'searchTenantUsers',
			parameter: 'userId',
		});
		expect(list).toEqual({ results: [] });
		expect(api.requests).toHaveLength(0);
	});

	it.each([
		['users', 'searchTenantUsers', 'userId', { users: [] }],
		['users', 'searchTenantUsers', 'userId', [{ username: 'no-id@x.test' }]],
		['products', 'searchProducts', 'productId', [{ name: 'No ID' }]],
	])(
		'a list of %s that is no JSON list of entries with IDs is refused, not shown empty',
		async (what, method, parameter, body) => {
			new ApiMock(EXOLINK_ORIGIN).reply({ body });
			const call = loadList({
				...base,
				parameters: {
					resource: 'tenantUser',
					operation: 'remove',
					tenant: 'abc123',
					userId: rlList,
					productId: rlList,
				},
				kind: 'listSearch',
				method,
				parameter,
			});
			await expect(call).rejects.toMatchObject({
				message: `Exolink answered with an answer that is no list of ${what} (HTTP 200)`,
			});
		},
	);

	it('products', async () => {
		const api = new ApiMock(EXOLINK_ORIGIN).reply({ body: [{ id: 'p1', name: 'Basic' }] });
		const list = await loadList({
			...base,
			parameters: { resource: 'product', operation: 'get', productId: rlList },
			kind: 'listSearch',
			method: 'searchProducts',
			parameter: 'productId',
		});
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /product']);
		expect(list).toEqual({ results: [{ name: 'Basic', value: 'p1' }] });
	});
});
