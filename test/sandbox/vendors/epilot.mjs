// Fake of the epilot Partner Directory API 1.7.0: all 17 operations of the spec in
// ../specs/epilot-partner-directory.openapi.json, with in-memory state that behaves as the
// Epilot node assumes (README "Epilot assumptions"). Requests are validated against the spec
// by the core; this file holds only the behaviour.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { HttpError } from '../core/server.mjs';
import { routesFromOpenApi } from '../core/openapi.mjs';

const spec = JSON.parse(
	readFileSync(new URL('../specs/epilot-partner-directory.openapi.json', import.meta.url), 'utf8'),
);

/** The only bearer token the fake accepts. */
export const EPILOT_TOKEN = 'sandbox-epilot-token';
/** The caller's (vendor's) own organization. */
export const VENDOR_ORG_ID = '100001';

/**
 * Seed data, documented in the README: partners to invite, approve, reject and activate, and
 * one partner organization with roles and a user.
 */
export const EPILOT_SEED = {
	partnerPending: '6f1c2a3b-0000-4000-8000-000000000001',
	partnerRequest: '6f1c2a3b-0000-4000-8000-000000000002',
	partnerInvited: '6f1c2a3b-0000-4000-8000-000000000003',
	invitationToken: 'sandbox-invitation-token',
	partnerOrgId: '200001',
	roles: ['200001:partner_sales', '200001:partner_viewer'],
	userId: '300001',
};

function seed(assignables) {
	const now = '2026-01-15T09:00:00.000Z';
	const partner = (id, fields) => ({
		id,
		organization_id: VENDOR_ORG_ID,
		created_at: now,
		...fields,
	});
	const roles = [
		['partner_sales', 'Partner Sales'],
		['partner_viewer', 'Partner Viewer'],
	].map(([slug, name]) => ({
		id: `${EPILOT_SEED.partnerOrgId}:${slug}`,
		slug,
		name,
		type: 'share_role',
		grants: [
			{ action: 'entity-read', resource: `entity:${VENDOR_ORG_ID}:opportunity:*`, effect: 'allow' },
		],
	}));
	return {
		partners: [
			partner(EPILOT_SEED.partnerPending, {
				company_name: 'Sonnenschein Solar GmbH',
				email: 'partner@sonnenschein-solar.example',
				status: 'Pending',
				partner_org_id: EPILOT_SEED.partnerOrgId,
			}),
			partner(EPILOT_SEED.partnerRequest, {
				company_name: 'Windkraft Nord AG',
				email: 'contact@windkraft-nord.example',
				status: 'Request',
			}),
			partner(EPILOT_SEED.partnerInvited, {
				company_name: 'Waermepumpen Sued KG',
				email: 'info@waermepumpen-sued.example',
				status: 'Invited',
				invitation_token: EPILOT_SEED.invitationToken,
			}),
		],
		orgs: [
			{
				id: EPILOT_SEED.partnerOrgId,
				partner_id: EPILOT_SEED.partnerPending,
				name: 'Sonnenschein Solar GmbH',
				roles,
				users: [
					{
						id: EPILOT_SEED.userId,
						name: 'Petra Partner',
						email: 'petra@sonnenschein-solar.example',
						status: 'Active',
						roleIds: [roles[0].id],
					},
				],
			},
		],
		nextUserId: 300002,
		assignables,
	};
}

const TYPES = ['user', 'partner_user', 'group', 'ecp'];

/** Most users one `POST /_sandbox/epilot/users` adds. */
const MAX_GENERATED = 20000;

/** Bodies of the control endpoints (/_sandbox/epilot/…). */
const CONTROL = {
	accept: z
		.object({
			orgId: z.string().min(1),
			userId: z.string().min(1).optional(),
			email: z.string().email().optional(),
		})
		.strict()
		.refine((b) => (b.userId === undefined) !== (b.email === undefined), {
			message: 'give either userId or email',
		}),
	users: z
		.object({
			orgId: z.string().min(1),
			count: z.number().int().min(1).max(MAX_GENERATED),
			status: z.enum(['Active', 'Pending', 'Deactivated']).default('Active'),
			roleIds: z.array(z.string().min(1)).default([]),
		})
		.strict(),
};

/** The control body checked with `schema`, or a 400 naming the field. */
function controlBody(schema, body) {
	const check = schema.safeParse(body);
	if (check.success) return check.data;
	const issues = check.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
	throw new HttpError(400, `Invalid body: ${issues.join('; ')}`);
}

/**
 * `count` generated assignables to page through, in a stable order. Partner organizations and
 * partner users that really exist in the state are listed in front of them.
 */
function generateAssignables(count) {
	const list = [];
	for (let i = 1; i <= count; i++) {
		const type = TYPES[i % TYPES.length];
		const n = String(i).padStart(4, '0');
		const base = {
			type,
			org_id: type === 'partner_user' ? '200900' : VENDOR_ORG_ID,
			display_name: `${type === 'group' ? 'Group' : 'Person'} ${n}`,
			status: 'Active',
			created_at: '2026-01-01T00:00:00.000Z',
			image_uri: { original: `https://example.invalid/avatar/${n}.png` },
		};
		if (type === 'group') list.push({ ...base, group_id: `g-${n}` });
		else list.push({ ...base, user_id: `u-${n}`, email: `person${n}@example.invalid` });
	}
	return list;
}

function roleRef(role) {
	return { id: role.id, slug: role.slug, name: role.name };
}

/** Dependencies of a grant are expanded into the role's own grants, as epilot stores them. */
function expandGrants(grants) {
	return grants.flatMap(({ dependencies = [], ...grant }) => [grant, ...dependencies]);
}

/** Stable fake coordinates for an address (somewhere in Germany). */
function geocode(address) {
	const hash = createHash('sha256').update(address.trim().toLowerCase()).digest();
	const fraction = (offset) => hash.readUInt32BE(offset) / 0xffffffff;
	return {
		lat: Number((47.3 + fraction(0) * 7.7).toFixed(6)),
		lng: Number((5.9 + fraction(4) * 9.1).toFixed(6)),
		addressLabel: address.trim(),
		relevance: 0.9,
	};
}

export default function epilot(options = {}) {
	const count = Number(options.assignables ?? process.env.SANDBOX_ASSIGNABLES ?? 300);
	let state = seed(generateAssignables(count));

	const partner = (id) => {
		const found = state.partners.find((p) => p.id === id);
		if (!found) throw new HttpError(404, `Partner ${id} not found`);
		return found;
	};
	const byToken = (token) => {
		const found = state.partners.find((p) => p.invitation_token && p.invitation_token === token);
		if (!found) throw new HttpError(404, 'No partner found for this invitation token');
		return found;
	};
	const org = (orgId) => {
		const found = state.orgs.find((o) => o.id === orgId);
		if (!found) throw new HttpError(404, `Partner organization ${orgId} not found`);
		return found;
	};
	const user = (o, userId) => {
		const found = o.users.find((u) => u.id === userId);
		if (!found)
			throw new HttpError(404, `User ${userId} not found in partner organization ${o.id}`);
		return found;
	};
	const role = (o, roleId) => {
		const found = o.roles.find((r) => r.id === roleId);
		if (!found)
			throw new HttpError(404, `Role ${roleId} not found in partner organization ${o.id}`);
		return found;
	};
	const partnerUser = (o, u) => ({
		id: u.id,
		...(u.name ? { name: u.name } : {}),
		email: u.email,
		status: u.status,
		roles: u.roleIds.map((id) => roleRef(role(o, id))),
	});
	const allAssignables = () => [
		...state.orgs.map((o) => ({
			type: 'partner_organization',
			org_id: o.id,
			partner_id: o.partner_id,
			display_name: o.name,
			status: 'Active',
		})),
		...state.orgs.flatMap((o) =>
			o.users.map((u) => ({
				type: 'partner_user',
				org_id: o.id,
				partner_id: o.partner_id,
				user_id: u.id,
				email: u.email,
				display_name: u.name ?? u.email,
				status: u.status,
			})),
		),
		...state.assignables,
	];
	const perRole = (o, roleIds, apply) => ({
		results: roleIds.map((roleId) => {
			const found = o.roles.find((r) => r.id === roleId);
			if (!found) return { roleId, success: false, error: { message: `Role ${roleId} not found` } };
			return apply(found);
		}),
	});

	const handlers = {
		approvePartner: ({ params }) => {
			const p = partner(params.id);
			if (p.status !== 'Request')
				throw new HttpError(400, `Partner ${p.id} has no pending request (status ${p.status})`);
			p.status = 'Invited';
			return { status: 201, body: p };
		},
		rejectPartner: ({ params }) => {
			const p = partner(params.id);
			if (p.status !== 'Request')
				throw new HttpError(400, `Partner ${p.id} has no pending request (status ${p.status})`);
			p.status = 'Rejected';
			return { body: p };
		},
		invitePartnerV2: ({ params }) => {
			const p = partner(params.id);
			if (p.status === 'Rejected' || p.status === 'Deleted')
				throw new HttpError(400, `Partner ${p.id} is ${p.status}`);
			p.status = 'Invited';
			p.invitation_token = randomUUID();
			return { body: p };
		},
		getPartnerByToken: ({ query }) => ({ body: byToken(query.token) }),
		activatePartner: ({ query, body }) => {
			const p = byToken(query.token);
			if (p.signed_up_email) throw new HttpError(409, 'The invitation was already accepted');
			p.signed_up_email = body.signed_up_email;
			p.partner_org_id = body.organization_id;
			if (body.company_name) p.company_name = body.company_name;
			if (!state.orgs.some((o) => o.id === body.organization_id)) {
				state.orgs.push({
					id: body.organization_id,
					partner_id: p.id,
					name: p.company_name ?? body.organization_id,
					roles: [],
					users: [],
				});
			}
			return { status: 200 };
		},
		searchAssignable: ({ body }) => {
			// The spec asks for an entity scope when `types` names `ecp`; without `types` the
			// default (which includes ecp) returns placeholders, so the node's credential test passes.
			const types = body.types ?? ['user', 'partner_user', 'partner_organization', 'ecp', 'group'];
			if (body.types?.includes('ecp') && !body.portalUsersEntityIdScope) {
				throw new HttpError(400, 'portalUsersEntityIdScope is required when types includes ecp');
			}
			const q = (body.q ?? '').toLowerCase();
			const hits = allAssignables().filter(
				(a) =>
					types.includes(a.type) &&
					(!body.org_ids || body.org_ids.includes(a.org_id)) &&
					(!q ||
						a.display_name.toLowerCase().includes(q) ||
						(a.email ?? '').toLowerCase().includes(q)),
			);
			const from = body.from ?? 0;
			return { body: { hits: hits.length, results: hits.slice(from, from + (body.size ?? 25)) } };
		},
		batchGetAssignable: ({ body }) => {
			const all = allAssignables();
			const results = body.flatMap((ref) => {
				const orgId = ref.org_id ?? VENDOR_ORG_ID;
				const found = all.find(
					(a) =>
						a.org_id === orgId &&
						((ref.user_id && a.user_id === ref.user_id) ||
							(ref.group_id && a.group_id === ref.group_id)),
				);
				return found ? [found] : [];
			});
			return { body: { hits: results.length, results } };
		},
		searchGeolocationForText: ({ body }) => {
			if (!body.address.trim()) throw new HttpError(404, 'No location found for this address');
			return { body: geocode(body.address) };
		},
		getPartnerUsers: ({ params }) => {
			const o = org(params.orgId);
			return { body: { results: o.users.map((u) => partnerUser(o, u)) } };
		},
		createPartnerUser: ({ params, body }) => {
			const o = org(params.orgId);
			if (o.users.some((u) => u.email.toLowerCase() === body.email.toLowerCase())) {
				throw new HttpError(400, `A user with email ${body.email} already exists`);
			}
			const roleIds = body.roles ?? [];
			for (const id of roleIds) role(o, id);
			const created = {
				id: String(state.nextUserId++),
				email: body.email,
				status: 'Pending',
				language: body.language ?? 'en',
				roleIds: [...new Set(roleIds)],
			};
			o.users.push(created);
			return {
				status: 201,
				body: {
					id: created.id,
					email: created.email,
					display_name: created.email,
					status: 'Pending',
				},
			};
		},
		deletePartnerUser: ({ params }) => {
			const o = org(params.orgId);
			const u = user(o, params.userId);
			o.users.splice(o.users.indexOf(u), 1);
			return { body: {} };
		},
		getPartnerRoles: ({ params }) => ({ body: { results: org(params.orgId).roles } }),
		createPartnerRole: ({ params, body }) => {
			const o = org(params.orgId);
			const id = `${o.id}:${body.slug}`;
			if (o.roles.some((r) => r.id === id))
				throw new HttpError(400, `Role slug ${body.slug} already exists`);
			const created = {
				id,
				slug: body.slug,
				name: body.name,
				type: 'share_role',
				grants: expandGrants(body.grants),
			};
			o.roles.push(created);
			return { status: 201, body: created };
		},
		updatePartnerRole: ({ params, body }) => {
			const r = role(org(params.orgId), params.roleId);
			Object.assign(r, { name: body.name, slug: body.slug, grants: expandGrants(body.grants) });
			return { body: r };
		},
		deletePartnerRole: ({ params }) => {
			const o = org(params.orgId);
			const r = role(o, params.roleId);
			const holders = o.users.filter((u) => u.roleIds.includes(r.id));
			if (holders.length)
				throw new HttpError(409, `Role ${r.id} is still assigned to ${holders.length} user(s)`);
			o.roles.splice(o.roles.indexOf(r), 1);
			return { body: r };
		},
		assignPartnerUserRoles: ({ params, body }) => {
			const o = org(params.orgId);
			const u = user(o, params.userId);
			return {
				body: perRole(o, body.roleIds, (r) => {
					if (!u.roleIds.includes(r.id)) u.roleIds.push(r.id);
					return { roleId: r.id, success: true, data: { userId: u.id, roleId: r.id } };
				}),
			};
		},
		unassignPartnerUserRoles: ({ params, body }) => {
			const o = org(params.orgId);
			const u = user(o, params.userId);
			return {
				body: perRole(o, body.roleIds, (r) => {
					if (!u.roleIds.includes(r.id)) {
						return {
							roleId: r.id,
							success: false,
							error: { message: `Role ${r.id} is not assigned to user ${u.id}` },
						};
					}
					u.roleIds = u.roleIds.filter((id) => id !== r.id);
					return { roleId: r.id, success: true, data: { userId: u.id, roleId: r.id } };
				}),
			};
		},
	};

	// --- control endpoints (/_sandbox/epilot/…) -----------------------------------------------
	function control({ method, path, body }) {
		// The user finishes registration: Pending becomes Active.
		if (method === 'POST' && path === '/accept') {
			const input = controlBody(CONTROL.accept, body);
			const o = org(input.orgId);
			const email = input.email?.toLowerCase();
			const u = email
				? o.users.find((x) => x.email.toLowerCase() === email)
				: o.users.find((x) => x.id === input.userId);
			if (!u) {
				throw new HttpError(
					404,
					`User ${input.email ?? input.userId} not found in partner organization ${o.id}`,
				);
			}
			if (u.status !== 'Pending') throw new HttpError(409, `User ${u.id} is already ${u.status}`);
			u.status = 'Active';
			return { status: 200, body: partnerUser(o, u) };
		}
		// Scale tests: `count` generated users (ids continuing nextUserId, user<id>@example.invalid).
		if (method === 'POST' && path === '/users') {
			const input = controlBody(CONTROL.users, body);
			const o = org(input.orgId);
			const roleIds = [...new Set(input.roleIds)];
			for (const id of roleIds) role(o, id);
			const taken = new Set(o.users.map((u) => u.email.toLowerCase()));
			const ids = [];
			while (ids.length < input.count) {
				const id = String(state.nextUserId++);
				const email = `user${id}@example.invalid`;
				if (taken.has(email)) continue;
				ids.push(id);
				o.users.push({
					id,
					name: `User ${id}`,
					email,
					status: input.status,
					language: 'en',
					roleIds: [...roleIds],
				});
			}
			return {
				status: 201,
				body: {
					orgId: o.id,
					added: ids.length,
					total: o.users.length,
					firstUserId: ids[0],
					lastUserId: ids.at(-1),
				},
			};
		}
		return undefined;
	}

	return {
		name: 'epilot',
		token: EPILOT_TOKEN,
		routes: routesFromOpenApi(spec, handlers),
		control,
		get state() {
			return state;
		},
		reset() {
			state = seed(state.assignables);
		},
		urls: (origin) => ({ epilot: `${origin}/epilot` }),
		// The API Gateway in front of epilot rejects a missing or wrong token before the service.
		authenticate(headers) {
			if (headers.authorization !== `Bearer ${EPILOT_TOKEN}`)
				throw new HttpError(401, 'Unauthorized');
		},
		// epilot does not document error bodies; `{message}` is what its services and API Gateway send.
		errorBody: (status, message) => ({ message }),
		credentials: (urls) => [
			{
				id: 'sandboxEpilot001',
				name: 'Epilot (sandbox)',
				type: 'epilotApi',
				data: { accessToken: EPILOT_TOKEN, server: 'custom', customUrl: urls.epilot },
			},
		],
	};
}
