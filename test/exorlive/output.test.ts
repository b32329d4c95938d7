/**
 * Simplify (on by default) on the operations whose documented answer has more than 10 fields,
 * and the Output choice of the ExorLive tool (the `exorLiveTool` variant n8n builds for AI
 * agents). Answers carry every field exorlive.md documents for them.
 */
import type { IDataObject } from 'n8n-workflow';
import { asContacts, CLIENT_NAME, jsonHeaders, runExorLiveCase, type ExorLiveCase } from './suite';
import { expectItemsWith, simplifyCases as simplifyBoth } from '../harness/output';

const v1 = (service: string, method: string) => `/WebServices/V1/${service}.svc/${method}`;

/** LookupUser's user (the SetUser shape, 17 fields), with the Role and Gender names the node adds. */
const user = {
	Id: 12345,
	OrganizationId: 123456,
	DepartmentId: 0,
	Role: 16,
	PrimaryContactId: 123,
	Firstname: 'Kari',
	Lastname: 'Nordmann',
	Email: 'kari@nordic-physio.example',
	Address: 'Storgata 1',
	City: 'Oslo',
	Zipcode: '0150',
	Phone: '+47 99900000',
	Comment: 'Knee rehab',
	DateOfBirth: '1980-07-05',
	CustomId: 'crm-0001',
	OfficialId: '050780-12345',
	Gender: 2,
};
const rawUser = { ...user, RoleName: 'Contact With Login', GenderName: 'Female' };
const simpleUser = {
	Id: 12345,
	OrganizationId: 123456,
	DepartmentId: 0,
	Role: 16,
	RoleName: 'Contact With Login',
	Firstname: 'Kari',
	Lastname: 'Nordmann',
	Email: 'kari@nordic-physio.example',
	CustomId: 'crm-0001',
};

/** WorkoutMetaForExport: 16 fields. */
const workout = {
	Id: 700001,
	Guid: 'a1b2c3',
	Url: 'https://exorlive.com/app/#Workouts/a1b2c3',
	Title: 'Knee',
	Description: 'Four weeks',
	CreatedAt: '2026-01-15T09:00:00Z',
	LastChangedAt: '2026-01-16T09:00:00Z',
	Locked: true,
	ContactId: 600102,
	ContactFirstname: 'Kari',
	ContactLastname: 'Nordmann',
	ContactCustomId: 'crm-0001',
	OwnerId: 600103,
	OwnerFirstname: 'Ingrid',
	OwnerLastname: 'Instructor',
	OwnerCustomId: 'crm-0002',
};
const simpleWorkout = {
	Id: 700001,
	Guid: 'a1b2c3',
	Title: 'Knee',
	ContactId: 600102,
	ContactFirstname: 'Kari',
	ContactLastname: 'Nordmann',
	ContactCustomId: 'crm-0001',
	OwnerId: 600103,
	OwnerFirstname: 'Ingrid',
	OwnerLastname: 'Instructor',
};
const exercises = [
	{ Id: 1, MasterId: 5491, Title: 'Squat', Url: 'http://exorlive.com/video/?ex=5491' },
];

/** The Go profile: 12 fields. */
const profile = {
	Id: 600102,
	CustomId: 'crm-0001',
	Firstname: 'Kari',
	Lastname: 'Nordmann',
	Email: 'kari@nordic-physio.example',
	ProfileImageId: 77,
	UserTags: ['knee'],
	Height: 170,
	Weight: 65,
	Gender: 2,
	DateOfBirth: '1980-07-05',
	YearOfBirth: 1980,
};
const simpleProfile = {
	Id: 600102,
	CustomId: 'crm-0001',
	Firstname: 'Kari',
	Lastname: 'Nordmann',
	Email: 'kari@nordic-physio.example',
	UserTags: ['knee'],
};

/** A legacy Person: the 25 fields SetPersonDetails takes. */
const person = {
	Id: 12345,
	CustomId: 'crm-0001',
	Firstname: 'Kari',
	Lastname: 'Nordmann',
	Email: 'kari@nordic-physio.example',
	IsActivated: 1,
	Address: 'Storgata 1',
	Location: 'Oslo',
	Zipcode: '0150',
	Comment: 'Knee rehab',
	Companyname: 'Nordic Physio',
	CultureString: 'nb-NO',
	DateOfBirth: '1980-07-05',
	Type: 16,
	DepartmentId: 0,
	Description: '',
	Height: 170,
	Phone1: '+47 99900000',
	Phone2: '',
	Phone3: '',
	PrimaryContact: 600103,
	Sex: 2,
	Web: '',
	Weight: 65,
	WeightGoal: 60,
};
const simplePerson = {
	Id: 12345,
	CustomId: 'crm-0001',
	Firstname: 'Kari',
	Lastname: 'Nordmann',
	Email: 'kari@nordic-physio.example',
	Type: 16,
	DepartmentId: 0,
	IsActivated: 1,
};

const exportQuery = { clientname: CLIENT_NAME };

/** The case run as a contact (Go client calls): one token exchange, then the call. */
const asContact = asContacts(9500, 'output-contact-bearer-');

const expectItems = expectItemsWith(runExorLiveCase);

/** The case with Simplify on (default) and off, run as `wrap` makes it. */
function simplifyCases(
	title: string,
	testCase: Omit<ExorLiveCase, 'title'>,
	simplified: IDataObject[],
	raw: IDataObject[],
	wrap: (testCase: ExorLiveCase) => ExorLiveCase = (same) => same,
) {
	const run = (wrapped: ExorLiveCase, output: IDataObject[]) => expectItems(wrap(wrapped), output);
	simplifyBoth(run, title, testCase, simplified, raw);
}

const lookup = (body: unknown) => [
	{
		method: 'GET',
		path: '/api4/user/lookupuser',
		query: { type: 'email', text: user.Email },
		reply: { body },
	},
];
const lookupParameters = { resource: 'user', operation: 'lookup', type: 'email', text: user.Email };

describe('ExorLive Simplify', () => {
	simplifyCases(
		'User > Lookup',
		{ parameters: lookupParameters, requests: lookup([user]) },
		[simpleUser],
		[rawUser],
	);

	simplifyCases(
		'Workout Export > Get Available Workouts',
		{
			parameters: { resource: 'workoutExport', operation: 'getAvailableWorkouts' },
			requests: [
				{
					method: 'GET',
					path: '/api4/export/GetAvailableWorkouts',
					query: { ...exportQuery, scope: 'new' },
					reply: { body: [workout, { ...workout, Id: 700002 }] },
				},
			],
		},
		[simpleWorkout, { ...simpleWorkout, Id: 700002 }],
		[workout, { ...workout, Id: 700002 }],
	);

	const pdf = Buffer.from('%PDF-1.4 workout 700001');
	simplifyCases(
		'Workout Export > Get Workout PDF (the PDF stays binary data)',
		{
			parameters: { resource: 'workoutExport', operation: 'getWorkoutPdf', workoutId: 700001 },
			requests: [
				{
					method: 'GET',
					path: '/api4/export/GetWorkoutPDF',
					query: { ...exportQuery, workoutId: '700001' },
					reply: {
						body: { ...workout, Exercises: exercises, PdfBase64: pdf.toString('base64') },
					},
				},
			],
		},
		[simpleWorkout],
		[{ ...workout, Exercises: exercises }],
	);

	simplifyCases(
		'Go Client > Get Profile',
		{
			parameters: { resource: 'goClient', operation: 'getProfile' },
			requests: [{ method: 'GET', path: '/api4/client/go/profile/4', reply: { body: profile } }],
		},
		[simpleProfile],
		[profile],
		asContact,
	);

	simplifyCases(
		'Go Client > Update Profile',
		{
			parameters: {
				resource: 'goClient',
				operation: 'updateProfile',
				additionalFields: { id: 600102, firstname: 'Kari' },
			},
			requests: [
				{
					method: 'POST',
					path: '/api4/client/go/profile/4',
					headers: jsonHeaders,
					body: { Id: 600102, Firstname: 'Kari' },
					reply: { body: profile },
				},
			],
		},
		[simpleProfile],
		[profile],
		asContact,
	);

	simplifyCases(
		'Legacy Person > Get',
		{
			parameters: { resource: 'legacyPerson', operation: 'get', personId: 12345 },
			requests: [
				{
					method: 'POST',
					path: v1('Persons', 'GetPersonDetails'),
					body: { personId: '12345' },
					reply: { body: { d: { Data: person } } },
				},
			],
		},
		[simplePerson],
		[person],
	);

	it('Get Workout PDF simplified keeps the PDF as binary data', async () => {
		const result = await runExorLiveCase({
			title: 'pdf',
			parameters: { resource: 'workoutExport', operation: 'getWorkoutPdf', workoutId: 700001 },
			requests: [
				{
					method: 'GET',
					path: '/api4/export/GetWorkoutPDF',
					query: { ...exportQuery, workoutId: '700001' },
					reply: { body: { ...workout, PdfBase64: pdf.toString('base64') } },
				},
			],
			output: [simpleWorkout],
		});
		const binary = result.items[0].binary!.data;
		expect([binary.mimeType, binary.fileName]).toEqual(['application/pdf', 'workout-700001.pdf']);
		expect(Buffer.from(binary.data, 'base64')).toEqual(pdf);
	});

	it('Lookup: the not-found item is not simplified', async () => {
		await expectItems(
			{
				title: 'not found',
				parameters: { ...lookupParameters, whenNotFound: 'item' },
				requests: lookup([]),
			},
			[{ found: false, type: 'email', text: user.Email }],
		);
	});
});

describe('ExorLive as an AI tool: Output', () => {
	it('Simplified (the default) keeps the main fields of each user', async () => {
		await expectItems(
			{ title: 'tool', tool: true, parameters: lookupParameters, requests: lookup([user]) },
			[simpleUser],
		);
	});

	it('Raw outputs the answer as the node reads it (with the code names)', async () => {
		await expectItems(
			{
				title: 'tool',
				tool: true,
				parameters: { ...lookupParameters, output: 'raw' },
				requests: lookup([user]),
			},
			[rawUser],
		);
	});

	it('Selected Fields outputs the fields named', async () => {
		await expectItems(
			{
				title: 'tool',
				tool: true,
				parameters: { ...lookupParameters, output: 'fields', fields: 'Id, Email, OfficialId' },
				requests: lookup([user]),
			},
			[{ Id: 12345, Email: user.Email, OfficialId: '050780-12345' }],
		);
	});

	it('the Simplify switch is ignored: Simplify off still outputs Simplified', async () => {
		await expectItems(
			{
				title: 'tool',
				tool: true,
				parameters: { ...lookupParameters, simplify: false },
				requests: lookup([user]),
			},
			[simpleUser],
		);
	});

	it('outside a tool, Output is ignored: Simplify decides', async () => {
		await expectItems(
			{
				title: 'node',
				parameters: { ...lookupParameters, output: 'raw' },
				requests: lookup([user]),
			},
			[simpleUser],
		);
	});
});
