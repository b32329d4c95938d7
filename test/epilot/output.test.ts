/**
 * Simplify (on by default) on the operations whose documented answer has more than 10 fields,
 * and the Output choice of the Epilot tool (the `epilotTool` variant n8n builds for AI agents).
 * Answers carry every field the OpenAPI spec documents.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runCase, type NodeCase } from '../harness/cases';
import { expectItemsWith, simplifyCases as simplifyBoth } from '../harness/output';
import { epilot, jsonHeaders } from './suite';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/** The Partner schema: 12 fields. */
const partner = {
	id: 'p-1',
	organization_id: '100001',
	created_at: '2026-01-15T09:00:00.000Z',
	description: 'Solar installer in Bavaria',
	company_name: 'ACME Solar',
	invitation_token: 'inv-tok',
	invitation_email: 'invite@acme.test',
	email: 'info@acme.test',
	owner_email: 'owner@acme.test',
	signed_up_email: 'signup@acme.test',
	partner_org_id: '200001',
	status: 'Pending',
};
const simplePartner = {
	id: 'p-1',
	organization_id: '100001',
	partner_org_id: '200001',
	company_name: 'ACME Solar',
	email: 'info@acme.test',
	invitation_email: 'invite@acme.test',
	signed_up_email: 'signup@acme.test',
	owner_email: 'owner@acme.test',
	status: 'Pending',
};

/** A partner organization assignable: 7 common fields and 5 of its own. */
const organization = (n: number) => ({
	type: 'partner_organization',
	display_name: `Partner ${n}`,
	image_uri: { original: `https://img.test/${n}.png` },
	org_id: `2${String(n).padStart(5, '0')}`,
	created_at: '2026-01-15T09:00:00.000Z',
	activated_at: '2026-01-16T09:00:00.000Z',
	status: 'Active',
	partner_id: `p-${n}`,
	email: `partner${n}@acme.test`,
	geolocations: [{ lat: 49.0, lng: 12.1 }],
	phone: '+49 941 000000',
	activity_radius: 50,
});
const simpleOrganization = (n: number) => ({
	type: 'partner_organization',
	display_name: `Partner ${n}`,
	partner_id: `p-${n}`,
	org_id: `2${String(n).padStart(5, '0')}`,
	email: `partner${n}@acme.test`,
	status: 'Active',
});
const groupAssignable = {
	type: 'group',
	display_name: 'Installers',
	image_uri: {},
	org_id: '100001',
	created_at: '2026-01-15T09:00:00.000Z',
	activated_at: '2026-01-15T09:00:00.000Z',
	status: 'Active',
	group_id: 'g-1',
};
const simpleGroup = {
	type: 'group',
	display_name: 'Installers',
	group_id: 'g-1',
	org_id: '100001',
	status: 'Active',
};

/** Partner users (6 fields) and roles (5 fields): no Simplify switch, Output as a tool. */
const partnerUser = {
	id: 'u-1',
	name: 'Ada Lovelace',
	email: 'ada@acme.test',
	status: 'Active',
	image: { original: 'https://img.test/u-1.png', thumbnail_32: 'https://img.test/u-1-32.png' },
	roles: [{ id: '200001:partner_sales', slug: 'partner_sales', name: 'Partner Sales' }],
};
const simpleUser = {
	id: 'u-1',
	name: 'Ada Lovelace',
	email: 'ada@acme.test',
	status: 'Active',
	roles: [{ id: '200001:partner_sales', name: 'Partner Sales' }],
};

const expectItems = expectItemsWith((testCase: NodeCase) => runCase(epilot, testCase));

/** The case answered with `answer`, with Simplify on (default) and off. */
function simplifyCases(
	title: string,
	parameters: INodeParameters,
	requests: (reply: unknown) => NodeCase['requests'],
	answer: unknown,
	simplified: IDataObject[],
	raw: IDataObject[],
) {
	simplifyBoth(expectItems, title, { parameters, requests: requests(answer) }, simplified, raw);
}

describe('Epilot Simplify', () => {
	for (const [operation, method, path] of [
		['approve', 'POST', '/v1/partners/p-1/approve'],
		['reject', 'POST', '/v1/partners/p-1/reject'],
		['invite', 'POST', '/v2/partners/p-1/invite'],
	] as const) {
		simplifyCases(
			`Partner > ${operation}`,
			{ resource: 'partner', operation, partnerId: 'p-1' },
			(body) => [{ method, path, body: undefined, reply: { body } }],
			partner,
			[simplePartner],
			[partner],
		);
	}

	simplifyCases(
		'Partner > Get by Invitation Token',
		{ resource: 'partner', operation: 'getByToken', invitationToken: 'inv-tok' },
		(body) => [
			{
				method: 'GET',
				path: '/v1/partner-directory/public/getPartnerByToken',
				query: { token: 'inv-tok' },
				reply: { body },
			},
		],
		partner,
		[simplePartner],
		[partner],
	);

	simplifyCases(
		'Assignable > Get Many by ID',
		{
			resource: 'assignable',
			operation: 'batchGet',
			assignables: { assignable: [{ groupId: 'g-1' }, { userId: '', groupId: 'g-2' }] },
		},
		(body) => [
			{
				method: 'POST',
				path: '/v1/partners/assignables:batchGet',
				headers: jsonHeaders,
				body: [{ group_id: 'g-1' }, { group_id: 'g-2' }],
				reply: { body },
			},
		],
		{ hits: 2, results: [groupAssignable, organization(1)] },
		[simpleGroup, simpleOrganization(1)],
		[groupAssignable, organization(1)],
	);

	// Return All over two pages: each page is read raw, the records simplified once all are in.
	const firstPage = Array.from({ length: 1000 }, (_, index) => organization(index + 1));
	const searchRequests = (pages: unknown) => {
		const [first, second] = pages as [unknown, unknown];
		return [
			{
				method: 'POST',
				path: '/v1/partners/assignables:search',
				headers: jsonHeaders,
				body: { q: 'partner', from: 0, size: 1000 },
				reply: { body: first },
			},
			{
				method: 'POST',
				path: '/v1/partners/assignables:search',
				headers: jsonHeaders,
				body: { q: 'partner', from: 1000, size: 1000 },
				reply: { body: second },
			},
		];
	};
	simplifyCases(
		'Assignable > Search with Return All (two pages)',
		{ resource: 'assignable', operation: 'search', query: 'partner', returnAll: true },
		searchRequests,
		[
			{ hits: 1001, results: firstPage },
			{ hits: 1001, results: [organization(1001)] },
		],
		[...firstPage.map((_, index) => simpleOrganization(index + 1)), simpleOrganization(1001)],
		[...firstPage, organization(1001)],
	);
});

describe('Epilot as an AI tool: Output', () => {
	const getUsers = (body: unknown) => [
		{ method: 'GET', path: '/v2/partners/200001/users', reply: { body } },
	];
	const usersParameters = { resource: 'partnerUser', operation: 'getAll', orgId: rl('200001') };
	const answer = { results: [partnerUser] };

	it('Simplified (the default) keeps the main fields of each record', async () => {
		await expectItems(
			{ title: 'tool', tool: true, parameters: usersParameters, requests: getUsers(answer) },
			[simpleUser],
		);
	});

	it('Raw outputs the answer as it is', async () => {
		await expectItems(
			{
				title: 'tool',
				tool: true,
				parameters: { ...usersParameters, output: 'raw' },
				requests: getUsers(answer),
			},
			[partnerUser],
		);
	});

	it('Selected Fields outputs the fields named, also inside each element of a list', async () => {
		await expectItems(
			{
				title: 'tool',
				tool: true,
				parameters: { ...usersParameters, output: 'fields', fields: 'email, roles.slug, nope' },
				requests: getUsers(answer),
			},
			[{ email: 'ada@acme.test', roles: [{ slug: 'partner_sales' }] }],
		);
	});

	it('Selected Fields without a field fails the item before any request, naming Fields', async () => {
		await runCase(epilot, {
			title: 'tool',
			tool: true,
			parameters: { ...usersParameters, output: 'fields', fields: ' , ' },
			requests: [],
			error: {
				name: 'NodeOperationError',
				message: 'Fields: name at least one field to return, e.g. id, email',
			},
		});
	});

	const approve = (body: unknown) => [
		{ method: 'POST', path: '/v1/partners/p-1/approve', body: undefined, reply: { body } },
	];
	const approveParameters = { resource: 'partner', operation: 'approve', partnerId: 'p-1' };

	it('the Simplify switch is ignored: Simplify off still outputs Simplified', async () => {
		await expectItems(
			{
				title: 'tool',
				tool: true,
				parameters: { ...approveParameters, simplify: false },
				requests: approve(partner),
			},
			[simplePartner],
		);
	});

	it('the Simplify switch is ignored: Simplify on with Output Raw outputs the raw answer', async () => {
		await expectItems(
			{
				title: 'tool',
				tool: true,
				parameters: { ...approveParameters, simplify: true, output: 'raw' },
				requests: approve(partner),
			},
			[partner],
		);
	});

	it('Selected Fields naming no field of the answer fails the item, listing the fields it has', async () => {
		await runCase(epilot, {
			title: 'tool',
			tool: true,
			parameters: { ...usersParameters, output: 'fields', fields: 'mail' },
			requests: getUsers(answer),
			error: {
				name: 'NodeOperationError',
				message:
					'Fields: none of them is in the answer, which has: id, name, email, status, image, roles',
			},
		});
	});

	it('a record with none of the kept fields stays whole when simplified', async () => {
		const unexpected = { partnerId: 'p-1', state: 'Approved' };
		await expectItems(
			{ title: 'tool', tool: true, parameters: approveParameters, requests: approve(unexpected) },
			[unexpected],
		);
	});

	it('outside a tool, Output is ignored and a small answer is never simplified', async () => {
		await expectItems(
			{
				title: 'node',
				parameters: { ...usersParameters, output: 'fields', fields: 'email' },
				requests: getUsers(answer),
			},
			[partnerUser],
		);
	});

	it('Partner Role > Get Many as a tool leaves the grants out', async () => {
		const role = {
			id: '200001:partner_sales',
			slug: 'partner_sales',
			name: 'Partner Sales',
			type: 'share_role',
			grants: [{ action: 'entity-read', resource: 'entity:100001:opportunity:*', effect: 'allow' }],
		};
		await expectItems(
			{
				title: 'tool',
				tool: true,
				parameters: { resource: 'partnerRole', operation: 'getAll', orgId: rl('200001') },
				requests: [
					{
						method: 'GET',
						path: '/v2/partners/200001/roles',
						reply: { body: { results: [role] } },
					},
				],
			},
			[
				{
					id: '200001:partner_sales',
					slug: 'partner_sales',
					name: 'Partner Sales',
					type: 'share_role',
				},
			],
		);
	});
});
