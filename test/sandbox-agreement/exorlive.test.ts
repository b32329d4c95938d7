/**
 * The ExorLive node against the local sandbox over real loopback HTTP: its token exchange, Act
 * As, request shapes and answer handling agree with the ExorLive fake (README "Sandbox"). The
 * sandbox answers what ExorLive documents; a test that relies on an assumed answer names it
 * (docs/sandbox-assumptions.md).
 */
import type { ICredentialDataDecryptedObject, INodeParameters, IDataObject } from 'n8n-workflow';
import { runNode, testCredential } from '../harness/engine';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';

const ADMIN_ID = 600001;
const CUSTOMER_ADMIN = 600101;
const NEW_WORKOUTS = [700001, 700002];

interface ExorLiveState {
	tokenExchanges: number;
	exchangesByUser: Record<string, number>;
	users: Array<{ Id: number; OrganizationId: number; Email: string }>;
	orgs: Array<{ id: number; externalId?: string; adminUserId: number }>;
}

interface LoggedRequest {
	vendor: string;
	operationId?: string;
	status: number;
}

let sandbox: SandboxProcess;
let credentials: Record<string, ICredentialDataDecryptedObject>;
const run = (parameters: INodeParameters) => runNode({ node: 'exorLive', credentials, parameters });

/**
 * One sandbox for the tests of the enclosing describe: documented answers, plus the assumptions
 * `answers` names (comma-separated).
 */
function sandboxFor(answers?: string) {
	let own: SandboxProcess;
	beforeAll(async () => {
		own = await startSandboxProcess(answers ? { SANDBOX_ANSWERS: answers } : {});
		sandbox = own;
		credentials = { exorLiveApi: own.credentials.exorLiveApi };
	});
	afterAll(() => own.stop());
	// Resetting also invalidates every token: a token the node still caches from an earlier test
	// gets a 401 and is exchanged again, so each test counts one exchange per user it acts as.
	beforeEach(() => own.control('POST', '/reset'));
}

const exorlive = async () =>
	(await sandbox.control<{ exorlive: ExorLiveState }>('GET', '/state')).exorlive;
const requests = async () =>
	(await sandbox.control<LoggedRequest[]>('GET', '/requests')).filter(
		(r) => r.vendor === 'exorlive',
	);

/** For each customer: admin user id → Act As lookup → create if missing → Go invitation link. */
const chain = {
	parameters: {
		resource: 'partner',
		operation: 'requestApiAccess',
		externalOrganizationId: '={{ $json.externalId }}',
	},
	then: [
		{
			resource: 'user',
			operation: 'lookup',
			actAsUserId: '={{ $json.adminUserId }}',
			type: 'email',
			text: "={{ 'contact@' + $json.externalOrganizationId + '.example' }}",
			whenNotFound: 'item',
		},
		{
			resource: 'user',
			operation: 'createOrUpdate',
			actAsUserId: "={{ $('Node').item.json.adminUserId }}",
			id: '={{ $json.Id ?? 0 }}',
			additionalFields: {
				email: '={{ $json.Email ?? $json.text }}',
				firstname: 'Chain',
				lastname: "={{ $('Node').item.json.externalOrganizationId }}",
				role: 16,
			},
		},
		{
			resource: 'partner',
			operation: 'getGoInvitationLink',
			actAsUserId: "={{ $('Node').item.json.adminUserId }}",
			contactUserId: '={{ $json.Id }}',
		},
	],
	input: [
		{ externalId: 'cust-001' },
		{ externalId: 'cust-002' },
		{ externalId: 'agreement-new-3' },
	],
};

describe('on documented answers', () => {
	sandboxFor();

	test('after expireTokens: 401, one new exchange per user, and the request is retried', async () => {
		const lookup = (actAsUserId = '') =>
			run({
				resource: 'user',
				operation: 'lookup',
				type: 'id',
				text: String(actAsUserId || ADMIN_ID),
				actAsUserId,
			});
		const warm = [await lookup(), await lookup(String(CUSTOMER_ADMIN))];
		expect(warm.map((result) => result.error)).toEqual([undefined, undefined]);
		const before = (await exorlive()).exchangesByUser;
		const logged = (await requests()).length;
		await sandbox.control('POST', '/exorlive/expireTokens');
		const own = await lookup();
		const acting = await lookup(String(CUSTOMER_ADMIN));
		expect([own.error, acting.error]).toEqual([undefined, undefined]);
		expect(own.items[0].json.Id).toBe(ADMIN_ID);
		expect(acting.items[0].json.Id).toBe(CUSTOMER_ADMIN);
		const after = (await exorlive()).exchangesByUser;
		expect([
			after[ADMIN_ID] - before[ADMIN_ID],
			after[CUSTOMER_ADMIN] - before[CUSTOMER_ADMIN],
		]).toEqual([1, 1]);
		expect((await requests()).slice(logged).map((r) => `${r.operationId} ${r.status}`)).toEqual([
			'lookupUser 401',
			'authorize 200',
			'token 200',
			'lookupUser 200',
			'lookupUser 401',
			'authorize 200',
			'token 200',
			'lookupUser 200',
		]);
	});

	test('workout export: the PDF as binary output, then acknowledged out of the New scope', async () => {
		const asCustomer = { actAsUserId: String(CUSTOMER_ADMIN) };
		const pdf = await run({
			resource: 'workoutExport',
			operation: 'getWorkoutPdf',
			workoutId: NEW_WORKOUTS[0],
			// The whole metadata, exercises included.
			simplify: false,
			...asCustomer,
		});
		expect(pdf.error).toBeUndefined();
		const [item] = pdf.items;
		expect(item.json).toMatchObject({ Id: NEW_WORKOUTS[0], Title: 'Knee rehab, week 1' });
		expect(item.json).not.toHaveProperty('PdfBase64');
		expect((item.json.Exercises as IDataObject[])[0]).toMatchObject({ MasterId: 5491 });
		const binary = item.binary?.data;
		expect(binary).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `workout-${NEW_WORKOUTS[0]}.pdf`,
		});
		const bytes = Buffer.from(String(binary?.data), 'base64').toString('latin1');
		expect(bytes.startsWith('%PDF-1.4')).toBe(true);
		expect(bytes.trimEnd().endsWith('%%EOF')).toBe(true);

		const acknowledged = await run({
			resource: 'workoutExport',
			operation: 'acknowledgeWorkout',
			workoutId: NEW_WORKOUTS[0],
			...asCustomer,
		});
		expect(acknowledged.items.map((i) => i.json)).toEqual([{ acknowledged: true }]);
		const ids = await run({
			resource: 'workoutExport',
			operation: 'getAvailableWorkoutIds',
			scope: 'new',
			...asCustomer,
		});
		expect(ids.items.map((i) => i.json)).toEqual([{ workoutId: NEW_WORKOUTS[1] }]);
	});

	test('a magic value reaches the user as a NodeApiError with the status and the fake Message', async () => {
		const { error } = await run({
			resource: 'user',
			operation: 'lookup',
			type: 'email',
			text: 'error-500@x.example',
		});
		expect(error?.name).toBe('NodeApiError');
		expect(String(error?.httpCode)).toBe('500');
		expect(error?.message).toMatch(/Simulated HTTP 500 \(magic value error-500\) \(HTTP 500\)/);
	});

	test('the credential test passes with the sandbox credential and fails with a wrong secret', async () => {
		expect(await testCredential('exorLiveApi', credentials.exorLiveApi)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		const wrong = await testCredential('exorLiveApi', {
			...credentials.exorLiveApi,
			clientSecret: 'wrong-sandbox-secret',
		});
		expect(wrong).toEqual({
			status: 'Error',
			message: 'ExorLive token exchange failed at Authorize.aspx: invalid_client (HTTP 401)',
		});
	});
});

// SetUser's answer is not documented (the sandbox sends none): Create or Update finds a created
// contact's Id with the documented lookup, and the invitation link step reads it.
describe('the three-organization chain on documented answers', () => {
	sandboxFor();

	test('three customer organizations: API access, Act As lookup, create if missing, invitation link', async () => {
		const first = await runNode({ node: 'exorLive', credentials, ...chain });
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(3);
		const state = await exorlive();
		const newOrg = state.orgs.find((o) => o.externalId === 'agreement-new-3');
		expect(newOrg).toBeDefined();
		const admins = [CUSTOMER_ADMIN, 600201, newOrg!.adminUserId];
		// One exchange for the partner admin and one per customer admin, whatever the item count.
		expect(state.tokenExchanges).toBe(4);
		expect(state.exchangesByUser).toEqual(
			Object.fromEntries([ADMIN_ID, ...admins].map((id) => [String(id), 1])),
		);
		const contacts = first.items.map((item) => item.json.contactUserId as number);
		for (const [index, contactId] of contacts.entries()) {
			const contact = state.users.find((u) => u.Id === contactId);
			const org = state.orgs.find((o) => o.adminUserId === admins[index]);
			expect(contact?.OrganizationId).toBe(org?.id);
			expect(contact?.Email).toBe(`contact@${chain.input[index].externalId}.example`);
			expect(first.items[index].json.invitationLink).toMatch(
				/^http:\/\/127\.0\.0\.1:\d+\/exorlive\/api\/m\/#\/invite\/\S+$/,
			);
		}
		// Every request passed the fake's validation.
		expect((await requests()).filter((r) => r.status >= 400)).toEqual([]);

		// Again: the contacts are found (updated, not created twice), the links are the same, and
		// the cached tokens are reused.
		const second = await runNode({ node: 'exorLive', credentials, ...chain });
		expect(second.error).toBeUndefined();
		expect(second.items.map((item) => item.json)).toEqual(first.items.map((item) => item.json));
		expect((await exorlive()).tokenExchanges).toBe(4);
	});
});

// Get Auth Key reads GetAuthKey's answer, which is not documented. Create JWT Link posts as AJAX
// and gets the documented URL answer.
describe('with the assumed GetAuthKey answer (exorlive.authKeyAnswer)', () => {
	sandboxFor('exorlive.authKeyAnswer');

	test('sign-in: Get Auth Key on the auth host; the Partner JWT link approves a new organization', async () => {
		const key = await run({
			resource: 'signIn',
			operation: 'getAuthKey',
			userId: 600102,
			actAsUserId: String(CUSTOMER_ADMIN),
		});
		expect(key.error).toBeUndefined();
		expect(key.items[0].json).toEqual({
			authKey: expect.stringMatching(/^sbx-ak-/),
			userId: 600102,
		});
		// The sandbox credential signs with the sandbox's HS256 shared secret.
		const jwtCredentials = credentials;
		const parameters = {
			resource: 'signIn',
			operation: 'createJwtLink',
			organizationId: 'jwt-agreement-org',
			organizationName: 'Agreement Clinic',
			employeeId: 'e-1',
			employeeFirstname: 'Erik',
			employeeLastname: 'Employee',
			contactId: 'c-1',
			contactFirstname: 'Cora',
			contactLastname: 'Contact',
			additionalFields: { contactSsn: '13116900216' },
		};
		const link = await runNode({ node: 'exorLive', credentials: jwtCredentials, parameters });
		expect(link.error).toBeUndefined();
		expect(link.items[0].json.url).toMatch(
			/\/exorlive\/api\/app\/\?selectedPersonId=\d+#Workouts$/,
		);
		const org = (await exorlive()).orgs.find((o) => o.externalId === 'jwt-agreement-org');
		expect(org).toBeDefined();
		// The organization's admin user id is now what Request API Access answers.
		const access = await run({
			resource: 'partner',
			operation: 'requestApiAccess',
			externalOrganizationId: 'jwt-agreement-org',
		});
		expect(access.items[0].json.adminUserId).toBe(org?.adminUserId);
		const wrong = await runNode({
			node: 'exorLive',
			credentials: {
				exorLiveApi: { ...jwtCredentials.exorLiveApi, jwtSharedSecret: 'not-the-shared-secret' },
			},
			parameters,
		});
		expect(wrong.error?.message).toMatch(/Invalid JWT signature \(HTTP 401\)/);
	});
});
