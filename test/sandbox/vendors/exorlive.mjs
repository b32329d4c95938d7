// Fake of ExorLive (from its public developer documentation): its auth server (OAuth code flow,
// GetAuthKey, token sign-in), its API (partner management, Users API v4, Workout Exporter,
// Go client and plan template APIs, api4/Access, WebServices V1) and the Partner JWT link
// endpoint, all on one mount with three base URLs:
//   /exorlive/auth   auth server   (credential: Auth Base URL)
//   /exorlive/api    API host      (credential: API Base URL)
//   /exorlive/sso    JWT link host (credential: JWT Link Endpoint = …/sso/partner/payload)
// Requests are checked with zod against the documented shapes. Answers are what the docs show;
// where they show none, the fake's richer answer (as the ExorLive node assumes, README "ExorLive
// assumptions") is a named assumption (ASSUMED), sent only when that assumption is on.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { assumedAnswer, handRoute } from '../core/routes.mjs';
import { HttpError } from '../core/server.mjs';

/** What ExorLive support issues to the (only) sandbox partner. */
export const EXORLIVE_CLIENT = {
	clientKey: 'sandbox-exorlive-client-key',
	clientSecret: 'sandbox-exorlive-client-secret',
	redirectUri: 'http://www.mysamplesystem.example/',
	clientName: 'n8n-sandbox',
	jwtSharedSecret: 'sandbox-exorlive-jwt-shared-secret',
	jwtKid: 'sandbox-kid-1',
};

/** Seed ids, documented in the README. */
export const EXORLIVE_SEED = {
	partnerOrgId: 500001,
	adminUserId: 600001,
	customers: [
		{ externalId: 'cust-001', orgId: 500101, adminUserId: 600101 },
		{ externalId: 'cust-002', orgId: 500201, adminUserId: 600201 },
	],
	/** In customer cust-001: a contact with login and email, an instructor, a contact without login. */
	contactId: 600102,
	contactEmail: 'kari@nordic-physio.example',
	contactCustomId: 'crm-0001',
	contactOfficialId: '05078012345',
	instructorId: 600103,
	noLoginContactId: 600104,
	/** An organization not linked to the partner yet (legacy Link Organization). */
	legacyOrgId: 500301,
	legacyAdminUserId: 600301,
	legacyAdminUsername: 'admin@legacy-gym.example',
	legacyAdminPassword: 'Legacy-Passw0rd',
	/** External ids with this prefix have not approved API access: admin user id 0. */
	unapprovedPrefix: 'unapproved-',
	/** Signed workouts of the contact: two new, one acknowledged; one unsigned. */
	newWorkoutIds: [700001, 700002],
	acknowledgedWorkoutId: 700003,
	unsignedWorkoutId: 700004,
	planTemplateIds: [800001, 800002, 800003],
	exerciseIds: [5491, 5492, 5493, 5494, 5495],
};

const SCOPES = [
	'create_session',
	'read_master',
	'read_profile',
	'write_profile',
	'read_workout',
	'read_calendar',
	'read_contact',
	'authorize_oauth',
	'write_workout',
	'write_calendar',
	'write_contact',
	'admin_organization',
	'admin_unit',
	'admin_user',
	'configure',
	'partner',
];

const ROLES = { contact: 0, admin: 2, instructor: 8, contactWithLogin: 16, assistant: 256 };
const ROLE_VALUES = Object.values(ROLES);
const DENIED = 'Authorization has been denied for this request.';

// ---------------------------------------------------------------------------------------------
// Seed

const EXERCISES = [
	[5491, 'Squat', 'Legs', 1],
	[5492, 'Lunge', 'Legs', 1],
	[5493, 'Glute bridge', 'Hips', 0],
	[5494, 'Plank', 'Core', 0],
	[5495, 'Step-up', 'Legs', 2],
].map(([Id, Title, Focus, EquipmentId]) => ({ Id, Title, Focus, EquipmentId, PackageId: 1 }));

function user(fields) {
	return {
		Id: 0,
		OrganizationId: 0,
		DepartmentId: 0,
		Role: ROLES.contactWithLogin,
		PrimaryContactId: 0,
		Firstname: '',
		Lastname: '',
		Email: '',
		Address: '',
		City: '',
		Zipcode: '',
		Phone: '',
		Comment: '',
		DateOfBirth: '',
		CustomId: '',
		OfficialId: '',
		Gender: 0,
		...fields,
	};
}

function seed() {
	const S = EXORLIVE_SEED;
	const [one, two] = S.customers;
	const orgs = [
		{ id: S.partnerOrgId, name: 'Sandbox Partner AS', adminUserId: S.adminUserId, linked: true },
		{
			id: one.orgId,
			name: 'Nordic Physio Oslo',
			externalId: one.externalId,
			adminUserId: one.adminUserId,
			linked: true,
		},
		{
			id: two.orgId,
			name: 'Fjord Fitness Bergen',
			externalId: two.externalId,
			adminUserId: two.adminUserId,
			linked: true,
		},
		{
			id: S.legacyOrgId,
			name: 'Legacy Gym Trondheim',
			adminUserId: S.legacyAdminUserId,
			linked: false,
			adminUsername: S.legacyAdminUsername,
			adminPassword: S.legacyAdminPassword,
		},
	].map((org) => ({
		callbackUrl: undefined,
		departments: [
			{ Id: org.id * 10 + 1, Name: 'Main' },
			{ Id: org.id * 10 + 2, Name: 'Physio' },
		],
		...org,
	}));
	const users = [
		user({
			Id: S.adminUserId,
			OrganizationId: S.partnerOrgId,
			Role: ROLES.admin,
			Firstname: 'Paula',
			Lastname: 'Partner',
			Email: 'paula@sandbox-partner.example',
		}),
		user({
			Id: one.adminUserId,
			OrganizationId: one.orgId,
			Role: ROLES.admin,
			Firstname: 'Anna',
			Lastname: 'Admin',
			Email: 'admin@nordic-physio.example',
		}),
		user({
			Id: S.contactId,
			OrganizationId: one.orgId,
			Role: ROLES.contactWithLogin,
			PrimaryContactId: S.instructorId,
			Firstname: 'Kari',
			Lastname: 'Kontakt',
			Email: S.contactEmail,
			City: 'Oslo',
			DateOfBirth: '1980-07-05',
			CustomId: S.contactCustomId,
			OfficialId: S.contactOfficialId,
			Gender: 2,
			Height: 170,
			Weight: 65,
			UserTags: ['knee'],
		}),
		user({
			Id: S.instructorId,
			OrganizationId: one.orgId,
			Role: ROLES.instructor,
			Firstname: 'Ivar',
			Lastname: 'Instruktor',
			Email: 'ivar@nordic-physio.example',
		}),
		user({
			Id: S.noLoginContactId,
			OrganizationId: one.orgId,
			Role: ROLES.contact,
			Firstname: 'Nils',
			Lastname: 'Nologin',
			CustomId: 'crm-0002',
		}),
		user({
			Id: two.adminUserId,
			OrganizationId: two.orgId,
			Role: ROLES.admin,
			Firstname: 'Bjorn',
			Lastname: 'Boss',
			Email: 'admin@fjord-fitness.example',
		}),
		user({
			Id: S.legacyAdminUserId,
			OrganizationId: S.legacyOrgId,
			Role: ROLES.admin,
			Firstname: 'Lars',
			Lastname: 'Legacy',
			Email: S.legacyAdminUsername,
		}),
	];
	const workout = (Id, Title, fields = {}) => ({
		Id,
		Guid: `00000000-0000-4000-8000-${String(Id).padStart(12, '0')}`,
		Title,
		Description: `${Title} (sandbox)`,
		CreatedAt: '2026-01-15T09:00:00Z',
		LastChangedAt: '2026-01-15T09:30:00Z',
		Locked: true,
		Signed: true,
		Acknowledged: false,
		OrganizationId: one.orgId,
		DepartmentId: 0,
		ContactId: S.contactId,
		OwnerId: S.instructorId,
		Tags: [],
		Exercises: exercisesFor(Id, [5491, 5493]),
		...fields,
	});
	return {
		orgs,
		users,
		workouts: [
			workout(S.newWorkoutIds[0], 'Knee rehab, week 1', { Tags: ['knee'] }),
			workout(S.newWorkoutIds[1], 'Back strength', {
				Tags: ['back'],
				Exercises: exercisesFor(S.newWorkoutIds[1], [5494, 5492]),
			}),
			workout(S.acknowledgedWorkoutId, 'Warm-up', { Acknowledged: true }),
			workout(S.unsignedWorkoutId, 'Draft plan', { Signed: false, Locked: false }),
		],
		activities: [
			{
				Id: 900001,
				UserId: S.contactId,
				WorkoutId: S.newWorkoutIds[0],
				Title: 'Knee rehab, week 1',
				Date: '2026-01-16',
				Completed: false,
			},
			{
				Id: 900002,
				UserId: S.contactId,
				WorkoutId: S.newWorkoutIds[1],
				Title: 'Back strength',
				Date: '2026-01-14',
				Completed: true,
			},
		],
		planTemplates: [
			{
				Id: 800001,
				Title: 'Knee rehab, 6 weeks',
				Tags: ['knee', 'rehab'],
				Workouts: [{ Title: 'Knee, phase 1', Exercises: [5491, 5493] }],
			},
			{
				Id: 800002,
				Title: 'Back basics',
				Tags: ['back'],
				Workouts: [{ Title: 'Back, phase 1', Exercises: [5494] }],
			},
			{
				Id: 800003,
				Title: 'Shoulder mobility',
				Tags: ['shoulder'],
				Workouts: [{ Title: 'Shoulder', Exercises: [5495] }],
			},
		],
		invitations: {},
		authKeys: {},
		challenges: [],
		codes: {},
		tokens: {},
		refreshTokens: {},
		/** Successful code → token exchanges (Token.ashx, grant_type=authorization_code). */
		tokenExchanges: 0,
		exchangesByUser: {},
		authorizeCalls: 0,
		refreshes: 0,
		callbacks: [],
		nextUserId: 610001,
		nextOrgId: 510001,
		nextWorkoutId: 710001,
		nextActivityId: 910001,
	};
}

function exercisesFor(workoutId, masterIds) {
	return masterIds.map((MasterId, i) => ({
		Id: workoutId * 10 + i + 1,
		MasterId,
		Title: EXERCISES.find((e) => e.Id === MasterId)?.Title ?? `Exercise ${MasterId}`,
		Completed: false,
	}));
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** A tiny valid one-page PDF that shows `text`, with a correct xref table. */
export function tinyPdf(text) {
	const safe = text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
	const stream = `BT /F1 18 Tf 72 720 Td (${safe}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let out = '%PDF-1.4\n';
	const offsets = [];
	objects.forEach((body, i) => {
		offsets.push(out.length);
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = out.length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

const newSecret = (prefix) => `${prefix}${randomBytes(18).toString('base64url')}`;

const sameText = (a, b) => {
	const x = Buffer.from(String(a));
	const y = Buffer.from(String(b));
	return x.length === y.length && timingSafeEqual(x, y);
};

/** `url` with `event` and `userId` appended to its query; its own query is kept as it is. */
export function callbackTarget(url, userId) {
	const hash = url.indexOf('#');
	const base = hash === -1 ? url : url.slice(0, hash);
	const fragment = hash === -1 ? '' : url.slice(hash);
	const joiner = !base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&';
	return `${base}${joiner}event=workoutReady&userId=${encodeURIComponent(userId)}${fragment}`;
}

function base64urlJson(part, what) {
	try {
		return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
	} catch {
		throw new HttpError(400, `The payload is not a JWT: its ${what} is not base64url JSON`);
	}
}

// ---------------------------------------------------------------------------------------------
// Request shapes (exorlive.md); query values arrive as strings

const whole = z.string().regex(/^\d+$/, 'must be a whole number');
const positive = z.string().regex(/^[1-9]\d*$/, 'must be a positive whole number');
const date = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'must be a date YYYY-MM-DD (or empty)');
const int = z.number().int();
/** A number, or digits as a string (WCF accepts both for its numeric members). */
const intish = z.union([int, whole]);
const strict = (shape) => z.object(shape).strict();

const setUserBody = strict({
	Id: int.gte(0),
	OrganizationId: int.gte(0).optional(),
	DepartmentId: int.gte(0).optional(),
	Role: z
		.number()
		.refine((v) => ROLE_VALUES.includes(v), `must be one of ${ROLE_VALUES.join(', ')}`)
		.optional(),
	PrimaryContactId: int.gte(0).optional(),
	Firstname: z.string().optional(),
	Lastname: z.string().optional(),
	Email: z.union([z.literal(''), z.string().email()]).optional(),
	Address: z.string().optional(),
	City: z.string().optional(),
	Zipcode: z.string().optional(),
	Phone: z.string().optional(),
	Comment: z.string().optional(),
	DateOfBirth: date.optional(),
	CustomId: z.string().optional(),
	OfficialId: z.string().optional(),
	Gender: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
});

const exportFilters = strict({
	clientname: z.string().min(1),
	scope: z.enum(['new', 'all']).optional(),
	ownerId: whole.optional(),
	contactId: whole.optional(),
	departmentId: whole.optional(),
});
const exportWorkout = strict({ clientname: z.string().min(1), workoutId: positive });

const profileBody = strict({
	Id: int.gte(0).optional(),
	CustomId: z.string().optional(),
	Firstname: z.string().optional(),
	Lastname: z.string().optional(),
	Email: z.string().email().optional(),
	ProfileImageId: int.optional(),
	UserTags: z.array(z.string()).optional(),
	Height: z.number().optional(),
	Weight: z.number().optional(),
	Gender: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
	DateOfBirth: date.optional(),
	YearOfBirth: int.optional(),
});

const v1Bool = z.enum(['true', 'false']);
const v1String = z.string();
const personBody = strict({
	person: strict({
		Id: intish,
		CustomId: z.string().optional(),
		Firstname: z.string().optional(),
		Lastname: z.string().optional(),
		Email: z.union([z.literal(''), z.string().email()]).optional(),
		IsActivated: z.union([z.literal(0), z.literal(1), z.enum(['0', '1'])]).optional(),
		Address: z.string().optional(),
		Location: z.string().optional(),
		Zipcode: z.string().optional(),
		Comment: z.string().optional(),
		Companyname: z.string().optional(),
		CultureString: z.enum(['nb-NO', 'sv-SE', 'da-DK', 'fi-FI', 'en-US']).optional(),
		DateOfBirth: date.optional(),
		Type: z.union([z.literal(16), z.literal(8), z.enum(['16', '8'])]).optional(),
		DepartmentId: intish.optional(),
		Description: z.string().optional(),
		Height: z.union([z.number(), z.string()]).optional(),
		Phone1: z.string().optional(),
		Phone2: z.string().optional(),
		Phone3: z.string().optional(),
		PrimaryContact: intish.optional(),
		Sex: z.union([z.literal(0), z.literal(1), z.literal(2), z.enum(['0', '1', '2'])]).optional(),
		Web: z.string().optional(),
		Weight: z.union([z.number(), z.string()]).optional(),
		WeightGoal: z.union([z.number(), z.string()]).optional(),
	}),
});

const jwtClaims = z
	.object({
		organizationId: z.string().min(1),
		organizationName: z.string().min(1),
		employeeId: z.string().min(1),
		employeeFirstname: z.string().min(1),
		employeeLastname: z.string().min(1),
		employeeUsername: z.string().optional(),
		employeeEmail: z.string().email().optional(),
		contact: z
			.object({
				id: z.string().min(1),
				firstname: z.string().min(1),
				lastname: z.string().min(1),
				middlename: z.string().optional(),
				ssn: z.string().optional(),
				birthdate: date.optional(),
				gender: z.string().optional(),
				mobile: z.string().optional(),
				email: z.string().email().optional(),
				diagnosis: z.string().optional(),
			})
			.passthrough(),
		iat: z.number().int().optional(),
		exp: z.number().int().optional(),
	})
	// ExorLive may agree extra claims with a partner.
	.passthrough();

// ---------------------------------------------------------------------------------------------
// Answers ExorLive does not document (exorlive.md: "not documented", "not captured", or a type
// named without its fields). Off (the default), the sandbox sends the status and no body, an
// empty list where the docs name a list, or only the fields the docs name.

/** Only `keys` of an object answer (the fields the docs name). */
const onlyFields = (keys) => (result) => ({
	...result,
	body: Object.fromEntries(Object.entries(result.body).filter(([key]) => keys.includes(key))),
});
/** An empty list (the docs name a list, not its items). */
const emptyList = (result) => ({ ...result, body: [] });
/** An empty list in the documented WCF wrapper of the V1 services. */
const emptyWcfList = (result) => ({ ...result, body: { d: { Data: [] } } });

const ASSUMED = {
	authKey: assumedAnswer({
		name: 'exorlive.authKeyAnswer',
		vendorSays: 'GetAuthKey: the response is cut off in the stored page (no body shown)',
		weAssume: 'the WCF wrapper { d: "<authKey>" }',
	}),
	jwtLink: assumedAnswer({
		name: 'exorlive.jwtLinkUrl',
		vendorSays:
			'Partner JWT link: a form POST of payload answers "the HTML page to show"; an AJAX POST "returns a URL" (its form not shown)',
		weAssume:
			'the URL to open as text/plain (…/app/?selectedPersonId=<contact id>#Workouts), also for a plain form POST; off: the URL for an AJAX post (X-Requested-With: XMLHttpRequest), the HTML page for a form POST',
		documented: ({ ajax, ...result }) =>
			ajax
				? result
				: {
						status: result.status ?? 200,
						headers: { 'content-type': 'text/html; charset=utf-8' },
						raw: '<!DOCTYPE html><html><head><title>ExorLive</title></head><body><h1>ExorLive (sandbox)</h1></body></html>',
					},
	}),
	adminUserId: assumedAnswer({
		name: 'exorlive.adminUserIdAnswer',
		vendorSays:
			'RequestAPIAccessForPartnerOrganizationAndGetAdminUserId: "An adminUserId of the given organization is returned" (no sample; nothing on unapproved organizations)',
		weAssume:
			'a bare JSON integer; 0 for an organization that has not approved access; off: the same bare id, and no body when not approved',
		documented: (result) => (result.body ? result : { status: result.status ?? 200 }),
	}),
	goLink: assumedAnswer({
		name: 'exorlive.goInvitationLinkAnswer',
		vendorSays:
			'GetGoInvitationLink: "get a link that can be sent to a contact"; the response is not shown',
		weAssume:
			'a bare JSON string holding the link (…/m/#/invite/<token>); off: the same (the least form of "a link"), listed because the form is assumed',
		documented: (result) => result,
	}),
	lookupUser: assumedAnswer({
		name: 'exorlive.lookupUserList',
		vendorSays:
			'LookupUser: finds "one or more user objects"; the 2022 draft shows 200 with a single user object (SetUser shape); not found is not documented',
		weAssume:
			'always a JSON array of users, [] when none; off: one user as the single object, several as an array, none as 200 with no body',
		documented: (result) =>
			result.body.length === 0
				? { status: result.status ?? 200 }
				: { ...result, body: result.body.length === 1 ? result.body[0] : result.body },
	}),
	setUser: assumedAnswer({
		name: 'exorlive.setUserAnswer',
		vendorSays: 'SetUser (create or update): the response is not documented',
		weAssume: 'the saved user in the SetUser shape, with Id filled in (the new id on create)',
	}),
	ping: assumedAnswer({
		name: 'exorlive.exportPingAnswer',
		vendorSays: 'Workout Exporter Ping: "Checks connectivity"; no response shown',
		weAssume: 'the JSON string "pong"',
	}),
	goLoadAll: assumedAnswer({
		name: 'exorlive.goLoadAll',
		vendorSays: 'Go client LoadAll: "Profile, workouts and activities"; no shape shown',
		weAssume: '{ Profile, Workouts, Activities } (the Go profile, workouts and activities)',
	}),
	goWorkouts: assumedAnswer({
		name: 'exorlive.goWorkouts',
		vendorSays: 'Go client GetWorkoutsForUser: "Workout[]"; the Workout model is not shown',
		weAssume:
			'workouts { Id, Guid, Title, Description, Tags, CreatedAt, OwnerId, Exercises[] }; off: []',
		documented: emptyList,
	}),
	goWorkoutsByTags: assumedAnswer({
		name: 'exorlive.goWorkoutsByTags',
		vendorSays: 'Go client GetWorkoutsForUserByTags: "Workout[]"; the Workout model is not shown',
		weAssume: 'the workouts (GetWorkoutsForUser shape) with one of the tags; off: []',
		documented: emptyList,
	}),
	goWorkout: assumedAnswer({
		name: 'exorlive.goWorkout',
		vendorSays: 'Go client GetWorkout: "Workout"; the Workout model is not shown',
		weAssume: 'one workout (GetWorkoutsForUser shape)',
	}),
	goCopiedWorkout: assumedAnswer({
		name: 'exorlive.goCopiedWorkout',
		vendorSays: 'Go client CopyWorkoutToUser: "→ new workout"; the Workout model is not shown',
		weAssume: 'the new workout (GetWorkoutsForUser shape)',
	}),
	goActivitiesTodo: assumedAnswer({
		name: 'exorlive.goActivitiesTodo',
		vendorSays: 'Go client GetActivitiesTodo: "Activity[]"; the Activity model is not shown',
		weAssume: 'activities { Id, UserId, WorkoutId, Title, Date, Completed } not completed; off: []',
		documented: emptyList,
	}),
	goActivitiesByWorkout: assumedAnswer({
		name: 'exorlive.goActivitiesByWorkout',
		vendorSays: 'Go client GetActivitiesByWorkout: "Activity[]"; the Activity model is not shown',
		weAssume: 'the activities (GetActivitiesTodo shape) of the workout; off: []',
		documented: emptyList,
	}),
	goSavedActivity: assumedAnswer({
		name: 'exorlive.goSavedActivityFields',
		vendorSays:
			'Go client SetActivity: "Activity (Id=0 creates) → saved activity"; only Id is named',
		weAssume:
			'the saved activity { Id, UserId, WorkoutId, Title, Date, Completed }; off: { Id } only',
		documented: onlyFields(['Id']),
	}),
	goSavedExercise: assumedAnswer({
		name: 'exorlive.goSavedExerciseFields',
		vendorSays:
			'Go client SetExercise: "Exercise (Id and Completed required) → updated exercise"; no other field named',
		weAssume: 'the exercise { Id, MasterId, Title, Completed, Url }; off: { Id, Completed } only',
		documented: onlyFields(['Id', 'Completed']),
	}),
	relatedExercises: assumedAnswer({
		name: 'exorlive.relatedExerciseFields',
		vendorSays:
			'Go client QueryRelatedExercises: "Exercise[] with Rating 0–100"; no other field named',
		weAssume:
			'exercises { Id, Title, Focus, EquipmentId, PackageId, Url, ImageUrl, Rating }; off: { Id, Rating } only',
		documented: (result) => ({
			...result,
			body: result.body.map(({ Id, Rating }) => ({ Id, Rating })),
		}),
	}),
	planTags: assumedAnswer({
		name: 'exorlive.planTags',
		vendorSays: 'Plan template GetAllTags: "Tags"; no shape shown',
		weAssume: 'an array of tag strings; off: []',
		documented: emptyList,
	}),
	planTemplates: assumedAnswer({
		name: 'exorlive.planTemplates',
		vendorSays:
			'Plan template GetPlanTemplates: "PlanTemplate[]"; the PlanTemplate model is not shown',
		weAssume: 'templates { Id, Title, Tags, WorkoutCount } whose title holds the query; off: []',
		documented: emptyList,
	}),
	planTemplatesByTag: assumedAnswer({
		name: 'exorlive.planTemplatesByTag',
		vendorSays:
			'Plan template GetPlanTemplatesByTag: "PlanTemplate[]"; the PlanTemplate model is not shown',
		weAssume: 'templates (GetPlanTemplates shape) with one of the tags; off: []',
		documented: emptyList,
	}),
	legacySetCustomId: assumedAnswer({
		name: 'exorlive.legacySetCustomIdAnswer',
		vendorSays: 'WebServices V1 Persons.svc/SetCustomId: no result ("—")',
		weAssume: '{ d: { Data: null } }',
	}),
	legacySetUserDisabled: assumedAnswer({
		name: 'exorlive.legacySetUserDisabledAnswer',
		vendorSays: 'WebServices V1 Persons.svc/SetUserDisabled: no result ("—")',
		weAssume: '{ d: null }',
	}),
	legacyLoginAccess: assumedAnswer({
		name: 'exorlive.legacyLoginAccessAnswer',
		vendorSays: 'WebServices V1 Persons.svc/MakeSureUserHasLoginAccess: no result ("—")',
		weAssume: '{ d: null }',
	}),
	legacyDepartments: assumedAnswer({
		name: 'exorlive.legacyDepartments',
		vendorSays:
			'WebServices V1 Core.svc/GetListOfDepartments: "Departments" in d.Data; no fields shown',
		weAssume: 'd.Data = [{ Id, Name }]; off: d.Data = []',
		documented: emptyWcfList,
	}),
	legacyWorkouts: assumedAnswer({
		name: 'exorlive.legacyWorkouts',
		vendorSays: 'WebServices V1 Workouts.svc/QueryWorkouts: "Workouts" in d.Data; no fields shown',
		weAssume:
			'd.Data = [{ Id, Guid, Title, Description, ContactId, OwnerId, CreatedAt }]; off: d.Data = []',
		documented: emptyWcfList,
	}),
	legacyExercise: assumedAnswer({
		name: 'exorlive.legacyExercise',
		vendorSays:
			'WebServices V1 Workouts.svc/GetExercise: "Exercise" (seen in third-party code only); no fields shown',
		weAssume: 'd.Data = { Id, Title, Focus, EquipmentId, PackageId, Url, ImageUrl }',
	}),
	legacyExercises: assumedAnswer({
		name: 'exorlive.legacyExercises',
		vendorSays:
			'WebServices V1 Workouts.svc/QueryExercises: "Exercises" (seen in third-party code only); no fields shown',
		weAssume: 'd.Data = exercises (GetExercise shape) matching the query; off: d.Data = []',
		documented: emptyWcfList,
	}),
};

/** ExorLive shows no error answer of its OAuth endpoints (nor any other). */
const OAUTH_ERROR_BODY = {
	name: 'exorlive.oauthErrorBody',
	operationId: 'authorize, token',
	vendorSays:
		'Authorize.aspx / Token.ashx: no error answer shown (the samples only check for failure); no error body is documented anywhere',
	weAssume:
		'the OAuth 2.0 error JSON { error, error_description }; off: { Message } like every other sandbox error',
};

// ---------------------------------------------------------------------------------------------

export default function exorlive(options = {}) {
	const assumes = options.assumes ?? (() => false);
	const lifetime = Number(
		options.exorliveTokenLifetime ?? process.env.SANDBOX_EXORLIVE_TOKEN_LIFETIME ?? 7200,
	);
	let state = seed();

	// --- lookups -------------------------------------------------------------------------------
	const orgById = (id) => state.orgs.find((o) => o.id === Number(id));
	const userById = (id) => state.users.find((u) => u.Id === Number(id));
	const usersOf = (orgId) => state.users.filter((u) => u.OrganizationId === orgId);
	const inOrg = (auth, id, what = 'User') => {
		const found = userById(id);
		if (!found || found.OrganizationId !== auth.org.id)
			throw new HttpError(404, `${what} ${id} not found in your organization`);
		return found;
	};
	/** A new user in the caller's organization (SetUser and V1 SetPersonDetails with ID 0). */
	const createUser = (auth, fields) => {
		const created = user({
			PrimaryContactId: auth.user.Id,
			...fields,
			Id: state.nextUserId++,
			OrganizationId: auth.org.id,
		});
		state.users.push(created);
		return created;
	};
	const hasLogin = (u) => u.Role !== ROLES.contact && !u.Disabled;
	const staffOnly = (auth) => {
		if (![ROLES.admin, ROLES.instructor].includes(auth.user.Role)) throw new HttpError(403, DENIED);
	};
	const adminOnly = (auth) => {
		if (auth.user.Role !== ROLES.admin) throw new HttpError(403, DENIED);
	};
	const partnerOnly = (auth) => {
		adminOnly(auth);
		if (auth.org.id !== EXORLIVE_SEED.partnerOrgId)
			throw new HttpError(403, 'Only the partner organization may call this method');
	};
	const checkClientName = (clientname) => {
		if (clientname !== EXORLIVE_CLIENT.clientName)
			throw new HttpError(403, `Unknown clientname "${clientname}"`);
	};
	const apiBase = (headers) => `http://${headers.host}/exorlive/api`;

	/** A new organization (approved for the partner) with its admin user. */
	const createOrg = (name, externalId) => {
		const org = {
			id: state.nextOrgId++,
			name,
			externalId,
			linked: true,
			callbackUrl: undefined,
			departments: [],
		};
		org.departments.push({ Id: org.id * 10 + 1, Name: 'Main' });
		const admin = user({
			Id: state.nextUserId++,
			OrganizationId: org.id,
			Role: ROLES.admin,
			Firstname: 'Admin',
			Lastname: name,
			Email: `admin@${externalId.replace(/[^a-z0-9-]/gi, '').toLowerCase() || org.id}.example`,
		});
		org.adminUserId = admin.Id;
		state.orgs.push(org);
		state.users.push(admin);
		return org;
	};
	const orgByExternalId = (externalId, name) =>
		state.orgs.find((o) => o.externalId === externalId) ??
		createOrg(name ?? externalId, externalId);

	// --- OAuth ---------------------------------------------------------------------------------
	const oauthError = (status, error, description) =>
		new HttpError(status, description ?? error, {
			body: description ? { error, error_description: description } : { error },
		});
	const checkClient = (clientId, clientSecret) => {
		if (
			clientId !== EXORLIVE_CLIENT.clientKey ||
			!sameText(clientSecret, EXORLIVE_CLIENT.clientSecret)
		)
			throw oauthError(401, 'invalid_client');
	};
	const checkRedirect = (redirectUri) => {
		// Byte for byte, trailing slash included.
		if (redirectUri !== EXORLIVE_CLIENT.redirectUri)
			throw oauthError(400, 'invalid_request', 'redirect_uri does not match the registered domain');
	};
	const issueToken = (userId, scope) => {
		const token = newSecret('sbx-at-');
		const refresh = newSecret('sbx-rt-');
		state.tokens[token] = { userId, scope, expiresAt: Date.now() + lifetime * 1000 };
		state.refreshTokens[refresh] = { userId, scope };
		return {
			access_token: token,
			token_type: 'bearer',
			// Documented as a string.
			expires_in: String(lifetime),
			refresh_token: refresh,
			scope,
		};
	};

	// --- output shapes -------------------------------------------------------------------------
	const person = (u) => ({ ...(u ? userById(u) : {}) });
	const userOut = (u) => {
		const { Height, Weight, UserTags, ProfileImageId, YearOfBirth, Disabled, ...rest } = u;
		return rest;
	};
	const profileOut = (u) => ({
		Id: u.Id,
		CustomId: u.CustomId,
		Firstname: u.Firstname,
		Lastname: u.Lastname,
		Email: u.Email,
		ProfileImageId: u.ProfileImageId ?? 0,
		UserTags: u.UserTags ?? [],
		Height: u.Height ?? 0,
		Weight: u.Weight ?? 0,
		Gender: u.Gender,
		DateOfBirth: u.DateOfBirth,
		YearOfBirth: u.YearOfBirth ?? (u.DateOfBirth ? Number(u.DateOfBirth.slice(0, 4)) : 0),
	});
	const workoutMeta = (w, base) => {
		const contact = person(w.ContactId);
		const owner = person(w.OwnerId);
		return {
			Id: w.Id,
			Guid: w.Guid,
			Url: `${base}/app/#Workouts/${w.Guid}`,
			Title: w.Title,
			Description: w.Description,
			CreatedAt: w.CreatedAt,
			LastChangedAt: w.LastChangedAt,
			Locked: w.Locked,
			ContactId: w.ContactId,
			ContactFirstname: contact.Firstname ?? '',
			ContactLastname: contact.Lastname ?? '',
			ContactCustomId: contact.CustomId ?? '',
			OwnerId: w.OwnerId,
			OwnerFirstname: owner.Firstname ?? '',
			OwnerLastname: owner.Lastname ?? '',
			OwnerCustomId: owner.CustomId ?? '',
		};
	};
	const exerciseOut = (e, base) => ({
		...e,
		Url: `${base}/video/?culture=nb-NO&ex=${e.MasterId}`,
	});
	const goWorkout = (w, base) => ({
		Id: w.Id,
		Guid: w.Guid,
		Title: w.Title,
		Description: w.Description,
		Tags: w.Tags,
		CreatedAt: w.CreatedAt,
		OwnerId: w.OwnerId,
		Exercises: w.Exercises.map((e) => exerciseOut(e, base)),
	});
	const libraryExercise = (e, base) => ({
		...e,
		Url: `${base}/video/?ex=${e.Id}`,
		ImageUrl: `${base}/media_${e.Id}@320.240.media`,
	});
	/** WCF wrapper of the V1 services (the samples read `d.Data`). */
	const wcf = (Data) => ({ body: { d: { Data } } });
	const exportable = (auth) =>
		state.workouts.filter((w) => w.OrganizationId === auth.org.id && w.Signed);
	const filtered = (auth, query) =>
		exportable(auth).filter(
			(w) =>
				((query.scope ?? 'new') === 'all' || !w.Acknowledged) &&
				(!Number(query.ownerId) || w.OwnerId === Number(query.ownerId)) &&
				(!Number(query.contactId) || w.ContactId === Number(query.contactId)) &&
				(!Number(query.departmentId) || w.DepartmentId === Number(query.departmentId)),
		);
	const contactWorkout = (auth, id) => {
		const found = state.workouts.find((w) => w.Id === Number(id) && w.ContactId === auth.user.Id);
		if (!found) throw new HttpError(404, `Workout ${id} not found`);
		return found;
	};
	const copyWorkout = (source, toUser) => {
		const Id = state.nextWorkoutId++;
		const copy = {
			...structuredClone(source),
			Id,
			Guid: `00000000-0000-4000-8000-${String(Id).padStart(12, '0')}`,
			CreatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
			LastChangedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
			ContactId: toUser.Id,
			OrganizationId: toUser.OrganizationId,
			Signed: false,
			Locked: false,
			Acknowledged: false,
		};
		copy.Exercises = exercisesFor(
			Id,
			source.Exercises.map((e) => e.MasterId),
		);
		state.workouts.push(copy);
		return copy;
	};
	/** Marks `count` new signed workouts ready for `userId` (a contact: for them; else owned by them). */
	const makeReady = (target, count) => {
		const org = orgById(target.OrganizationId);
		const isContact = [ROLES.contact, ROLES.contactWithLogin].includes(target.Role);
		const ids = [];
		for (let i = 0; i < count; i++) {
			const Id = state.nextWorkoutId++;
			const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
			state.workouts.push({
				Id,
				Guid: `00000000-0000-4000-8000-${String(Id).padStart(12, '0')}`,
				Title: `Ready workout ${Id}`,
				Description: 'Signed in the sandbox',
				CreatedAt: now,
				LastChangedAt: now,
				Locked: true,
				Signed: true,
				Acknowledged: false,
				OrganizationId: org.id,
				DepartmentId: target.DepartmentId ?? 0,
				ContactId: isContact ? target.Id : 0,
				OwnerId: isContact ? target.PrimaryContactId || org.adminUserId : target.Id,
				Tags: [],
				Exercises: exercisesFor(Id, [5491, 5494]),
			});
			ids.push(Id);
		}
		return ids;
	};

	// --- routes --------------------------------------------------------------------------------
	const routes = [];
	const route = (method, path, operationId, schemas, handler) =>
		routes.push(handRoute({ method, path, operationId, ...schemas }, handler));

	// Auth server --------------------------------------------------------------------------------
	route(
		'GET',
		'/auth/Providers/OAuth/Authorize.aspx',
		'authorize',
		{
			public: true,
			query: strict({
				user_id: positive,
				response_type: z.literal('code'),
				client_id: z.string().min(1),
				client_secret: z.string().min(1),
				redirect_uri: z.string().min(1),
				scope: z.string().min(1),
			}),
		},
		({ query }) => {
			state.authorizeCalls++;
			checkClient(query.client_id, query.client_secret);
			checkRedirect(query.redirect_uri);
			const scopes = query.scope.split(/\s+/).filter(Boolean);
			const unknown = scopes.filter((s) => !SCOPES.includes(s));
			if (unknown.length)
				throw oauthError(400, 'invalid_scope', `Unknown scope: ${unknown.join(' ')}`);
			if (!scopes.includes('read_profile'))
				throw oauthError(400, 'invalid_scope', 'read_profile is required');
			const u = userById(query.user_id);
			if (!u) throw oauthError(400, 'access_denied', `Unknown user_id ${query.user_id}`);
			const org = orgById(u.OrganizationId);
			if (!org?.linked)
				throw oauthError(
					400,
					'access_denied',
					`The organization of user ${u.Id} has not approved access for this client`,
				);
			if (!hasLogin(u))
				throw oauthError(400, 'access_denied', `User ${u.Id} has no login or is disabled`);
			const code = newSecret('sbx-code-');
			state.codes[code] = {
				userId: u.Id,
				scope: scopes.join(' '),
				redirectUri: query.redirect_uri,
				expiresAt: Date.now() + 60_000,
			};
			return { body: { code } };
		},
	);

	route(
		'POST',
		'/auth/Providers/OAuth/Token.ashx',
		'token',
		{
			public: true,
			body: z.discriminatedUnion('grant_type', [
				strict({
					grant_type: z.literal('authorization_code'),
					client_id: z.string().min(1),
					client_secret: z.string().min(1),
					code: z.string().min(1),
					redirect_uri: z.string().min(1),
				}),
				strict({
					grant_type: z.literal('refresh_token'),
					client_id: z.string().min(1),
					client_secret: z.string().min(1),
					refresh_token: z.string().min(1),
					redirect_uri: z.string().min(1),
				}),
			]),
		},
		({ body, headers }) => {
			if (!/application\/x-www-form-urlencoded/i.test(headers['content-type'] ?? ''))
				throw oauthError(
					400,
					'invalid_request',
					'Token.ashx takes an application/x-www-form-urlencoded body',
				);
			checkClient(body.client_id, body.client_secret);
			checkRedirect(body.redirect_uri);
			if (body.grant_type === 'refresh_token') {
				const grant = state.refreshTokens[body.refresh_token];
				if (!grant) throw oauthError(400, 'invalid_grant');
				delete state.refreshTokens[body.refresh_token];
				state.refreshes++;
				return { body: issueToken(grant.userId, grant.scope) };
			}
			const grant = state.codes[body.code];
			delete state.codes[body.code];
			if (!grant || grant.expiresAt < Date.now() || grant.redirectUri !== body.redirect_uri)
				throw oauthError(400, 'invalid_grant');
			state.tokenExchanges++;
			state.exchangesByUser[grant.userId] = (state.exchangesByUser[grant.userId] ?? 0) + 1;
			return { body: issueToken(grant.userId, grant.scope) };
		},
	);

	route(
		'POST',
		'/auth/webservices/AuthenticationService.svc/GetAuthKey',
		'getAuthKey',
		{ body: strict({ userId: z.union([positive, int.positive()]) }), assumed: ASSUMED.authKey },
		({ body, auth }) => {
			adminOnly(auth);
			const target = inOrg(auth, body.userId);
			if (!hasLogin(target)) throw new HttpError(400, `User ${target.Id} has no login role`);
			const key = newSecret('sbx-ak-');
			state.authKeys[key] = target.Id;
			return { body: { d: key } };
		},
	);

	// The documented token sign-in: `{auth}/?access_token=…&redirect=…`.
	route(
		'GET',
		'/auth/',
		'signIn',
		{
			public: true,
			query: strict({ access_token: z.string().min(1), redirect: z.string().url() }),
		},
		({ query }) => {
			const grant = state.tokens[query.access_token];
			if (!grant || grant.expiresAt <= Date.now())
				return {
					status: 401,
					headers: { 'content-type': 'text/html; charset=utf-8' },
					raw: '<html><body>The sign-in link has expired.</body></html>',
				};
			return { status: 302, headers: { location: query.redirect }, raw: '' };
		},
	);

	// Partner JWT link ---------------------------------------------------------------------------
	route(
		'POST',
		'/sso/partner/payload',
		'partnerPayload',
		{ public: true, body: strict({ payload: z.string().min(1) }), assumed: ASSUMED.jwtLink },
		({ body, headers }) => {
			if (!/application\/x-www-form-urlencoded/i.test(headers['content-type'] ?? ''))
				throw new HttpError(400, 'Send the JWT as the form field "payload"');
			const parts = body.payload.split('.');
			if (parts.length !== 3) throw new HttpError(400, 'The payload is not a compact JWT');
			const header = base64urlJson(parts[0], 'header');
			const claims = base64urlJson(parts[1], 'payload');
			if (header.kid !== undefined && header.kid !== EXORLIVE_CLIENT.jwtKid)
				throw new HttpError(401, `Unknown key id "${header.kid}"`);
			if (header.alg === 'HS256') {
				const expected = createHmac('sha256', EXORLIVE_CLIENT.jwtSharedSecret)
					.update(`${parts[0]}.${parts[1]}`)
					.digest('base64url');
				if (!sameText(expected, parts[2])) throw new HttpError(401, 'Invalid JWT signature');
			} else if (header.alg !== 'RS256') {
				// RS256 signatures are not checked: the sandbox holds no partner public key.
				throw new HttpError(401, `Unsupported JWT algorithm "${header.alg}"`);
			}
			const check = jwtClaims.safeParse(claims);
			if (!check.success)
				throw new HttpError(
					400,
					`Invalid JWT payload: ${check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
				);
			if (claims.exp !== undefined && claims.exp * 1000 < Date.now())
				throw new HttpError(401, 'The JWT has expired');
			// The first jump of an organization approves the partner's API access to it.
			const org = orgByExternalId(claims.organizationId, claims.organizationName);
			org.linked = true;
			const c = claims.contact;
			let contact = usersOf(org.id).find(
				(u) => (c.ssn && u.OfficialId === c.ssn) || u.CustomId === c.id,
			);
			if (!contact) {
				contact = user({
					Id: state.nextUserId++,
					OrganizationId: org.id,
					Role: ROLES.contactWithLogin,
					Firstname: c.firstname,
					Lastname: c.lastname,
					Email: c.email ?? '',
					DateOfBirth: c.birthdate ?? '',
					CustomId: c.id,
					OfficialId: c.ssn ?? '',
					Gender: c.gender === 'male' ? 1 : c.gender === 'female' ? 2 : 0,
				});
				state.users.push(contact);
			}
			// The AJAX variant answers the URL to open (told apart by X-Requested-With, an assumption).
			return {
				headers: { 'content-type': 'text/plain; charset=utf-8' },
				raw: `${apiBase(headers)}/app/?selectedPersonId=${contact.Id}#Workouts`,
				ajax: /^XMLHttpRequest$/i.test(headers['x-requested-with'] ?? ''),
			};
		},
	);

	// The apps a sign-in link opens (placeholders).
	for (const [path, name] of [
		['/api/app/', 'ExorLive'],
		['/api/m/', 'ExorLive Go'],
	]) {
		route('GET', path, 'appPage', { public: true, query: z.object({}).passthrough() }, () => ({
			headers: { 'content-type': 'text/html; charset=utf-8' },
			raw: `<html><body><h1>${name} (sandbox)</h1></body></html>`,
		}));
	}

	// Partner management -----------------------------------------------------------------------
	route(
		'GET',
		'/api/osloapi/access/RequestAPIAccessForPartnerOrganizationAndGetAdminUserId',
		'requestApiAccess',
		{
			query: strict({
				partnerApiKey: z.string().min(1),
				// The vendor's spelling, missing "i" included.
				externalOrganizatonId: z.string().min(1),
			}),
			assumed: ASSUMED.adminUserId,
		},
		({ query, auth }) => {
			partnerOnly(auth);
			if (query.partnerApiKey !== EXORLIVE_CLIENT.clientKey)
				throw new HttpError(403, 'The partner API key does not belong to this token');
			if (query.externalOrganizatonId.startsWith(EXORLIVE_SEED.unapprovedPrefix))
				return { body: 0 };
			// Bare integer (ASP.NET Web API returning an int).
			return { body: orgByExternalId(query.externalOrganizatonId).adminUserId };
		},
	);

	route(
		'GET',
		'/api/osloapi/access/GetGoInvitationLink',
		'getGoInvitationLink',
		{ query: strict({ contactUserId: positive }), assumed: ASSUMED.goLink },
		({ query, auth, headers }) => {
			staffOnly(auth);
			const contact = inOrg(auth, query.contactUserId, 'Contact');
			if (!contact.Email)
				throw new HttpError(400, `Contact ${contact.Id} has no email address to invite`);
			state.invitations[contact.Id] ??= randomBytes(9).toString('base64url');
			// Bare JSON string (ASP.NET Web API returning a string).
			return { body: `${apiBase(headers)}/m/#/invite/${state.invitations[contact.Id]}` };
		},
	);

	// Users API v4 -----------------------------------------------------------------------------
	route(
		'GET',
		'/api/api4/user/lookupuser',
		'lookupUser',
		{
			query: strict({
				type: z.enum(['email', 'id', 'name', 'customid', 'officialid']),
				text: z.string().min(1),
			}),
			assumed: ASSUMED.lookupUser,
		},
		({ query, auth }) => {
			const text = query.text.trim().toLowerCase();
			const match = {
				email: (u) => u.Email.toLowerCase() === text,
				id: (u) => String(u.Id) === text,
				name: (u) => `${u.Firstname} ${u.Lastname}`.toLowerCase().includes(text),
				customid: (u) => u.CustomId.toLowerCase() === text,
				officialid: (u) => u.OfficialId.replace(/\D/g, '') === text.replace(/\D/g, ''),
			}[query.type];
			if (auth.user.Role !== ROLES.admin && auth.user.Role !== ROLES.instructor) {
				// Anyone may look themselves up.
				return { body: match(auth.user) ? [userOut(auth.user)] : [] };
			}
			return { body: usersOf(auth.org.id).filter(match).map(userOut) };
		},
	);

	route(
		'POST',
		'/api/api4/user/setuser',
		'setUser',
		{ body: setUserBody, assumed: ASSUMED.setUser },
		({ body, auth }) => {
			staffOnly(auth);
			if (body.OrganizationId && body.OrganizationId !== auth.org.id)
				throw new HttpError(403, `You cannot save users of organization ${body.OrganizationId}`);
			const { Id, OrganizationId, ...fields } = body;
			if (fields.Email) {
				const taken = usersOf(auth.org.id).find(
					(u) => u.Id !== Id && u.Email.toLowerCase() === fields.Email.toLowerCase(),
				);
				if (taken)
					throw new HttpError(
						400,
						`A user with email ${fields.Email} already exists (${taken.Id})`,
					);
			}
			if (fields.CustomId) {
				const taken = usersOf(auth.org.id).find(
					(u) => u.Id !== Id && u.CustomId === fields.CustomId,
				);
				if (taken)
					throw new HttpError(
						400,
						`A user with custom id ${fields.CustomId} already exists (${taken.Id})`,
					);
			}
			if (Id === 0) {
				return { body: userOut(createUser(auth, fields)) };
			}
			const existing = inOrg(auth, Id);
			Object.assign(existing, fields);
			return { body: userOut(existing) };
		},
	);

	route(
		'GET',
		'/api/api4/user/SetEventCallbackUrl',
		'setEventCallbackUrl',
		{ query: strict({ callbackUrl: z.string().url() }) },
		({ query, auth }) => {
			staffOnly(auth);
			if (!/^https?:\/\//i.test(query.callbackUrl))
				throw new HttpError(400, 'callbackUrl must be an http(s) URL');
			auth.org.callbackUrl = query.callbackUrl;
			// Not documented: no body, the least it could send (not an assumption).
			return { status: 200 };
		},
	);

	// Workout Exporter -------------------------------------------------------------------------
	route(
		'GET',
		'/api/api4/export/Ping',
		'exportPing',
		{ query: strict({ clientname: z.string().min(1) }), assumed: ASSUMED.ping },
		({ query }) => {
			checkClientName(query.clientname);
			return { body: 'pong' };
		},
	);
	route(
		'GET',
		'/api/api4/export/GetAvailableWorkouts',
		'getAvailableWorkouts',
		{ query: exportFilters },
		({ query, auth, headers }) => {
			checkClientName(query.clientname);
			staffOnly(auth);
			return { body: filtered(auth, query).map((w) => workoutMeta(w, apiBase(headers))) };
		},
	);
	route(
		'GET',
		'/api/api4/export/GetAvailableWorkoutIds',
		'getAvailableWorkoutIds',
		{ query: exportFilters },
		({ query, auth }) => {
			checkClientName(query.clientname);
			staffOnly(auth);
			return { body: filtered(auth, query).map((w) => w.Id) };
		},
	);
	const exportable1 = (auth, id) => {
		const found = exportable(auth).find((w) => w.Id === Number(id));
		if (!found) throw new HttpError(404, `No signed workout ${id} in your organization`);
		return found;
	};
	route(
		'GET',
		'/api/api4/export/GetWorkoutPDF',
		'getWorkoutPdf',
		{ query: exportWorkout },
		({ query, auth, headers }) => {
			checkClientName(query.clientname);
			staffOnly(auth);
			const w = exportable1(auth, query.workoutId);
			const base = apiBase(headers);
			// WorkoutForExport, with the Json.NET `$id` reference properties of the sample.
			return {
				body: {
					$id: '1',
					...workoutMeta(w, base),
					PdfBase64: tinyPdf(`${w.Title} (workout ${w.Id})`).toString('base64'),
					Exercises: w.Exercises.map((e, i) => ({
						$id: String(i + 2),
						Id: e.Id,
						MasterId: e.MasterId,
						Title: e.Title,
						Url: `${base}/video/?culture=nb-NO&ex=${e.MasterId}`,
					})),
				},
			};
		},
	);
	route(
		'GET',
		'/api/api4/export/AcknowledgeWorkout',
		'acknowledgeWorkout',
		{ query: exportWorkout },
		({ query, auth }) => {
			checkClientName(query.clientname);
			staffOnly(auth);
			exportable1(auth, query.workoutId).Acknowledged = true;
			return { status: 200 };
		},
	);

	// Go client API (acting as the contact) ----------------------------------------------------
	const go = (name) => `/api/api4/client/go/${name}/4`;
	route('GET', go('loadall'), 'goLoadAll', { assumed: ASSUMED.goLoadAll }, ({ auth, headers }) => ({
		body: {
			Profile: profileOut(auth.user),
			Workouts: state.workouts
				.filter((w) => w.ContactId === auth.user.Id)
				.map((w) => goWorkout(w, apiBase(headers))),
			Activities: state.activities.filter((a) => a.UserId === auth.user.Id),
		},
	}));
	route('GET', go('profile'), 'goGetProfile', {}, ({ auth }) => ({ body: profileOut(auth.user) }));
	route('POST', go('profile'), 'goSetProfile', { body: profileBody }, ({ body, auth }) => {
		if (body.Id && body.Id !== auth.user.Id)
			throw new HttpError(403, `You can only save your own profile (${auth.user.Id})`);
		const { Id, ...fields } = body;
		Object.assign(auth.user, fields);
		return { body: profileOut(auth.user) };
	});
	route(
		'GET',
		go('workouts'),
		'goGetWorkouts',
		{ assumed: ASSUMED.goWorkouts },
		({ auth, headers }) => ({
			body: state.workouts
				.filter((w) => w.ContactId === auth.user.Id)
				.map((w) => goWorkout(w, apiBase(headers))),
		}),
	);
	route(
		'GET',
		go('workoutsbytags'),
		'goGetWorkoutsByTags',
		{ query: strict({ tags: z.string().min(1) }), assumed: ASSUMED.goWorkoutsByTags },
		({ query, auth, headers }) => {
			const tags = query.tags
				.split(',')
				.map((t) => t.trim().toLowerCase())
				.filter(Boolean);
			return {
				body: state.workouts
					.filter(
						(w) =>
							w.ContactId === auth.user.Id && w.Tags.some((t) => tags.includes(t.toLowerCase())),
					)
					.map((w) => goWorkout(w, apiBase(headers))),
			};
		},
	);
	route(
		'GET',
		go('activitiestodo'),
		'goGetActivitiesTodo',
		{ assumed: ASSUMED.goActivitiesTodo },
		({ auth }) => ({
			body: state.activities.filter((a) => a.UserId === auth.user.Id && !a.Completed),
		}),
	);
	route(
		'GET',
		go('activitiesbyworkout'),
		'goGetActivitiesByWorkout',
		{ query: strict({ workoutId: positive }), assumed: ASSUMED.goActivitiesByWorkout },
		({ query, auth }) => ({
			body: state.activities.filter(
				(a) => a.UserId === auth.user.Id && a.WorkoutId === Number(query.workoutId),
			),
		}),
	);
	route(
		'GET',
		go('relatedExercises'),
		'goQueryRelatedExercises',
		{
			query: strict({
				SourceMasterExerciseId: positive,
				WantedCount: whole.optional(),
				PackageIds: z.string().optional(),
				EquipmentId: whole.optional(),
				AsProgression: z.enum(['true', 'false']).optional(),
			}),
			assumed: ASSUMED.relatedExercises,
		},
		({ query, headers }) => {
			const source = EXERCISES.find((e) => e.Id === Number(query.SourceMasterExerciseId));
			if (!source) throw new HttpError(404, `Exercise ${query.SourceMasterExerciseId} not found`);
			const packages = (query.PackageIds ?? '').split(',').map(Number).filter(Boolean);
			const related = EXERCISES.filter(
				(e) =>
					e.Id !== source.Id &&
					(!packages.length || packages.includes(e.PackageId)) &&
					(query.EquipmentId === undefined || e.EquipmentId === Number(query.EquipmentId)),
			)
				.map((e) => ({
					...libraryExercise(e, apiBase(headers)),
					Rating: e.Focus === source.Focus ? 90 : 40,
				}))
				.sort((a, b) => b.Rating - a.Rating);
			return { body: related.slice(0, Number(query.WantedCount ?? 10) || 10) };
		},
	);
	route(
		'GET',
		go('workout'),
		'goGetWorkout',
		{ query: strict({ workoutId: positive }), assumed: ASSUMED.goWorkout },
		({ query, auth, headers }) => ({
			body: goWorkout(contactWorkout(auth, query.workoutId), apiBase(headers)),
		}),
	);
	route(
		'POST',
		go('copyworkouttouser'),
		'goCopyWorkoutToUser',
		{
			body: strict({ WorkoutId: int.positive(), UserId: int.positive() }),
			assumed: ASSUMED.goCopiedWorkout,
		},
		({ body, auth, headers }) => {
			const source = state.workouts.find(
				(w) => w.Id === body.WorkoutId && w.OrganizationId === auth.org.id,
			);
			if (!source) throw new HttpError(404, `Workout ${body.WorkoutId} not found`);
			const target = inOrg(auth, body.UserId);
			return { body: goWorkout(copyWorkout(source, target), apiBase(headers)) };
		},
	);
	route(
		'POST',
		go('exercise'),
		'goSetExercise',
		// The Exercise model is not documented in full: Id and Completed are required.
		{
			body: z.object({ Id: int.positive(), Completed: z.boolean() }).passthrough(),
			assumed: ASSUMED.goSavedExercise,
		},
		({ body, auth, headers }) => {
			for (const w of state.workouts.filter((x) => x.ContactId === auth.user.Id)) {
				const found = w.Exercises.find((e) => e.Id === body.Id);
				if (found) {
					Object.assign(found, body, { MasterId: found.MasterId });
					return { body: exerciseOut(found, apiBase(headers)) };
				}
			}
			throw new HttpError(404, `Exercise ${body.Id} not found in your workouts`);
		},
	);
	route(
		'POST',
		go('activity'),
		'goSetActivity',
		// The Activity model is not documented in full: Id (0 creates) is required.
		{
			body: z
				.object({
					Id: int.gte(0),
					WorkoutId: int.positive().optional(),
					Date: date.optional(),
					Completed: z.boolean().optional(),
				})
				.passthrough(),
			assumed: ASSUMED.goSavedActivity,
		},
		({ body, auth }) => {
			if (body.Id === 0) {
				const created = {
					Completed: false,
					...body,
					Id: state.nextActivityId++,
					UserId: auth.user.Id,
				};
				state.activities.push(created);
				return { body: created };
			}
			const found = state.activities.find((a) => a.Id === body.Id && a.UserId === auth.user.Id);
			if (!found) throw new HttpError(404, `Activity ${body.Id} not found`);
			Object.assign(found, body);
			return { body: found };
		},
	);

	// Plan template API (acting as the contact) ------------------------------------------------
	const plan = (name) => `/api/api4/client/plantemplate/${name}/4`;
	const templateOut = ({ Workouts, ...t }) => ({ ...t, WorkoutCount: Workouts.length });
	route('GET', plan('getalltags'), 'planGetAllTags', { assumed: ASSUMED.planTags }, () => ({
		body: [...new Set(state.planTemplates.flatMap((t) => t.Tags))].sort(),
	}));
	route(
		'GET',
		plan('getplantemplates'),
		'planSearch',
		{ query: strict({ query: z.string() }), assumed: ASSUMED.planTemplates },
		({ query }) => {
			const text = query.query.trim().toLowerCase();
			return {
				body: state.planTemplates
					.filter((t) => !text || t.Title.toLowerCase().includes(text))
					.map(templateOut),
			};
		},
	);
	route(
		'GET',
		plan('getplantemplatesbytag'),
		'planGetByTags',
		{ query: strict({ tags: z.string().min(1) }), assumed: ASSUMED.planTemplatesByTag },
		({ query }) => {
			const tags = query.tags
				.split(',')
				.map((t) => t.trim().toLowerCase())
				.filter(Boolean);
			return {
				body: state.planTemplates
					.filter((t) => t.Tags.some((x) => tags.includes(x)))
					.map(templateOut),
			};
		},
	);
	route(
		'POST',
		plan('apply'),
		'planApply',
		{
			body: strict({
				UserId: int.positive(),
				PlanTemplateId: int.positive(),
				// The vendor's spelling.
				AppyToStartDate: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date YYYY-MM-DD'),
				DistributionType: z.enum(['AsIs', 'WeekPattern', 'Explicit']),
				RepeatNum: int.gte(0).optional(),
				WeekPattern: z.string().optional(),
				Explicit: z.string().optional(),
			}),
		},
		({ body, auth }) => {
			const template = state.planTemplates.find((t) => t.Id === body.PlanTemplateId);
			if (!template) throw new HttpError(404, `Plan template ${body.PlanTemplateId} not found`);
			const target = inOrg(auth, body.UserId);
			if (body.DistributionType === 'WeekPattern' && !/^[01]{7}$/.test(body.WeekPattern ?? ''))
				throw new HttpError(
					400,
					'WeekPattern must be seven 0/1 digits for the WeekPattern distribution',
				);
			if (body.DistributionType === 'Explicit' && !body.Explicit)
				throw new HttpError(400, 'Explicit is required for the Explicit distribution');
			const repeats = Math.max(1, body.RepeatNum ?? 1);
			for (let r = 0; r < repeats; r++) {
				for (const t of template.Workouts) {
					const Id = state.nextWorkoutId++;
					const at = `${body.AppyToStartDate.slice(0, 10)}T08:00:00Z`;
					state.workouts.push({
						Id,
						Guid: `00000000-0000-4000-8000-${String(Id).padStart(12, '0')}`,
						Title: t.Title,
						Description: `From plan template ${template.Id}`,
						CreatedAt: at,
						LastChangedAt: at,
						Locked: false,
						Signed: false,
						Acknowledged: false,
						OrganizationId: target.OrganizationId,
						DepartmentId: 0,
						ContactId: target.Id,
						OwnerId: auth.user.Id,
						Tags: [...template.Tags],
						Exercises: exercisesFor(Id, t.Exercises),
					});
				}
			}
			// No return value.
			return { status: 200 };
		},
	);

	// api4/Access (legacy, the partner's own token) --------------------------------------------
	route(
		'POST',
		'/api/api4/Access/PartnerChallenge',
		'partnerChallenge',
		{ body: strict({ ApplicationKey: z.string().min(1), Random: z.union([whole, int]) }) },
		({ body, auth }) => {
			partnerOnly(auth);
			const challenge = randomBytes(8).toString('hex');
			state.challenges.push({
				challenge,
				random: String(body.Random),
				expiresAt: Date.now() + 30_000,
			});
			if (state.challenges.length > 100) state.challenges.shift();
			// A JSON string; ExorLive's sample strips spaces, quotes and braces from it.
			return { body: `{ ${challenge} }` };
		},
	);
	route(
		'POST',
		'/api/api4/Access/PartnerLinkOrganizationToApplication',
		'partnerLinkOrganization',
		{
			body: strict({
				// The docs say ClientKey, the sample code sends ApplicationKey.
				ClientKey: z.string().optional(),
				ApplicationKey: z.string().optional(),
				Username: z.string(),
				PwdSalted: z.string(),
				Challenge: z.string(),
				Random: z.union([whole, int]),
			}),
		},
		({ body, auth }) => {
			partnerOnly(auth);
			const result = (resultCode, extra = {}) => ({ body: { resultCode, ...extra } });
			const key = body.ClientKey ?? body.ApplicationKey;
			if (!key || !body.Username || !body.PwdSalted || !body.Challenge)
				return result('MissingInputValues');
			if (key !== EXORLIVE_CLIENT.clientKey) return result('IllegalApplicationKey');
			const issued = state.challenges.find(
				(c) => c.challenge === body.Challenge.replace(/[\s"{}]/g, ''),
			);
			if (!issued || issued.random !== String(body.Random) || issued.expiresAt < Date.now())
				return result('ChallengeError');
			state.challenges.splice(state.challenges.indexOf(issued), 1);
			const org = state.orgs.find(
				(o) => o.adminUsername?.toLowerCase() === body.Username.trim().toLowerCase(),
			);
			const password = org?.adminPassword;
			const expected =
				password &&
				createHmac(
					'sha1',
					Buffer.from(createHash('sha1').update(password, 'utf8').digest('hex'), 'ascii'),
				)
					.update(Buffer.from(issued.challenge, 'ascii'))
					.digest('hex')
					.toUpperCase();
			if (!expected || !sameText(expected, body.PwdSalted)) return result('UserAndPwdNotFound');
			const admin = userById(org.adminUserId);
			if (admin.Disabled) return result('UserIsDisabled');
			org.linked = true;
			return result('OK', {
				partnerId: EXORLIVE_SEED.partnerOrgId,
				organizationId: org.id,
				adminUserId: admin.Id,
			});
		},
	);
	route(
		'GET',
		'/api/api4/Access/GetUserAccessStatus',
		'getUserAccessStatus',
		{
			query: strict({
				ClientKey: z.string().optional(),
				applicationKey: z.string().optional(),
				userId: positive,
			}),
		},
		({ query, auth }) => {
			partnerOnly(auth);
			const key = query.ClientKey ?? query.applicationKey;
			if (key !== EXORLIVE_CLIENT.clientKey) throw new HttpError(403, 'Unknown client key');
			const u = userById(query.userId);
			const org = u && orgById(u.OrganizationId);
			const organizationOK = Boolean(org?.linked);
			const status = !organizationOK
				? 'OrganizationNotConnected'
				: u.Disabled
					? 'UserIsDisabled'
					: ({
							2: 'Administrator',
							8: 'Instructor',
							16: 'ContactWithLogin',
							256: 'ContactWithLogin',
						}[u.Role] ?? 'Contact');
			return {
				body: {
					userId: Number(query.userId),
					organizationOK,
					userOK: organizationOK && !u?.Disabled,
					userStatus: status,
				},
			};
		},
	);

	// WebServices V1 (legacy JSON services, values as strings, answers in `d.Data`) -------------
	const v1 = (service, method) => `/api/WebServices/V1/${service}.svc/${method}`;
	const v1Person = (u) => ({
		Id: u.Id,
		CustomId: u.CustomId,
		Firstname: u.Firstname,
		Lastname: u.Lastname,
		Email: u.Email,
		IsActivated: u.Disabled ? 0 : 1,
		Address: u.Address,
		Location: u.City,
		Zipcode: u.Zipcode,
		Comment: u.Comment,
		DateOfBirth: u.DateOfBirth,
		Type: u.Role === ROLES.contact ? 32 : u.Role,
		DepartmentId: u.DepartmentId,
		Phone1: u.Phone,
		PrimaryContact: u.PrimaryContactId,
		Sex: u.Gender,
	});
	const byCustomId = (auth, customId) => usersOf(auth.org.id).find((u) => u.CustomId === customId);
	route(
		'POST',
		v1('Persons', 'GetListOfUsers'),
		'v1GetListOfUsers',
		{
			body: strict({
				unitId: whole,
				role: z.enum(['0', '8', '16', '32']),
				page: whole,
				pagesize: positive,
			}),
		},
		({ body, auth }) => {
			staffOnly(auth);
			const role = Number(body.role);
			const list = usersOf(auth.org.id).filter(
				(u) =>
					(role === 0 || (role === 32 ? u.Role === ROLES.contact : u.Role === role)) &&
					(Number(body.unitId) === 0 || u.DepartmentId === Number(body.unitId)),
			);
			const size = Number(body.pagesize);
			return wcf(
				list.slice(Number(body.page) * size, (Number(body.page) + 1) * size).map(v1Person),
			);
		},
	);
	route(
		'POST',
		v1('Persons', 'GetPersonDetails'),
		'v1GetPersonDetails',
		{ body: strict({ personId: positive }) },
		({ body, auth }) => {
			staffOnly(auth);
			return wcf(v1Person(inOrg(auth, body.personId, 'Person')));
		},
	);
	route(
		'POST',
		v1('Persons', 'SetPersonDetails'),
		'v1SetPersonDetails',
		{ body: personBody },
		({ body, auth }) => {
			staffOnly(auth);
			const p = body.person;
			const fields = Object.fromEntries(
				Object.entries({
					Firstname: p.Firstname,
					Lastname: p.Lastname,
					Email: p.Email,
					CustomId: p.CustomId,
					Address: p.Address,
					City: p.Location,
					Zipcode: p.Zipcode,
					Comment: p.Comment,
					DateOfBirth: p.DateOfBirth,
					Role: p.Type === undefined ? undefined : Number(p.Type),
					DepartmentId: p.DepartmentId === undefined ? undefined : Number(p.DepartmentId),
					Phone: p.Phone1,
					PrimaryContactId: p.PrimaryContact === undefined ? undefined : Number(p.PrimaryContact),
					Gender: p.Sex === undefined ? undefined : Number(p.Sex),
					Disabled: p.IsActivated === undefined ? undefined : Number(p.IsActivated) === 0,
				}).filter(([, v]) => v !== undefined),
			);
			if (Number(p.Id) === 0) {
				return wcf(createUser(auth, fields).Id);
			}
			Object.assign(inOrg(auth, p.Id, 'Person'), fields);
			return wcf(Number(p.Id));
		},
	);
	route(
		'POST',
		v1('Persons', 'ResolveCustomId'),
		'v1ResolveCustomId',
		{ body: strict({ customId: z.string().min(1) }) },
		({ body, auth }) => {
			staffOnly(auth);
			return wcf(byCustomId(auth, body.customId)?.Id ?? 0);
		},
	);
	route(
		'POST',
		v1('Persons', 'SetCustomId'),
		'v1SetCustomId',
		{
			body: strict({ personId: positive, customId: z.string() }),
			assumed: ASSUMED.legacySetCustomId,
		},
		({ body, auth }) => {
			staffOnly(auth);
			inOrg(auth, body.personId, 'Person').CustomId = body.customId;
			return wcf(null);
		},
	);
	route(
		'POST',
		v1('Persons', 'SetUserDisabled'),
		'v1SetUserDisabled',
		{
			body: strict({ personId: positive, disabled: z.enum(['0', '1']) }),
			assumed: ASSUMED.legacySetUserDisabled,
		},
		({ body, auth }) => {
			staffOnly(auth);
			inOrg(auth, body.personId, 'Person').Disabled = body.disabled === '1';
			return { body: { d: null } };
		},
	);
	route(
		'POST',
		v1('Persons', 'MakeSureUserHasLoginAccess'),
		'v1MakeSureUserHasLoginAccess',
		{ body: strict({ customId: z.string().min(1) }), assumed: ASSUMED.legacyLoginAccess },
		({ body, auth }) => {
			staffOnly(auth);
			const found = byCustomId(auth, body.customId);
			if (!found) throw new HttpError(404, `No person with custom id ${body.customId}`);
			if (found.Role === ROLES.contact) found.Role = ROLES.contactWithLogin;
			return { body: { d: null } };
		},
	);
	route(
		'POST',
		v1('Core', 'GetListOfDepartments'),
		'v1GetListOfDepartments',
		{ body: strict({}), assumed: ASSUMED.legacyDepartments },
		({ auth }) => {
			staffOnly(auth);
			return wcf(auth.org.departments);
		},
	);
	route(
		'POST',
		v1('Workouts', 'QueryWorkouts'),
		'v1QueryWorkouts',
		{
			body: strict({
				query: strict({
					Location: v1String.optional(),
					LocationId: whole.optional(),
					Query: v1String.optional(),
					Nested: v1Bool.optional(),
					Start: whole.optional(),
					Length: whole.optional(),
					OnlyTemplates: v1Bool.optional(),
				}),
			}),
			assumed: ASSUMED.legacyWorkouts,
		},
		({ body, auth }) => {
			staffOnly(auth);
			const q = body.query;
			const text = (q.Query ?? '').toLowerCase();
			const found = state.workouts.filter(
				(w) =>
					w.OrganizationId === auth.org.id &&
					(!text || w.Title.toLowerCase().includes(text)) &&
					(q.OnlyTemplates !== 'true' || !w.ContactId),
			);
			const start = Number(q.Start ?? 0);
			return wcf(
				found
					.slice(start, start + Number(q.Length ?? 50))
					.map(({ Id, Guid, Title, Description, ContactId, OwnerId, CreatedAt }) => ({
						Id,
						Guid,
						Title,
						Description,
						ContactId,
						OwnerId,
						CreatedAt,
					})),
			);
		},
	);
	route(
		'POST',
		v1('Workouts', 'CopyWorkoutToUser'),
		'v1CopyWorkoutToUser',
		{ body: strict({ workoutId: positive, userId: positive }) },
		({ body, auth }) => {
			staffOnly(auth);
			const source = state.workouts.find(
				(w) => w.Id === Number(body.workoutId) && w.OrganizationId === auth.org.id,
			);
			if (!source) throw new HttpError(404, `Workout ${body.workoutId} not found`);
			return wcf(copyWorkout(source, inOrg(auth, body.userId)).Id);
		},
	);
	route(
		'POST',
		v1('Workouts', 'GetExercise'),
		'v1GetExercise',
		{ body: strict({ id: positive }), assumed: ASSUMED.legacyExercise },
		({ body, headers }) => {
			const found = EXERCISES.find((e) => e.Id === Number(body.id));
			if (!found) throw new HttpError(404, `Exercise ${body.id} not found`);
			return wcf(libraryExercise(found, apiBase(headers)));
		},
	);
	route(
		'POST',
		v1('Workouts', 'QueryExercises'),
		'v1QueryExercises',
		{
			body: strict({
				query: strict({
					ReturnResult: v1Bool.optional(),
					ReturnFilter: v1Bool.optional(),
					Query: v1String.optional(),
					Type: v1String.optional(),
					Equipment: v1String.optional(),
					Focus: v1String.optional(),
					SortBy: v1String.optional(),
					StartPosition: whole.optional(),
					Level: v1String.optional(),
					AgeGroup: v1String.optional(),
				}),
			}),
			assumed: ASSUMED.legacyExercises,
		},
		({ body, headers }) => {
			const q = body.query;
			const text = (q.Query ?? '').toLowerCase();
			const found = EXERCISES.filter(
				(e) =>
					(!text || e.Title.toLowerCase().includes(text)) &&
					(!q.Focus || e.Focus.toLowerCase() === q.Focus.toLowerCase() || /^\d+$/.test(q.Focus)),
			).map((e) => libraryExercise(e, apiBase(headers)));
			return wcf(found.slice(Number(q.StartPosition ?? 0)));
		},
	);

	// --- control endpoints (/_sandbox/exorlive/…) ----------------------------------------------
	async function control({ method, path, query }) {
		if (method === 'POST' && path === '/expireTokens') {
			let expired = 0;
			for (const grant of Object.values(state.tokens)) {
				if (grant.expiresAt > 0) expired++;
				grant.expiresAt = 0;
			}
			return { status: 200, body: { expired } };
		}
		if (method === 'POST' && path === '/workoutReady') {
			const target = /^\d+$/.test(query.userId ?? '') && userById(query.userId);
			if (!target) return { status: 404, body: { message: `Unknown userId ${query.userId}` } };
			const count = Number(query.workouts ?? 1);
			if (!Number.isInteger(count) || count < 1 || count > 100)
				return { status: 400, body: { message: 'workouts must be a whole number from 1 to 100' } };
			const workoutIds = makeReady(target, count);
			const org = orgById(target.OrganizationId);
			if (!org.callbackUrl)
				return {
					status: 404,
					body: { message: `No callback URL registered for organization ${org.id}`, workoutIds },
				};
			const callbackUrl = callbackTarget(org.callbackUrl, target.Id);
			const entry = { at: new Date().toISOString(), callbackUrl, workoutIds };
			state.callbacks.push(entry);
			try {
				const res = await fetch(callbackUrl, {
					method: 'GET',
					signal: AbortSignal.timeout(15_000),
				});
				await res.arrayBuffer();
				entry.status = res.status;
				return { status: 200, body: { callbackUrl, status: res.status, workoutIds } };
			} catch (error) {
				entry.error = String(error?.cause?.code ?? error?.message ?? error);
				return { status: 502, body: { callbackUrl, error: entry.error, workoutIds } };
			}
		}
		return undefined;
	}

	return {
		name: 'exorlive',
		token: `OAuth code flow (client key ${EXORLIVE_CLIENT.clientKey})`,
		routes,
		get state() {
			return state;
		},
		reset() {
			state = seed();
		},
		control,
		urls: (origin) => ({
			exorliveAuth: `${origin}/exorlive/auth`,
			exorliveApi: `${origin}/exorlive/api`,
			exorliveSso: `${origin}/exorlive/sso`,
		}),
		/** A valid, unexpired bearer token and the ExorLive-Client header; returns the caller. */
		authenticate(headers) {
			const match = /^Bearer (\S+)$/.exec(headers.authorization ?? '');
			const grant = match && state.tokens[match[1]];
			if (!grant || grant.expiresAt <= Date.now()) throw new HttpError(401, DENIED);
			const caller = userById(grant.userId);
			if (!caller || caller.Disabled) throw new HttpError(401, DENIED);
			const client = headers['exorlive-client'];
			if (!client) throw new HttpError(400, 'The ExorLive-Client header is required');
			if (client !== EXORLIVE_CLIENT.clientName)
				throw new HttpError(403, `Unknown ExorLive-Client "${client}"`);
			return { user: caller, org: orgById(caller.OrganizationId), scope: grant.scope };
		},
		assumptions: [OAUTH_ERROR_BODY],
		// No error body is documented: every error carries its message only, as ASP.NET Web API's
		// `{ Message }`; the OAuth endpoints' `{ error, error_description }` is an assumption.
		errorBody: (status, message, details) =>
			details?.body && assumes(OAUTH_ERROR_BODY.name) ? details.body : { Message: message },
		credentials: (urls) => [
			{
				id: 'sandboxExorLive1',
				name: 'ExorLive (sandbox)',
				type: 'exorLiveApi',
				data: {
					clientKey: EXORLIVE_CLIENT.clientKey,
					clientSecret: EXORLIVE_CLIENT.clientSecret,
					redirectUri: EXORLIVE_CLIENT.redirectUri,
					clientName: EXORLIVE_CLIENT.clientName,
					adminUserId: EXORLIVE_SEED.adminUserId,
					authBaseUrl: urls.exorliveAuth,
					apiBaseUrl: urls.exorliveApi,
					jwtAlgorithm: 'HS256',
					jwtSharedSecret: EXORLIVE_CLIENT.jwtSharedSecret,
					jwtKid: EXORLIVE_CLIENT.jwtKid,
					jwtEndpoint: `${urls.exorliveSso}/partner/payload`,
				},
			},
		],
	};
}
