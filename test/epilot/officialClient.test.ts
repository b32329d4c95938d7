/**
 * The Epilot node against epilot's own client, @epilot/partner-directory-client: for each of the
 * 17 operations both send the same request for the same input, and the node's request is
 * compared with the client's on method, path, query and body.
 */
import { createClient } from '@epilot/partner-directory-client';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';
import { runNode } from '../harness/engine';
import { ApiMock, type RecordedRequest } from '../harness/http';
import { epilot, EPILOT_ORIGIN } from './suite';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const ORG = '123';
const USER = '10234';
const ROLE = '123:partner_sales';
const PARTNER = '8c086140-f33e-4bb7-a993-50c0f2402c7b';
const grants = [
	{
		action: 'entity-read',
		resource: 'entity:123:opportunity:*',
		effect: 'allow',
		conditions: [{ attribute: 'type', operation: 'equals', values: ['lead'] }],
	},
];

interface Case {
	operationId: string;
	/** The client's call: (parameters, body). */
	client: [IDataObject | null, unknown?];
	node: INodeParameters;
	reply?: unknown;
}

const cases: Case[] = [
	{
		operationId: 'approvePartner',
		client: [{ id: PARTNER }],
		node: { resource: 'partner', operation: 'approve', partnerId: PARTNER },
	},
	{
		operationId: 'rejectPartner',
		client: [{ id: PARTNER }],
		node: { resource: 'partner', operation: 'reject', partnerId: PARTNER },
	},
	{
		operationId: 'searchAssignable',
		client: [null, { q: 'acme', from: 0, size: 2, types: ['user', 'group'], org_ids: [ORG] }],
		node: {
			resource: 'assignable',
			operation: 'search',
			query: 'acme',
			limit: 2,
			filters: { types: ['user', 'group'], orgIds: [ORG] },
		},
		reply: { hits: 0, results: [] },
	},
	{
		operationId: 'batchGetAssignable',
		client: [null, [{ user_id: USER }, { group_id: 'g-1', org_id: ORG }]],
		node: {
			resource: 'assignable',
			operation: 'batchGet',
			assignables: {
				assignable: [
					{ userId: USER, groupId: '', orgId: '' },
					{ userId: '', groupId: 'g-1', orgId: ORG },
				],
			},
		},
		reply: { hits: 0, results: [] },
	},
	{
		operationId: 'getPartnerByToken',
		client: [{ token: 'inv-tok' }],
		node: { resource: 'partner', operation: 'getByToken', invitationToken: 'inv-tok' },
	},
	{
		operationId: 'activatePartner',
		client: [
			{ token: 'inv-tok' },
			{ signed_up_email: 'a@partner.example', organization_id: '456', company_name: 'Solar' },
		],
		node: {
			resource: 'partner',
			operation: 'activate',
			invitationToken: 'inv-tok',
			signedUpEmail: 'a@partner.example',
			organizationId: '456',
			additionalFields: { companyName: 'Solar' },
		},
	},
	{
		operationId: 'searchGeolocationForText',
		client: [null, { address: 'Auweg 1, 93055 Regensburg, DE' }],
		node: {
			resource: 'geolocation',
			operation: 'search',
			address: 'Auweg 1, 93055 Regensburg, DE',
		},
	},
	{
		operationId: 'invitePartnerV2',
		client: [{ id: PARTNER }, { language: 'de' }],
		node: {
			resource: 'partner',
			operation: 'invite',
			partnerId: PARTNER,
			additionalFields: { language: 'de' },
		},
	},
	{
		operationId: 'getPartnerUsers',
		client: [{ orgId: ORG }],
		node: { resource: 'partnerUser', operation: 'getAll', orgId: rl(ORG) },
		reply: { results: [] },
	},
	{
		operationId: 'createPartnerUser',
		client: [{ orgId: ORG }, { email: 'new@partner.example', language: 'de', roles: [ROLE] }],
		node: {
			resource: 'partnerUser',
			operation: 'create',
			orgId: rl(ORG),
			email: 'new@partner.example',
			additionalFields: { language: 'de', roleIds: [ROLE] },
		},
	},
	{
		operationId: 'deletePartnerUser',
		client: [{ orgId: ORG, userId: USER }],
		node: { resource: 'partnerUser', operation: 'delete', orgId: rl(ORG), userId: rl(USER) },
	},
	{
		operationId: 'getPartnerRoles',
		client: [{ orgId: ORG }],
		node: { resource: 'partnerRole', operation: 'getAll', orgId: rl(ORG) },
		reply: [],
	},
	{
		operationId: 'createPartnerRole',
		client: [{ orgId: ORG }, { name: 'Partner Sales', slug: 'partner_sales', grants }],
		node: {
			resource: 'partnerRole',
			operation: 'create',
			orgId: rl(ORG),
			name: 'Partner Sales',
			slug: 'partner_sales',
			grantsInputMode: 'json',
			grantsJson: JSON.stringify(grants),
		},
	},
	{
		operationId: 'updatePartnerRole',
		client: [
			{ orgId: ORG, roleId: ROLE },
			{ id: ROLE, name: 'Partner Sales', slug: 'partner_sales', grants },
		],
		node: {
			resource: 'partnerRole',
			operation: 'update',
			orgId: rl(ORG),
			roleId: rl(ROLE),
			name: 'Partner Sales',
			slug: 'partner_sales',
			grantsInputMode: 'json',
			grantsJson: JSON.stringify(grants),
			roleUpdateFields: { id: ROLE },
		},
	},
	{
		operationId: 'deletePartnerRole',
		client: [{ orgId: ORG, roleId: ROLE }],
		node: { resource: 'partnerRole', operation: 'delete', orgId: rl(ORG), roleId: rl(ROLE) },
	},
	{
		operationId: 'assignPartnerUserRoles',
		client: [{ orgId: ORG, userId: USER }, { roleIds: [ROLE] }],
		node: {
			resource: 'partnerUser',
			operation: 'assignRoles',
			orgId: rl(ORG),
			userId: rl(USER),
			roleIds: [ROLE],
		},
		reply: { results: [{ roleId: ROLE, success: true, data: {} }] },
	},
	{
		operationId: 'unassignPartnerUserRoles',
		client: [{ orgId: ORG, userId: USER }, { roleIds: [ROLE] }],
		node: {
			resource: 'partnerUser',
			operation: 'unassignRoles',
			orgId: rl(ORG),
			userId: rl(USER),
			roleIds: [ROLE],
		},
		reply: { results: [{ roleId: ROLE, success: true, data: {} }] },
	},
];

const sent = ({ method, path, query, body }: RecordedRequest) => ({ method, path, query, body });

afterEach(() => nock.cleanAll());

test('the cases cover every operation the client knows', () => {
	const client = createClient();
	const paths = client.api.definition.paths ?? {};
	const known = Object.keys(paths).flatMap((path) =>
		Object.values(paths[path] ?? {})
			.map((operation) => (operation as { operationId?: string }).operationId)
			.filter(Boolean),
	);
	expect(cases.map((c) => c.operationId).sort()).toEqual(known.sort());
});

test.each(cases)('$operationId: the node sends what the official client sends', async (c) => {
	const mock = new ApiMock(EPILOT_ORIGIN);
	mock.reply({ body: c.reply ?? {} }, { body: c.reply ?? {} });
	const client = createClient();
	client.defaults.baseURL = EPILOT_ORIGIN;
	client.defaults.headers.common.Authorization = `Bearer ${String(epilot.credentials.epilotApi.accessToken)}`;
	const operation = (client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[
		c.operationId
	];
	await operation(...c.client);
	const { error } = await runNode({
		node: 'epilot',
		credentials: epilot.credentials,
		parameters: c.node,
	});
	expect(error).toBeUndefined();
	expect(mock.requests).toHaveLength(2);
	const [byClient, byNode] = mock.requests.map(sent);
	expect(byNode).toEqual(byClient);
});
