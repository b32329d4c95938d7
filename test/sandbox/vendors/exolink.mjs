// Fake of the Exolink API 1.0.0: the 20 operations the Exolink node uses, with in-memory state
// that behaves as the node assumes (README "Exolink assumptions"). Exolink publishes no
// reachable OpenAPI file (its reference is the docs site guides.exolink.com/apis/exolink_api), so the routes and their zod
// schemas are written here by hand from the docs: closed objects where the docs list the whole
// body (Create Invite, Update User, Set User Role, Bulk Set User Roles), open ones where the
// page is cut off (Update Tenant), and the node's own assumption where the docs are silent
// (Add IP `{ ip }`, Create CPMS's optional fields).
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { assumedAnswer, handRoute } from '../core/routes.mjs';
import { HttpError } from '../core/server.mjs';

/** The only bearer token the fake accepts. */
export const EXOLINK_TOKEN = 'sandbox-exolink-token';

/** Seed data, documented in the README. */
export const EXOLINK_SEED = {
	tenant: 'abc123',
	otherTenant: 'xyz789',
	users: {
		admin: '4b1c2f6e-8d7a-4f3e-9c1b-2a5d6e7f8a9b',
		user: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
		viewer: '16fd2706-8baf-433b-82eb-8c7fada847da',
		otherAdmin: '9f2d1a3b-5c4e-4f6a-8b7c-0d1e2f3a4b5c',
	},
	/** Every seeded user's password (Update User checks it for password and MFA changes). */
	password: 'sandbox-secret',
	products: [1, 2, 3],
	ipEntry: 1,
	cpms: 1,
};

export const ROLES = ['admin', 'user', 'viewer'];

/** Most users one `POST /_sandbox/exolink/users` adds. */
const MAX_GENERATED = 20000;

/** Charger fields the docs list before their page is cut off. */
const DOCUMENTED_CHARGER_FIELDS = [
	'id',
	'tenantId',
	'profileId',
	'displayName',
	'provisioned',
	'identity',
	'chargeBoxSerialNumber',
	'chargePointSerialNumber',
	'meterSerialNumber',
	'chargePointModel',
	'chargePointVendor',
	'firmwareVersion',
	'iccid',
	'imsi',
];

/**
 * Answers Exolink does not document (its pages end before them, or show only a sentence such
 * as "Invitation created successfully"). Off, the sandbox sends the status and no body.
 */
const ASSUMED = {
	updateTenant: assumedAnswer({
		name: 'exolink.updatedTenant',
		vendorSays: 'Update Tenant: the page is cut off after the request body; no response shown',
		weAssume: 'the updated tenant (the Get Tenant shape)',
	}),
	stats: assumedAnswer({
		name: 'exolink.tenantStatistics',
		vendorSays: 'Get Tenant Statistics: index entry only ("Retrieve tenant usage statistics")',
		weAssume:
			'an object of counts: users, pendingInvites, chargers, provisionedChargers, cpms, ipWhitelistEntries',
	}),
	invite: assumedAnswer({
		name: 'exolink.inviteAnswer',
		vendorSays: 'Create Invite: "Invitation created successfully", no body shown',
		weAssume: 'the pending tenant user: userId, username, role, language, status',
	}),
	ipList: assumedAnswer({
		name: 'exolink.ipEntries',
		vendorSays:
			'List IPs: index entry only ("Get IP whitelist for the tenant"); the entry shape is not shown',
		weAssume: 'an array of entries { id, ip, createdAt }',
		documented: (result) => ({ ...result, body: [] }),
	}),
	ipAdded: assumedAnswer({
		name: 'exolink.addedIpEntry',
		vendorSays: 'Add IP: index entry only ("Add IP to whitelist"); request and response not shown',
		weAssume:
			"the new entry { id, ip, createdAt } (the request body { ip } is the node's assumption too)",
	}),
	metrics: assumedAnswer({
		name: 'exolink.tenantMetrics',
		vendorSays: 'Get Metrics: index entry only, its summary cut off',
		weAssume: 'an array of { name, value }',
	}),
	updateUser: assumedAnswer({
		name: 'exolink.updatedUser',
		vendorSays: 'Update User: the page is cut off before the response',
		weAssume: 'the updated user (the Get User shape)',
	}),
	createCpms: assumedAnswer({
		name: 'exolink.createdCpms',
		vendorSays: 'Create CPMS: the page is cut off after the request body',
		weAssume: 'the created CPMS (the List CPMS entry shape)',
	}),
	chargers: assumedAnswer({
		name: 'exolink.chargerTimestamps',
		vendorSays: 'List Chargers: the field list is cut off after imsi',
		weAssume: 'createdAt and updatedAt besides the listed fields',
		documented: (result) => ({
			...result,
			body: result.body.map((charger) =>
				Object.fromEntries(
					Object.entries(charger).filter(([key]) => DOCUMENTED_CHARGER_FIELDS.includes(key)),
				),
			),
		}),
	}),
};

/** Exolink documents no error body at all. */
const ERROR_BODY = {
	name: 'exolink.errorBody',
	vendorSays: 'No error response (4xx/5xx) is shown on any page',
	weAssume: '{ statusCode, error, message }; off: { message } only',
};

/**
 * Whether an invitee is a tenant user before accepting is not documented: off, a pending
 * member is left out of every tenant-user operation until `POST /_sandbox/exolink/accept`.
 */
const INVITEE_LISTED = {
	operationId: 'list_tenant_users, set_user_role, bulk_set_user_roles, remove_tenant_user',
	...assumedAnswer({
		name: 'exolink.inviteeListed',
		vendorSays:
			'Exolink does not document whether an invited user is listed by List Tenant Users before accepting',
		weAssume:
			'the invitee is listed at once, with the role of the invitation (Set User Role, Bulk Set User Roles and Remove find it, User > Get shows it in perms); off: a pending invitee is none of these until accepted (POST /_sandbox/exolink/accept)',
	}),
};

const SEEDED_AT = '2026-01-15T09:00:00.000Z';

function seed() {
	const { users: u } = EXOLINK_SEED;
	const user = (userId, givenName, familyName, email, mfa) => ({
		userId,
		username: email,
		email,
		givenName,
		familyName,
		mfa,
		password: EXOLINK_SEED.password,
		createdAt: SEEDED_AT,
		updatedAt: SEEDED_AT,
	});
	const tenant = (id, domainPrefix, name, extra) => ({
		id,
		name,
		domainPrefix,
		stripeCustomerId: `cus_sandbox${String(id).padStart(4, '0')}`,
		connectUrl: `wss://${domainPrefix}.broker.exolink.cloud/`,
		createdAt: SEEDED_AT,
		updatedAt: SEEDED_AT,
		deletedAt: null,
		...extra,
	});
	const product = (id, name, displayName, price, active, chargers) => ({
		id,
		name,
		displayName,
		description: `${displayName}: OCPP broker for up to ${chargers} chargers`,
		active,
		price,
		stripeProductId: `prod_sandbox${id}`,
		stripePriceId: `price_sandbox${id}`,
		metadata: { type: 'connect', limits: { chargers }, features: ['ocpp16', 'ip-whitelist'] },
		createdAt: SEEDED_AT,
		updatedAt: SEEDED_AT,
	});
	const charger = (id, tenantId, displayName, identity, provisioned) => ({
		id,
		tenantId,
		profileId: 1,
		displayName,
		provisioned,
		identity,
		chargeBoxSerialNumber: `CBS-${identity}`,
		chargePointSerialNumber: `CPS-${identity}`,
		meterSerialNumber: `MS-${identity}`,
		chargePointModel: 'KC-P30-EC2404B2-E00',
		chargePointVendor: 'Keba AG',
		firmwareVersion: '3.10.42',
		iccid: '',
		imsi: '',
		createdAt: SEEDED_AT,
		updatedAt: SEEDED_AT,
	});
	return {
		users: [
			user(u.admin, 'Ada', 'Lovelace', 'ada@company.example', true),
			user(u.user, 'Bob', 'Builder', 'bob@company.example', false),
			user(u.viewer, 'Vera', 'Viewer', 'vera@company.example', false),
			user(u.otherAdmin, 'Oscar', 'Owner', 'oscar@second-site.example', false),
		],
		tenants: [
			tenant(1, EXOLINK_SEED.tenant, 'My Company', {
				customDomain: 'wss://chargers.company.example/',
				members: [
					{ userId: u.admin, role: 'admin', status: 'active' },
					{ userId: u.user, role: 'user', status: 'active' },
					{ userId: u.viewer, role: 'viewer', status: 'active' },
				],
				subscription: { id: 1, productId: 2, status: 'active', quantity: 5 },
				ips: [{ id: EXOLINK_SEED.ipEntry, ip: '203.0.113.10', createdAt: SEEDED_AT }],
				cpms: [
					{
						id: EXOLINK_SEED.cpms,
						tenantId: 1,
						displayName: 'Main CPMS',
						url: 'wss://cpms.company.example/ocpp',
						authPassThrough: false,
						interval: 30,
						createdAt: SEEDED_AT,
						updatedAt: SEEDED_AT,
						deletedAt: null,
					},
				],
				chargers: [
					charger(1, 1, 'Garage left', 'GARAGE-01', true),
					charger(2, 1, 'Garage right', 'GARAGE-02', false),
				],
			}),
			tenant(2, EXOLINK_SEED.otherTenant, 'Second Site', {
				customDomain: null,
				members: [
					{ userId: u.otherAdmin, role: 'admin', status: 'active' },
					{ userId: u.admin, role: 'viewer', status: 'active' },
				],
				subscription: { id: 2, productId: 1, status: 'canceled', quantity: 1 },
				ips: [],
				cpms: [],
				chargers: [],
			}),
		],
		products: [
			product(1, 'connect_basic', 'Connect Basic', 2900, true, 10),
			product(2, 'connect_pro', 'Connect Pro', 9900, true, 100),
			product(3, 'connect_legacy', 'Connect Legacy', 1900, false, 5),
		],
		nextIpId: 2,
		nextCpmsId: 2,
		/** Number of the next generated user (`POST /_sandbox/exolink/users`). */
		nextGeneratedUser: 1,
	};
}

// ---------------------------------------------------------------------------------------------
// Request schemas (zod). The core answers 400 naming the field when one fails.

const role = z.enum(ROLES);
const password = z.string().min(1);
/** Exolink documents no list of languages, only the example "en": a language code is expected. */
const language = z
	.string()
	.regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a language code such as en, de or de-AT');
const noQuery = z.object({}).passthrough();

const schemas = {
	// Documented: `name` (required); the page is cut off after it, so other fields pass.
	updateTenant: z.object({ name: z.string() }).passthrough(),
	// Documented: an array of { id, role }. Neither field is marked required in the docs, but an
	// entry without them cannot mean anything, so both are required here.
	bulkSetUserRoles: z.array(z.object({ id: z.string().min(1), role: z.string() }).strict()),
	// Documented: `role` string, required (values inferred: admin, user, viewer, checked below).
	setUserRole: z.object({ role: z.string() }).strict(),
	// Documented completely: all three fields required, role an enum.
	createInvite: z.object({ receiver: z.string().email(), role, language }).strict(),
	// Undocumented: the node sends `{ ip }`.
	addIp: z.object({ ip: z.string().min(1) }).strict(),
	// Documented completely: seven fields, none required.
	updateUser: z
		.object({
			givenName: z.string().optional(),
			familyName: z.string().optional(),
			email: z.string().email().optional(),
			oldPassword: password.optional(),
			newPassword: password.optional(),
			mfa: z.boolean().optional(),
			password: password.optional(),
		})
		.strict(),
	// Documented: displayName and url (uri), both required; authPassThrough and interval are
	// fields of the CPMS object the node also sends (assumed accepted).
	createCpms: z
		.object({
			displayName: z.string().min(1),
			url: z.string().url(),
			authPassThrough: z.boolean().optional(),
			interval: z.number().positive().optional(),
		})
		.strict(),
};

// Documented response shapes (open objects), for the self-test.
const date = z.string().datetime();
const responses = {
	tenant: z.object({
		id: z.number().int(),
		name: z.string(),
		domainPrefix: z.string(),
		stripeCustomerId: z.string(),
		connectUrl: z.string(),
		customDomain: z.string().nullable(),
		createdAt: date,
		updatedAt: date,
		deletedAt: date.nullable(),
	}),
	subscription: z.object({
		id: z.number().int(),
		tenantId: z.number().int(),
		productId: z.number().int(),
		productName: z.string(),
		status: z.enum(['active', 'canceled', 'expired']),
		quantity: z.number().int(),
		stripeSubscriptionId: z.string(),
		createdAt: date,
		updatedAt: date,
	}),
	tenantUsers: z.array(
		z.object({
			userId: z.string(),
			username: z.string(),
			givenName: z.string().optional(),
			familyName: z.string().optional(),
			role,
		}),
	),
	user: z.object({
		userId: z.string().uuid(),
		username: z.string(),
		email: z.string().email(),
		givenName: z.string(),
		familyName: z.string(),
		mfa: z.boolean(),
		perms: z.record(role),
		createdAt: date,
		updatedAt: date,
	}),
	product: z.object({
		id: z.number().int(),
		name: z.string(),
		displayName: z.string(),
		description: z.string(),
		active: z.boolean(),
		price: z.number().int(),
		stripeProductId: z.string(),
		stripePriceId: z.string(),
		metadata: z.object({}).passthrough(),
		createdAt: date,
		updatedAt: date,
	}),
	cpms: z.object({
		id: z.number().int(),
		tenantId: z.number().int(),
		displayName: z.string(),
		url: z.string(),
		authPassThrough: z.boolean(),
		interval: z.number(),
		createdAt: z.string(),
		updatedAt: z.string(),
		deletedAt: z.string().nullable(),
	}),
	charger: z.object({
		id: z.number().int(),
		tenantId: z.number().int(),
		profileId: z.number().int(),
		displayName: z.string(),
		provisioned: z.boolean(),
		identity: z.string(),
		chargePointModel: z.string(),
		chargePointVendor: z.string(),
	}),
};
responses.products = z.array(responses.product);
responses.cpmsList = z.array(responses.cpms);
responses.chargers = z.array(responses.charger);

const STATUS_TEXT = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	413: 'Payload Too Large',
	422: 'Unprocessable Entity',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
};

export default function exolink({ assumes = () => false } = {}) {
	let state = seed();
	const now = () => new Date().toISOString();

	const tenant = (prefix) => {
		const found = state.tenants.find((t) => t.domainPrefix === prefix && !t.deletedAt);
		if (!found) throw new HttpError(404, `Tenant ${prefix} not found`);
		return found;
	};
	const user = (userId) => {
		const found = state.users.find((u) => u.userId === userId);
		if (!found) throw new HttpError(404, `User ${userId} not found`);
		return found;
	};
	/**
	 * A member is a tenant user once active; a pending invitee only with `exolink.inviteeListed`
	 * on (otherwise List, Set Role, Bulk Set and Remove act as if it were not there).
	 */
	const listed = (m) => m.status === 'active' || assumes(INVITEE_LISTED.name);
	const tenantUsers = (t) => t.members.filter(listed);
	const member = (t, userId) => {
		const found = tenantUsers(t).find((m) => m.userId === userId);
		if (!found)
			throw new HttpError(404, `User ${userId} is not a member of tenant ${t.domainPrefix}`);
		return found;
	};
	const checkRole = (value, field) => {
		if (!ROLES.includes(value)) {
			throw new HttpError(422, `${field}: role must be one of ${ROLES.join(', ')}, not "${value}"`);
		}
	};
	/** A tenant keeps at least one admin: demoting or removing the last one is refused. */
	const keepAnAdmin = (t, members) => {
		const admin = (m) => listed(m) && m.role === 'admin';
		if (t.members.some(admin) && !members.some(admin)) {
			throw new HttpError(409, `Tenant ${t.domainPrefix} needs at least one admin`);
		}
	};
	const tenantOut = ({ members, subscription, ips, cpms, chargers, ...t }) => t;
	const userOut = ({ password: _secret, ...u }) => ({
		...u,
		perms: Object.fromEntries(
			state.tenants.flatMap((t) =>
				tenantUsers(t)
					.filter((m) => m.userId === u.userId)
					.map((m) => [t.domainPrefix, m.role]),
			),
		),
	});
	/** `m` as List Tenant Users shows it; `byId` (users by id) saves a search per member. */
	const tenantUserOut = (m, byId) => {
		const u = byId?.get(m.userId) ?? user(m.userId);
		return {
			userId: u.userId,
			username: u.username,
			...(u.givenName ? { givenName: u.givenName } : {}),
			...(u.familyName ? { familyName: u.familyName } : {}),
			role: m.role,
		};
	};
	const product = (id) => {
		if (!/^\d+$/.test(id)) throw new HttpError(400, `productId: "${id}" is not an integer`);
		const found = state.products.find((p) => p.id === Number(id));
		if (!found) throw new HttpError(404, `Product ${id} not found`);
		return found;
	};

	const route = (operationId, method, path, handler, extra = {}) =>
		handRoute({ operationId, method, path, query: noQuery, ...extra }, handler);

	const routes = [
		route(
			'get_tenant',
			'GET',
			'/tenant/{tenant}',
			({ params }) => ({
				body: tenantOut(tenant(params.tenant)),
			}),
			{ response: responses.tenant },
		),
		route(
			'update_tenant',
			'PUT',
			'/tenant/{tenant}',
			({ params, body }) => {
				const t = tenant(params.tenant);
				const name = body.name.trim();
				if (!name) throw new HttpError(422, 'name: must not be empty');
				Object.assign(t, { name, updatedAt: now() });
				return { body: tenantOut(t) };
			},
			{ body: schemas.updateTenant, response: responses.tenant, assumed: ASSUMED.updateTenant },
		),
		route(
			'get_tenant_statistics',
			'GET',
			'/tenant/{tenant}/stats',
			({ params }) => {
				const t = tenant(params.tenant);
				return {
					body: {
						users: t.members.filter((m) => m.status === 'active').length,
						pendingInvites: t.members.filter((m) => m.status === 'pending').length,
						chargers: t.chargers.length,
						provisionedChargers: t.chargers.filter((c) => c.provisioned).length,
						cpms: t.cpms.length,
						ipWhitelistEntries: t.ips.length,
					},
				};
			},
			{ assumed: ASSUMED.stats },
		),
		route(
			'get_subscription',
			'GET',
			'/tenant/{tenant}/subscription',
			({ params }) => {
				const t = tenant(params.tenant);
				const s = t.subscription;
				const p = state.products.find((x) => x.id === s.productId);
				return {
					body: {
						id: s.id,
						tenantId: t.id,
						productId: s.productId,
						productName: p.displayName,
						status: s.status,
						quantity: s.quantity,
						stripeSubscriptionId: `sub_sandbox${String(s.id).padStart(4, '0')}`,
						createdAt: SEEDED_AT,
						updatedAt: SEEDED_AT,
					},
				};
			},
			{ response: responses.subscription },
		),
		route(
			'list_tenant_users',
			'GET',
			'/tenant/{tenant}/user',
			({ params }) => {
				const byId = new Map(state.users.map((u) => [u.userId, u]));
				return { body: tenantUsers(tenant(params.tenant)).map((m) => tenantUserOut(m, byId)) };
			},
			{ response: responses.tenantUsers },
		),
		route(
			'bulk_set_user_roles',
			'PUT',
			'/tenant/{tenant}/user',
			({ params, body }) => {
				const t = tenant(params.tenant);
				// All or nothing: every entry is checked before any role changes.
				const next = t.members.map((m) => ({ ...m }));
				body.forEach((entry, index) => {
					checkRole(entry.role, `[${index}].role`);
					const found = next.find((m) => listed(m) && m.userId === entry.id);
					if (!found) {
						throw new HttpError(
							404,
							`[${index}].id: user ${entry.id} is not a member of tenant ${t.domainPrefix}`,
						);
					}
					found.role = entry.role;
				});
				keepAnAdmin(t, next);
				t.members = next;
				return { status: 204 };
			},
			{ body: schemas.bulkSetUserRoles },
		),
		route(
			'set_user_role',
			'PUT',
			'/tenant/{tenant}/user/{userId}',
			({ params, body }) => {
				const t = tenant(params.tenant);
				const m = member(t, params.userId);
				checkRole(body.role, 'role');
				keepAnAdmin(
					t,
					t.members.map((x) => (x === m ? { ...m, role: body.role } : x)),
				);
				m.role = body.role;
				return { status: 204 };
			},
			{ body: schemas.setUserRole },
		),
		route('remove_tenant_user', 'DELETE', '/tenant/{tenant}/user/{userId}', ({ params }) => {
			const t = tenant(params.tenant);
			const m = member(t, params.userId);
			keepAnAdmin(
				t,
				t.members.filter((x) => x !== m),
			);
			t.members = t.members.filter((x) => x !== m);
			return { status: 204 };
		}),
		// The invited user is a pending tenant member from now on: listed by List Tenant Users (with
		// the role given) before accepting only with `exolink.inviteeListed`, else once accepted
		// (`POST /_sandbox/exolink/accept`).
		route(
			'create_invite',
			'POST',
			'/tenant/{tenant}/invite',
			({ params, body }) => {
				const t = tenant(params.tenant);
				const email = body.receiver.toLowerCase();
				let u = state.users.find((x) => x.email.toLowerCase() === email);
				const existing = u && t.members.find((m) => m.userId === u.userId);
				if (existing) {
					throw new HttpError(
						409,
						listed(existing)
							? `${body.receiver} is already a user of tenant ${t.domainPrefix}`
							: `${body.receiver} already has a pending invitation to tenant ${t.domainPrefix}`,
					);
				}
				if (!u) {
					const at = now();
					u = {
						userId: randomUUID(),
						username: body.receiver,
						email: body.receiver,
						givenName: '',
						familyName: '',
						mfa: false,
						password: null,
						createdAt: at,
						updatedAt: at,
					};
					state.users.push(u);
				}
				t.members.push({
					userId: u.userId,
					role: body.role,
					status: 'pending',
					language: body.language,
				});
				return {
					status: 201,
					body: {
						userId: u.userId,
						username: u.username,
						role: body.role,
						language: body.language,
						status: 'pending',
					},
				};
			},
			{ body: schemas.createInvite, assumed: ASSUMED.invite },
		),
		route(
			'list_ips',
			'GET',
			'/tenant/{tenant}/ips',
			({ params }) => ({ body: tenant(params.tenant).ips }),
			{ assumed: ASSUMED.ipList },
		),
		route(
			'add_ip',
			'POST',
			'/tenant/{tenant}/ips',
			({ params, body }) => {
				const t = tenant(params.tenant);
				const ip = body.ip.trim();
				const [address, prefix, ...rest] = ip.split('/');
				const version = isIP(address);
				const max = version === 6 ? 128 : 32;
				if (
					!version ||
					rest.length ||
					(prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= max))
				) {
					throw new HttpError(422, `ip: "${body.ip}" is not an IP address or CIDR range`);
				}
				if (t.ips.some((e) => e.ip === ip)) {
					throw new HttpError(409, `${ip} is already on the IP whitelist of ${t.domainPrefix}`);
				}
				const entry = { id: state.nextIpId++, ip, createdAt: now() };
				t.ips.push(entry);
				return { status: 201, body: entry };
			},
			{ body: schemas.addIp, assumed: ASSUMED.ipAdded },
		),
		route('delete_ip', 'DELETE', '/tenant/{tenant}/ips/{ipId}', ({ params }) => {
			const t = tenant(params.tenant);
			const entry = t.ips.find((e) => String(e.id) === params.ipId);
			if (!entry) {
				throw new HttpError(
					404,
					`IP whitelist entry ${params.ipId} not found in tenant ${t.domainPrefix}`,
				);
			}
			t.ips = t.ips.filter((e) => e !== entry);
			return { status: 204 };
		}),
		route(
			'get_metrics',
			'GET',
			'/tenant/{tenant}/metrics',
			({ params }) => {
				const t = tenant(params.tenant);
				return {
					body: [
						{ name: 'connectedChargers', value: t.chargers.filter((c) => c.provisioned).length },
						{ name: 'ocppMessages24h', value: t.chargers.length * 1440 },
						{ name: 'cpmsConnections', value: t.cpms.length },
					],
				};
			},
			{ assumed: ASSUMED.metrics },
		),
		route(
			'get_user',
			'GET',
			'/user/{userId}',
			({ params }) => ({
				body: userOut(user(params.userId)),
			}),
			{ response: responses.user },
		),
		route(
			'update_user',
			'PUT',
			'/user/{userId}',
			({ params, body }) => {
				const u = user(params.userId);
				if ((body.oldPassword === undefined) !== (body.newPassword === undefined)) {
					throw new HttpError(
						422,
						'oldPassword and newPassword: both are needed to change the password',
					);
				}
				if (body.oldPassword !== undefined) {
					if (body.oldPassword !== u.password) {
						throw new HttpError(422, 'oldPassword: the current password is not correct');
					}
					if (body.newPassword.length < 8) {
						throw new HttpError(422, 'newPassword: must be at least 8 characters long');
					}
				}
				if (body.mfa !== undefined) {
					if (body.password === undefined) {
						throw new HttpError(422, 'password: needed to turn MFA on or off');
					}
					if (body.password !== u.password) {
						throw new HttpError(422, 'password: the password is not correct');
					}
				}
				if (body.email !== undefined) {
					const taken = state.users.find(
						(x) => x !== u && x.email.toLowerCase() === body.email.toLowerCase(),
					);
					if (taken) throw new HttpError(409, `Email ${body.email} is already in use`);
					u.email = body.email;
					u.username = body.email;
				}
				if (body.givenName !== undefined) u.givenName = body.givenName;
				if (body.familyName !== undefined) u.familyName = body.familyName;
				if (body.mfa !== undefined) u.mfa = body.mfa;
				if (body.newPassword !== undefined) u.password = body.newPassword;
				u.updatedAt = now();
				return { body: userOut(u) };
			},
			{ body: schemas.updateUser, response: responses.user, assumed: ASSUMED.updateUser },
		),
		route('list_products', 'GET', '/product', () => ({ body: state.products }), {
			response: responses.products,
		}),
		route(
			'get_product',
			'GET',
			'/product/{productId}',
			({ params }) => ({ body: product(params.productId) }),
			{ response: responses.product },
		),
		route(
			'list_cpms',
			'GET',
			'/tenant/{tenant}/cpms',
			({ params }) => ({ body: tenant(params.tenant).cpms }),
			{ response: responses.cpmsList },
		),
		route(
			'create_cpms',
			'POST',
			'/tenant/{tenant}/cpms',
			({ params, body }) => {
				const t = tenant(params.tenant);
				const url = body.url.trim();
				if (!/^wss?:\/\/[^\s/]+/i.test(url)) {
					throw new HttpError(422, `url: "${body.url}" is not a WebSocket URL (ws:// or wss://)`);
				}
				const at = now();
				const created = {
					id: state.nextCpmsId++,
					tenantId: t.id,
					displayName: body.displayName,
					url,
					authPassThrough: body.authPassThrough ?? false,
					interval: body.interval ?? 30,
					createdAt: at,
					updatedAt: at,
					deletedAt: null,
				};
				t.cpms.push(created);
				return { status: 201, body: created };
			},
			{ body: schemas.createCpms, response: responses.cpms, assumed: ASSUMED.createCpms },
		),
		route(
			'list_chargers',
			'GET',
			'/tenant/{tenant}/charger',
			({ params }) => ({ body: tenant(params.tenant).chargers }),
			{ response: responses.chargers, assumed: ASSUMED.chargers },
		),
	];

	// --- control endpoints (/_sandbox/exolink/…) ----------------------------------------------
	/** The control body checked with `schema`, or a 400 naming the field. */
	const controlBody = (schema, body) => {
		const check = schema.safeParse(body);
		if (check.success) return check.data;
		const issues = check.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
		throw new HttpError(400, `Invalid body: ${issues.join('; ')}`);
	};
	const controlSchemas = {
		accept: z
			.object({
				tenant: z.string().min(1),
				email: z.string().email().optional(),
				userId: z.string().min(1).optional(),
			})
			.strict()
			.refine((b) => (b.email === undefined) !== (b.userId === undefined), {
				message: 'give either email or userId',
			}),
		users: z
			.object({
				tenant: z.string().min(1),
				count: z.number().int().min(1).max(MAX_GENERATED),
				role: role.default('user'),
			})
			.strict(),
	};

	function control({ method, path, body }) {
		// The invitee accepts: its pending membership turns active (listed from then on, with the
		// role of the invitation); an account without a password gets the seed password.
		if (method === 'POST' && path === '/accept') {
			const input = controlBody(controlSchemas.accept, body);
			const t = tenant(input.tenant);
			const who = input.email?.toLowerCase();
			const u = state.users.find((x) =>
				who ? x.email.toLowerCase() === who : x.userId === input.userId,
			);
			const m = u && t.members.find((x) => x.userId === u.userId && x.status === 'pending');
			if (!m) {
				throw new HttpError(
					404,
					`No pending invitation for ${input.email ?? input.userId} in tenant ${t.domainPrefix}`,
				);
			}
			m.status = 'active';
			u.password ??= EXOLINK_SEED.password;
			u.updatedAt = now();
			return {
				status: 200,
				body: { tenant: t.domainPrefix, userId: u.userId, username: u.username, role: m.role },
			};
		}
		// Scale tests: `count` new accounts (random UUIDs, userNNNN@example.invalid), active
		// members of the tenant with `role`.
		if (method === 'POST' && path === '/users') {
			const input = controlBody(controlSchemas.users, body);
			const t = tenant(input.tenant);
			const taken = new Set(state.users.map((u) => u.email.toLowerCase()));
			const at = now();
			for (let added = 0; added < input.count; ) {
				const n = state.nextGeneratedUser++;
				const email = `user${String(n).padStart(4, '0')}@example.invalid`;
				if (taken.has(email)) continue;
				const userId = randomUUID();
				state.users.push({
					userId,
					username: email,
					email,
					givenName: 'User',
					familyName: String(n).padStart(4, '0'),
					mfa: false,
					password: EXOLINK_SEED.password,
					createdAt: at,
					updatedAt: at,
				});
				t.members.push({ userId, role: input.role, status: 'active' });
				added++;
			}
			return {
				status: 201,
				body: { tenant: t.domainPrefix, added: input.count, total: tenantUsers(t).length },
			};
		}
		return undefined;
	}

	return {
		name: 'exolink',
		token: EXOLINK_TOKEN,
		routes,
		control,
		get state() {
			return state;
		},
		reset() {
			state = seed();
		},
		urls: (origin) => ({ exolink: `${origin}/exolink` }),
		authenticate(headers) {
			const header = headers.authorization;
			if (!header) throw new HttpError(401, 'Missing bearer token');
			if (header !== `Bearer ${EXOLINK_TOKEN}`) throw new HttpError(401, 'Invalid bearer token');
		},
		assumptions: [ERROR_BODY, INVITEE_LISTED],
		// Exolink documents no error body. Assumed: a JSON body with `message` (what the node's
		// error mapping reads first) plus the status, as common JSON APIs do.
		errorBody: (status, message) =>
			assumes(ERROR_BODY.name)
				? { statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message }
				: { message },
		credentials: (urls) => [
			{
				id: 'sandboxExolink001',
				name: 'Exolink (sandbox)',
				type: 'exolinkApi',
				data: { accessToken: EXOLINK_TOKEN, server: 'custom', customUrl: urls.exolink },
			},
		],
	};
}
