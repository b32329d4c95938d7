/** The editor's dropdowns: partner organizations, users and roles of the chosen organization. */
import { loadList } from '../harness/engine';
import { ApiMock } from '../harness/http';
import { epilot, EPILOT_BEARER, EPILOT_ORIGIN } from './suite';

const rl = (value: string) => ({ __rl: true, mode: 'list', value });
const base = { node: epilot.node, credentials: epilot.credentials };

describe('Epilot dropdowns', () => {
	it('partner organizations come from the assignable search, paged by from', async () => {
		const api = new ApiMock(EPILOT_ORIGIN).reply({
			body: {
				hits: 150,
				results: Array.from({ length: 100 }, (_, i) => ({
					type: 'partner_organization',
					display_name: `Org ${i}`,
					org_id: String(1000 + i),
					partner_id: `p-${i}`,
				})),
			},
		});
		const list = (await loadList({
			...base,
			parameters: { resource: 'partnerUser', operation: 'getAll', orgId: rl('') },
			kind: 'listSearch',
			method: 'searchPartnerOrganizations',
			parameter: 'orgId',
			filter: 'org',
		})) as { results: Array<{ name: string; value: string }>; paginationToken?: string };
		expect(api.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v1/partners/assignables:search',
			body: { q: 'org', from: 0, size: 100, types: ['partner_organization'] },
			headers: { authorization: `Bearer ${EPILOT_BEARER}` },
		});
		expect(list.results[0]).toEqual({ name: 'Org 0', value: '1000' });
		expect(list.results).toHaveLength(100);
		expect(list.paginationToken).toBe('100');
	});

	it('users of the chosen organization, filtered by the search text', async () => {
		const api = new ApiMock(EPILOT_ORIGIN).reply({
			body: {
				results: [
					{ id: 'u-1', name: 'Ada', email: 'ada@acme.test', status: 'Active', roles: [] },
					{ id: 'u-2', email: 'bob@acme.test', status: 'Pending', roles: [] },
				],
			},
		});
		const list = await loadList({
			...base,
			parameters: {
				resource: 'partnerUser',
				operation: 'delete',
				orgId: rl('12/3'),
				userId: rl(''),
			},
			kind: 'listSearch',
			method: 'searchPartnerUsers',
			parameter: 'userId',
			filter: 'bob',
		});
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v2/partners/12%2F3/users',
		]);
		expect(list).toEqual({ results: [{ name: 'bob@acme.test', value: 'u-2' }] });
	});

	it('roles of the chosen organization, for the role locator and the multi-select', async () => {
		const roles = { results: [{ id: '123:sales', slug: 'sales', name: 'Sales', grants: [] }] };
		const api = new ApiMock(EPILOT_ORIGIN).reply({ body: roles }, { body: roles });
		const parameters = {
			resource: 'partnerUser',
			operation: 'assignRoles',
			orgId: rl('123'),
			userId: rl('u'),
			roleIds: [],
		};
		const search = await loadList({
			...base,
			parameters,
			kind: 'listSearch',
			method: 'searchPartnerRoles',
			parameter: 'roleId',
		});
		const options = await loadList({
			...base,
			parameters,
			kind: 'loadOptions',
			method: 'getPartnerRoles',
			parameter: 'roleIds',
		});
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v2/partners/123/roles',
			'GET /v2/partners/123/roles',
		]);
		expect(search).toEqual({ results: [{ name: 'Sales', value: '123:sales' }] });
		expect(options).toEqual([{ name: 'Sales', value: '123:sales', description: '123:sales' }]);
	});

	it('no organization chosen yet: empty list, no request', async () => {
		const api = new ApiMock(EPILOT_ORIGIN);
		const list = await loadList({
			...base,
			parameters: { resource: 'partnerUser', operation: 'delete', orgId: rl(''), userId: rl('') },
			kind: 'listSearch',
			method: 'searchPartnerUsers',
			parameter: 'userId',
		});
		expect(list).toEqual({ results: [] });
		expect(api.requests).toHaveLength(0);
	});

	it("the trigger's organizations: every page of the assignable search, 1000 at a time", async () => {
		const page = (from: number, count: number) => ({
			body: {
				hits: 1001,
				results: Array.from({ length: count }, (_, i) => ({
					type: 'partner_organization',
					display_name: `Org ${from + i}`,
					org_id: String(1000 + from + i),
				})),
			},
		});
		const api = new ApiMock(EPILOT_ORIGIN).reply(page(0, 1000), page(1000, 1));
		const options = (await loadList({
			...base,
			node: 'epilotTrigger',
			parameters: { events: ['partnerUserActivated'], orgIds: [] },
			kind: 'loadOptions',
			method: 'getPartnerOrganizations',
			parameter: 'orgIds',
		})) as Array<{ name: string; value: string; description: string }>;
		expect(api.requests.map((r) => r.body)).toEqual([
			{ q: '', from: 0, size: 1000, types: ['partner_organization'] },
			{ q: '', from: 1000, size: 1000, types: ['partner_organization'] },
		]);
		expect(options).toHaveLength(1001);
		expect(options[1000]).toEqual({ name: 'Org 1000', value: '2000', description: '2000' });
	});

	it.each([
		['users', 'searchPartnerUsers', 'userId', { results: [{ email: 'no-id@acme.test' }] }],
		['users', 'searchPartnerUsers', 'userId', { users: [] }],
		['roles', 'searchPartnerRoles', 'roleId', { results: 'none' }],
	])(
		'a list of %s that is not the documented one is refused, not shown empty',
		async (what, method, parameter, body) => {
			new ApiMock(EPILOT_ORIGIN).reply({ body });
			const call = loadList({
				...base,
				parameters: {
					resource: 'partnerUser',
					operation: 'delete',
					orgId: rl('123'),
					userId: rl(''),
					roleId: rl(''),
				},
				kind: 'listSearch',
				method,
				parameter,
			});
			await expect(call).rejects.toMatchObject({
				message: `Epilot answered with an answer without a list of ${what} (results) (HTTP 200)`,
			});
		},
	);

	it('a vendor error reaches the dropdown as a readable message without the token', async () => {
		new ApiMock(EPILOT_ORIGIN).reply({ status: 403, body: { message: 'Not a partner of yours' } });
		const call = loadList({
			...base,
			parameters: { resource: 'partnerRole', operation: 'delete', orgId: rl('9'), roleId: rl('') },
			kind: 'listSearch',
			method: 'searchPartnerRoles',
			parameter: 'roleId',
		});
		await expect(call).rejects.toMatchObject({
			message: 'Not a partner of yours (HTTP 403)',
			httpCode: '403',
		});
		const error = await call.catch((e: Error) => e);
		expect(JSON.stringify(error)).not.toContain(EPILOT_BEARER);
	});
});
