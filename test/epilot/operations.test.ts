/** One case per Partner Directory operation: the exact request sent and the items returned. */
import { describeCases } from '../harness/cases';
import { epilot, jsonHeaders } from './suite';

const partner = { id: 'p-1', company_name: 'ACME', status: 'Invited', email: 'a@acme.test' };
const role = { id: '123:partner_sales', slug: 'partner_sales', name: 'Partner Sales', grants: [] };
const user = { id: 'u-1', email: 'a@acme.test', status: 'Active', roles: [] };
/** Assign and Unassign Roles with two roles, both done: the answer and the item. */
const bothRoles = {
	results: [
		{ roleId: '123:a', success: true },
		{ roleId: '123:b', success: true },
	],
};
const rl = (value: string) => ({ __rl: true, mode: 'id', value });

describeCases('Epilot operations', epilot, [
	{
		title: 'Partner > Approve: POST /v1/partners/{id}/approve, 201 Partner',
		parameters: { resource: 'partner', operation: 'approve', partnerId: 'p-1' },
		requests: [
			{
				method: 'POST',
				path: '/v1/partners/p-1/approve',
				body: undefined,
				reply: { status: 201, body: partner },
			},
		],
		output: [partner],
	},
	{
		title: 'Partner > Reject: POST /v1/partners/{id}/reject',
		parameters: { resource: 'partner', operation: 'reject', partnerId: 'p-1' },
		requests: [
			{
				method: 'POST',
				path: '/v1/partners/p-1/reject',
				reply: { body: { ...partner, status: 'Rejected' } },
			},
		],
		output: [{ ...partner, status: 'Rejected' }],
	},
	{
		title: 'Partner > Invite: POST /v2/partners/{id}/invite with the language',
		parameters: {
			resource: 'partner',
			operation: 'invite',
			partnerId: 'p-1',
			additionalFields: { language: 'de' },
		},
		requests: [
			{
				method: 'POST',
				path: '/v2/partners/p-1/invite',
				headers: jsonHeaders,
				body: { language: 'de' },
				reply: { body: { ...partner, invitation_token: 'tok' } },
			},
		],
		// Simplified (the default): the invitation token is not among the kept fields.
		output: [partner],
	},
	{
		title: 'Partner > Invite without a language leaves the default to epilot (no body)',
		parameters: { resource: 'partner', operation: 'invite', partnerId: 'p-1' },
		requests: [
			{
				method: 'POST',
				path: '/v2/partners/p-1/invite',
				body: undefined,
				reply: { body: partner },
			},
		],
		output: [partner],
	},
	{
		title: 'Partner > Get by Invitation Token: GET with ?token=',
		parameters: { resource: 'partner', operation: 'getByToken', invitationToken: 'inv-tok' },
		requests: [
			{
				method: 'GET',
				path: '/v1/partner-directory/public/getPartnerByToken',
				query: { token: 'inv-tok' },
				reply: { body: partner },
			},
		],
		output: [partner],
	},
	{
		title:
			'Partner > Activate: POST with ?token= and the payload; empty 200 becomes a confirmation',
		parameters: {
			resource: 'partner',
			operation: 'activate',
			invitationToken: 'inv-tok',
			signedUpEmail: 'owner@acme.test',
			organizationId: '777',
			additionalFields: { companyName: 'ACME GmbH' },
		},
		requests: [
			{
				method: 'POST',
				path: '/v1/partner-directory/public/activate',
				query: { token: 'inv-tok' },
				headers: jsonHeaders,
				body: {
					signed_up_email: 'owner@acme.test',
					organization_id: '777',
					company_name: 'ACME GmbH',
				},
				reply: { status: 200 },
			},
		],
		output: [{ activated: true }],
	},
	{
		title: 'Assignable > Search: POST assignables:search with q, filters and from/size',
		parameters: {
			resource: 'assignable',
			operation: 'search',
			query: 'acme',
			limit: 2,
			filters: {
				types: ['partner_user', 'ecp'],
				orgIds: ['1', '2'],
				portalUsersEntityIdScope: 'e-1',
			},
		},
		requests: [
			{
				method: 'POST',
				path: '/v1/partners/assignables:search',
				headers: jsonHeaders,
				body: {
					q: 'acme',
					from: 0,
					size: 2,
					types: ['partner_user', 'ecp'],
					org_ids: ['1', '2'],
					portalUsersEntityIdScope: 'e-1',
				},
				reply: {
					body: {
						hits: 9,
						results: [
							{ type: 'partner_user', display_name: 'A', org_id: '1' },
							{ type: 'ecp', display_name: 'B', org_id: '2' },
						],
					},
				},
			},
		],
		output: [
			{ type: 'partner_user', display_name: 'A', org_id: '1' },
			{ type: 'ecp', display_name: 'B', org_id: '2' },
		],
	},
	{
		title: 'Assignable > Search: Offset starts the page there (from), for paging by hand',
		parameters: { resource: 'assignable', operation: 'search', limit: 2, offset: 4 },
		requests: [
			{
				method: 'POST',
				path: '/v1/partners/assignables:search',
				headers: jsonHeaders,
				body: { q: '', from: 4, size: 2 },
				reply: {
					body: {
						hits: 9,
						results: [
							{ type: 'user', display_name: 'E', org_id: '1' },
							{ type: 'user', display_name: 'F', org_id: '1' },
						],
					},
				},
			},
		],
		output: [
			{ type: 'user', display_name: 'E', org_id: '1' },
			{ type: 'user', display_name: 'F', org_id: '1' },
		],
	},
	{
		title: 'Assignable > Get Many by ID: POST assignables:batchGet with a JSON array body',
		parameters: {
			resource: 'assignable',
			operation: 'batchGet',
			assignables: {
				assignable: [
					{ userId: 'u-1', groupId: '', orgId: '' },
					{ userId: '', groupId: 'g-1', orgId: '55' },
				],
			},
		},
		requests: [
			{
				method: 'POST',
				path: '/v1/partners/assignables:batchGet',
				headers: jsonHeaders,
				body: [{ user_id: 'u-1' }, { group_id: 'g-1', org_id: '55' }],
				reply: {
					body: {
						hits: 2,
						results: [
							{ type: 'user', user_id: 'u-1' },
							{ type: 'group', group_id: 'g-1' },
						],
					},
				},
			},
		],
		output: [
			{ type: 'user', user_id: 'u-1' },
			{ type: 'group', group_id: 'g-1' },
		],
	},
	{
		title: 'Geolocation > Search Address: POST /v1/geolocation/text:search',
		parameters: {
			resource: 'geolocation',
			operation: 'search',
			address: 'Auweg 1, 93055 Regensburg, DE',
		},
		requests: [
			{
				method: 'POST',
				path: '/v1/geolocation/text:search',
				headers: jsonHeaders,
				body: { address: 'Auweg 1, 93055 Regensburg, DE' },
				reply: { body: { lat: 49.01, lng: 12.1, addressLabel: 'Auweg 1', relevance: 0.9 } },
			},
		],
		output: [{ lat: 49.01, lng: 12.1, addressLabel: 'Auweg 1', relevance: 0.9 }],
	},
	{
		title: 'Partner User > Get Many: GET /v2/partners/{orgId}/users, one item per user',
		parameters: { resource: 'partnerUser', operation: 'getAll', orgId: rl('123') },
		requests: [
			{
				method: 'GET',
				path: '/v2/partners/123/users',
				body: undefined,
				reply: { body: { results: [user, { ...user, id: 'u-2' }] } },
			},
		],
		output: [user, { ...user, id: 'u-2' }],
	},
	{
		title: 'Partner User > Create: POST /v2/partners/{orgId}/users with email, language and roles',
		parameters: {
			resource: 'partnerUser',
			operation: 'create',
			orgId: rl('123'),
			email: 'new@acme.test',
			additionalFields: { language: 'de', roleIds: ['123:a', '123:b'] },
		},
		requests: [
			{
				method: 'POST',
				path: '/v2/partners/123/users',
				headers: jsonHeaders,
				body: { email: 'new@acme.test', language: 'de', roles: ['123:a', '123:b'] },
				reply: {
					status: 201,
					body: { id: 'u-9', email: 'new@acme.test', display_name: 'new', status: 'Pending' },
				},
			},
		],
		output: [{ id: 'u-9', email: 'new@acme.test', display_name: 'new', status: 'Pending' }],
	},
	{
		title:
			'Partner User > Delete: DELETE /v2/partners/{orgId}/users/{userId}; {} becomes { deleted, orgId, userId }',
		parameters: {
			resource: 'partnerUser',
			operation: 'delete',
			orgId: rl('123'),
			userId: rl('u-1'),
		},
		requests: [
			{
				method: 'DELETE',
				path: '/v2/partners/123/users/u-1',
				body: undefined,
				reply: { body: {} },
			},
		],
		output: [{ deleted: true, orgId: '123', userId: 'u-1' }],
	},
	{
		title: 'Partner User > Delete: an answer with a body (no content, 204) gives the same item',
		parameters: {
			resource: 'partnerUser',
			operation: 'delete',
			orgId: rl('123'),
			userId: rl('u-1'),
		},
		requests: [
			{
				method: 'DELETE',
				path: '/v2/partners/123/users/u-1',
				body: undefined,
				reply: { status: 204 },
			},
		],
		output: [{ deleted: true, orgId: '123', userId: 'u-1' }],
	},
	{
		title: 'Partner User > Delete: the deleted user in the answer is not output, the IDs are',
		parameters: {
			resource: 'partnerUser',
			operation: 'delete',
			orgId: rl('123'),
			userId: rl('u-1'),
		},
		requests: [
			{
				method: 'DELETE',
				path: '/v2/partners/123/users/u-1',
				body: undefined,
				reply: { body: { id: 'u-1', email: 'ada@acme.test', status: 'Active' } },
			},
		],
		output: [{ deleted: true, orgId: '123', userId: 'u-1' }],
	},
	{
		title: 'Partner User > Assign Roles: POST .../roles with roleIds',
		parameters: {
			resource: 'partnerUser',
			operation: 'assignRoles',
			orgId: rl('123'),
			userId: rl('u-1'),
			roleIds: ['123:a', '123:b'],
		},
		requests: [
			{
				method: 'POST',
				path: '/v2/partners/123/users/u-1/roles',
				headers: jsonHeaders,
				body: { roleIds: ['123:a', '123:b'] },
				reply: { body: bothRoles },
			},
		],
		output: [bothRoles],
	},
	{
		title: 'Partner User > Unassign Roles: DELETE .../roles with a JSON body',
		parameters: {
			resource: 'partnerUser',
			operation: 'unassignRoles',
			orgId: rl('123'),
			userId: rl('u-1'),
			roleIds: '123:a, 123:b',
		},
		requests: [
			{
				method: 'DELETE',
				path: '/v2/partners/123/users/u-1/roles',
				headers: jsonHeaders,
				body: { roleIds: ['123:a', '123:b'] },
				reply: { body: bothRoles },
			},
		],
		output: [bothRoles],
	},
	{
		title: 'Partner Role > Get Many: GET /v2/partners/{orgId}/roles, one item per role',
		parameters: { resource: 'partnerRole', operation: 'getAll', orgId: rl('123') },
		requests: [
			{ method: 'GET', path: '/v2/partners/123/roles', reply: { body: { results: [role] } } },
		],
		output: [role],
	},
	{
		title: 'Partner Role > Create: POST /v2/partners/{orgId}/roles with grants built from fields',
		parameters: {
			resource: 'partnerRole',
			operation: 'create',
			orgId: rl('123'),
			name: 'Partner Sales',
			slug: 'partner_sales',
			grantsInputMode: 'fields',
			grants: {
				grant: [
					{
						action: 'entity-read',
						resource: 'entity:123:opportunity:*',
						effect: 'allow',
						conditions: {
							condition: [{ attribute: 'workflows.primary.task_name', values: 'Review, Approve' }],
						},
						dependencies: {
							dependency: [
								{
									action: 'entity-read',
									resource: 'entity:123:contact:*',
									effect: 'allow',
									conditions: { condition: [{ attribute: 'type', values: 'lead' }] },
								},
							],
						},
					},
					{ action: 'entity-delete', resource: '', effect: 'deny' },
				],
			},
		},
		requests: [
			{
				method: 'POST',
				path: '/v2/partners/123/roles',
				headers: jsonHeaders,
				body: {
					name: 'Partner Sales',
					slug: 'partner_sales',
					grants: [
						{
							action: 'entity-read',
							resource: 'entity:123:opportunity:*',
							effect: 'allow',
							conditions: [
								{
									attribute: 'workflows.primary.task_name',
									operation: 'equals',
									values: ['Review', 'Approve'],
								},
							],
							dependencies: [
								{
									action: 'entity-read',
									resource: 'entity:123:contact:*',
									effect: 'allow',
									conditions: [{ attribute: 'type', operation: 'equals', values: ['lead'] }],
								},
							],
						},
						{ action: 'entity-delete', effect: 'deny' },
					],
				},
				reply: { status: 201, body: role },
			},
		],
		output: [role],
	},
	{
		title:
			'Partner Role > Update: PUT /v2/partners/{orgId}/roles/{roleId} with the whole role from JSON',
		parameters: {
			resource: 'partnerRole',
			operation: 'update',
			orgId: rl('123'),
			roleId: rl('123:partner_sales'),
			name: 'Sales',
			slug: 'partner_sales',
			grantsInputMode: 'json',
			grantsJson: '[{"action":"entity-read","resource":"entity:123:*:*"}]',
		},
		requests: [
			{
				method: 'PUT',
				path: '/v2/partners/123/roles/123%3Apartner_sales',
				headers: jsonHeaders,
				body: {
					name: 'Sales',
					slug: 'partner_sales',
					grants: [{ action: 'entity-read', resource: 'entity:123:*:*' }],
				},
				reply: { body: { ...role, name: 'Sales' } },
			},
		],
		output: [{ ...role, name: 'Sales' }],
	},
	{
		title: 'Partner Role > Update: ID in Body adds the optional body id',
		parameters: {
			resource: 'partnerRole',
			operation: 'update',
			orgId: rl('123'),
			roleId: rl('123:partner_sales'),
			name: 'Sales',
			slug: 'partner_sales',
			grantsInputMode: 'json',
			grantsJson: '[{"action":"entity-read"}]',
			roleUpdateFields: { id: ' 123:partner_sales ' },
		},
		requests: [
			{
				method: 'PUT',
				path: '/v2/partners/123/roles/123%3Apartner_sales',
				headers: jsonHeaders,
				body: {
					name: 'Sales',
					slug: 'partner_sales',
					grants: [{ action: 'entity-read' }],
					id: '123:partner_sales',
				},
				reply: { body: role },
			},
		],
		output: [role],
	},
	{
		title: 'Partner Role > Update: an ID in Body that is no role ID is refused before sending',
		parameters: {
			resource: 'partnerRole',
			operation: 'update',
			orgId: rl('123'),
			roleId: rl('123:partner_sales'),
			name: 'Sales',
			slug: 'partner_sales',
			grantsInputMode: 'json',
			grantsJson: '[{"action":"entity-read"}]',
			roleUpdateFields: { id: 'partner_sales' },
		},
		requests: [],
		error: {
			message:
				'ID in Body: "partner_sales" is not a role ID of the form <org_id>:<slug>, e.g. 123456:partner_sales',
		},
	},
	{
		title:
			'Partner Role > Delete: DELETE /v2/partners/{orgId}/roles/{roleId}; the deleted role epilot answers becomes { deleted, orgId, roleId }',
		parameters: {
			resource: 'partnerRole',
			operation: 'delete',
			orgId: rl('123'),
			roleId: rl('123:partner_sales'),
		},
		requests: [
			{
				method: 'DELETE',
				path: '/v2/partners/123/roles/123%3Apartner_sales',
				body: undefined,
				reply: { body: role },
			},
		],
		output: [{ deleted: true, orgId: '123', roleId: '123:partner_sales' }],
	},
	{
		title: 'Partner Role > Delete: an empty answer gives the same item',
		parameters: {
			resource: 'partnerRole',
			operation: 'delete',
			orgId: rl('123'),
			roleId: rl('123:partner_sales'),
		},
		requests: [
			{
				method: 'DELETE',
				path: '/v2/partners/123/roles/123%3Apartner_sales',
				body: undefined,
				reply: { status: 204 },
			},
		],
		output: [{ deleted: true, orgId: '123', roleId: '123:partner_sales' }],
	},
	{
		title: 'Custom API Call: any method and path under the server, with query and JSON body',
		parameters: {
			resource: 'customApiCall',
			operation: 'send',
			requestMethod: 'PATCH',
			requestPath: '/v2/partners/123/settings',
			requestQuery: { parameter: [{ name: 'dryRun', value: 'true' }] },
			requestBody: '{"limit": 5}',
		},
		requests: [
			{
				method: 'PATCH',
				path: '/v2/partners/123/settings',
				query: { dryRun: 'true' },
				headers: jsonHeaders,
				body: { limit: 5 },
				reply: { body: { ok: true } },
			},
		],
		output: [{ ok: true }],
	},
]);
