/** One case per ExorLive operation: the exact request sent and the items returned. */
import {
	adminHeaders,
	asContacts,
	CLIENT_NAME,
	describeExorLiveCases,
	jsonHeaders,
	salted,
	storedCredential,
} from './suite';

const json = { 'content-type': 'application/json' };
const user = {
	Id: 12345,
	OrganizationId: 123456,
	DepartmentId: 0,
	Role: 16,
	PrimaryContactId: 123,
	Firstname: 'Test',
	Lastname: 'Testson',
	Email: 'tester@exorlive.com',
	CustomId: 'abcd-123',
	OfficialId: '050780-12345',
	Gender: 1,
};

/** A user as the node outputs it: the codes kept, their names next to them. */
const namedUser = { ...user, RoleName: 'Contact With Login', GenderName: 'Male' };

/** The same user simplified (Lookup's default): IDs, role with its name, name, email, custom ID. */
const simplifiedUser = {
	Id: 12345,
	OrganizationId: 123456,
	DepartmentId: 0,
	Role: 16,
	RoleName: 'Contact With Login',
	Firstname: 'Test',
	Lastname: 'Testson',
	Email: 'tester@exorlive.com',
	CustomId: 'abcd-123',
};

const apiKeyCredential = storedCredential();

/** A case run as a contact: its own credential, one exchange for the contact, then the call. */
const asContact = asContacts(9000, 'contact-bearer-dummy-');

const exportQuery = { clientname: CLIENT_NAME };

describeExorLiveCases('ExorLive partner and user operations', [
	{
		title:
			'Partner > Get Go Invitation Link: GET ?contactUserId=, bare JSON string -> { invitationLink }',
		parameters: { resource: 'partner', operation: 'getGoInvitationLink', contactUserId: 12345 },
		requests: [
			{
				method: 'GET',
				path: '/osloapi/access/GetGoInvitationLink',
				query: { contactUserId: '12345' },
				reply: { body: '"https://exorlive.com/m/#/invite/abc"', headers: json },
			},
		],
		output: [{ invitationLink: 'https://exorlive.com/m/#/invite/abc', contactUserId: 12345 }],
	},
	{
		title:
			'Partner > Request API Access: GET with partnerApiKey = client key and externalOrganizatonId; bare number -> { adminUserId }',
		credentials: apiKeyCredential,
		parameters: {
			resource: 'partner',
			operation: 'requestApiAccess',
			externalOrganizationId: 'ace615c2',
		},
		requests: [
			{
				method: 'GET',
				path: '/osloapi/access/RequestAPIAccessForPartnerOrganizationAndGetAdminUserId',
				query: {
					partnerApiKey: String(apiKeyCredential.clientKey),
					externalOrganizatonId: 'ace615c2',
				},
				reply: { body: 55501 },
			},
		],
		output: [{ adminUserId: 55501, externalOrganizationId: 'ace615c2' }],
	},
	{
		title: 'User > Lookup: GET /api4/user/lookupuser?type=&text=, one object -> one item',
		parameters: { resource: 'user', operation: 'lookup', type: 'officialid', text: '05078012345' },
		requests: [
			{
				method: 'GET',
				path: '/api4/user/lookupuser',
				query: { type: 'officialid', text: '05078012345' },
				reply: { body: user },
			},
		],
		output: [simplifiedUser],
	},
	{
		title: 'User > Create or Update: POST /api4/user/setuser with every documented field',
		parameters: {
			resource: 'user',
			operation: 'createOrUpdate',
			id: 0,
			additionalFields: {
				organizationId: 123456,
				departmentId: 7,
				role: 16,
				primaryContactId: 123,
				firstname: 'Test',
				lastname: 'Testson',
				email: 'tester@exorlive.com',
				address: 'Street 1',
				city: 'Oslo',
				zipcode: '0150',
				phone: '+47 99900000',
				comment: 'From n8n',
				dateOfBirth: '1980-07-05',
				customId: 'abcd-123',
				officialId: '050780-12345',
				gender: 1,
			},
		},
		requests: [
			{
				method: 'POST',
				path: '/api4/user/setuser',
				headers: jsonHeaders,
				body: {
					Id: 0,
					OrganizationId: 123456,
					DepartmentId: 7,
					Role: 16,
					PrimaryContactId: 123,
					Firstname: 'Test',
					Lastname: 'Testson',
					Email: 'tester@exorlive.com',
					Address: 'Street 1',
					City: 'Oslo',
					Zipcode: '0150',
					Phone: '+47 99900000',
					Comment: 'From n8n',
					DateOfBirth: '1980-07-05',
					CustomId: 'abcd-123',
					OfficialId: '050780-12345',
					Gender: 1,
				},
				reply: { body: user },
			},
		],
		output: [namedUser],
	},
	{
		title:
			'User > Set Event Callback URL: GET ?callbackUrl= (its own query kept); empty answer -> confirmation',
		parameters: {
			resource: 'user',
			operation: 'setEventCallbackUrl',
			callbackUrl: 'https://x.test/events/?source=exorlive',
		},
		requests: [
			{
				method: 'GET',
				path: '/api4/user/SetEventCallbackUrl',
				query: { callbackUrl: 'https://x.test/events/?source=exorlive' },
				reply: { status: 200 },
			},
		],
		output: [{ success: true }],
	},
	{
		title:
			'Sign-In > Get Auth Key: POST to the auth host with {userId: "<id>"}; WCF {d} -> { authKey }',
		parameters: { resource: 'signIn', operation: 'getAuthKey', userId: 12345 },
		requests: [],
		auth: [
			{
				method: 'POST',
				path: '/webservices/AuthenticationService.svc/GetAuthKey',
				headers: { ...adminHeaders, ...jsonHeaders },
				body: { userId: '12345' },
				reply: { body: { d: 'AK-0d9f' } },
			},
		],
		output: [{ authKey: 'AK-0d9f', userId: 12345 }],
	},
]);

const accessCredential = storedCredential();
const accessKey = String(accessCredential.clientKey);

describeExorLiveCases('ExorLive legacy partner access operations', [
	{
		title:
			'Partner Access > Partner Challenge: POST {ApplicationKey, Random}; challenge cleaned as the sample does',
		credentials: accessCredential,
		parameters: {
			resource: 'partnerAccess',
			operation: 'partnerChallenge',
			additionalFields: { random: '424242' },
		},
		requests: [
			{
				method: 'POST',
				path: '/api4/Access/PartnerChallenge',
				headers: jsonHeaders,
				body: { ApplicationKey: accessKey, Random: '424242' },
				reply: { body: '"{ 8f3a1c }"', headers: json },
			},
		],
		output: [{ challenge: '8f3a1c', random: '424242' }],
	},
	{
		title:
			'Partner Access > Link Organization: POST with the salted password (HMAC-SHA1 of SHA1 hex)',
		credentials: accessCredential,
		parameters: {
			resource: 'partnerAccess',
			operation: 'linkOrganization',
			username: 'admin@customer.test',
			password: 'pässword-1',
			additionalFields: { challenge: '8f3a1c', random: '424242' },
		},
		requests: [
			{
				method: 'POST',
				path: '/api4/Access/PartnerLinkOrganizationToApplication',
				headers: jsonHeaders,
				body: {
					ClientKey: accessKey,
					ApplicationKey: accessKey,
					Username: 'admin@customer.test',
					PwdSalted: salted('pässword-1', '8f3a1c'),
					Challenge: '8f3a1c',
					Random: '424242',
				},
				reply: {
					body: { resultCode: 'OK', partnerId: 123, organizationId: 1234, adminUserId: 12345 },
				},
			},
		],
		output: [{ resultCode: 'OK', partnerId: 123, organizationId: 1234, adminUserId: 12345 }],
		secrets: ['pässword-1'],
	},
	{
		title: 'Partner Access > Get User Access Status: GET ?ClientKey=&applicationKey=&userId=',
		credentials: accessCredential,
		parameters: { resource: 'partnerAccess', operation: 'getUserAccessStatus', userId: 12345 },
		requests: [
			{
				method: 'GET',
				path: '/api4/Access/GetUserAccessStatus',
				query: { ClientKey: accessKey, applicationKey: accessKey, userId: '12345' },
				reply: {
					body: { userId: 12345, organizationOK: true, userOK: true, userStatus: 'Administrator' },
				},
			},
		],
		output: [{ userId: 12345, organizationOK: true, userOK: true, userStatus: 'Administrator' }],
	},
]);

const workout = { Id: 99, Guid: 'g-1', Title: 'Knee', ContactId: 6, OwnerId: 5 };

describeExorLiveCases('ExorLive workout export operations', [
	{
		title: 'Workout Export > Ping: GET /api4/export/Ping?clientname=',
		parameters: { resource: 'workoutExport', operation: 'ping' },
		requests: [
			{
				method: 'GET',
				path: '/api4/export/Ping',
				query: exportQuery,
				reply: { body: '"pong"', headers: json },
			},
		],
		output: [{ value: 'pong' }],
	},
	{
		title:
			'Workout Export > Get Available Workouts: every filter in the query, one item per workout',
		parameters: {
			resource: 'workoutExport',
			operation: 'getAvailableWorkouts',
			scope: 'all',
			additionalFields: { ownerId: 5, contactId: 6, departmentId: 7 },
		},
		requests: [
			{
				method: 'GET',
				path: '/api4/export/GetAvailableWorkouts',
				query: { ...exportQuery, scope: 'all', ownerId: '5', contactId: '6', departmentId: '7' },
				reply: { body: [workout, { ...workout, Id: 100 }] },
			},
		],
		output: [workout, { ...workout, Id: 100 }],
	},
	{
		title: 'Workout Export > Get Available Workout IDs: a list of ids -> { workoutId } items',
		parameters: { resource: 'workoutExport', operation: 'getAvailableWorkoutIds' },
		requests: [
			{
				method: 'GET',
				path: '/api4/export/GetAvailableWorkoutIds',
				query: { ...exportQuery, scope: 'new' },
				reply: { body: [99, 100] },
			},
		],
		output: [{ workoutId: 99 }, { workoutId: 100 }],
	},
	{
		title:
			'Workout Export > Acknowledge Workout: GET ?clientname=&workoutId=; empty answer -> confirmation',
		parameters: { resource: 'workoutExport', operation: 'acknowledgeWorkout', workoutId: 99 },
		requests: [
			{
				method: 'GET',
				path: '/api4/export/AcknowledgeWorkout',
				query: { ...exportQuery, workoutId: '99' },
				reply: { status: 200 },
			},
		],
		output: [{ acknowledged: true }],
	},
]);

const profile = { Id: 9001, Firstname: 'Baby', Lastname: 'Yoda', Email: 'by@galaxy.test' };

describeExorLiveCases(
	'ExorLive Go client and plan template operations (acting as the contact)',
	[
		{
			title: 'Go Client > Load All: GET /api4/client/go/loadall/4',
			parameters: { resource: 'goClient', operation: 'loadAll' },
			requests: [
				{ method: 'GET', path: '/api4/client/go/loadall/4', reply: { body: { Profile: profile } } },
			],
			output: [{ Profile: profile }],
		},
		{
			title: 'Go Client > Get Profile: GET /api4/client/go/profile/4',
			parameters: { resource: 'goClient', operation: 'getProfile' },
			requests: [{ method: 'GET', path: '/api4/client/go/profile/4', reply: { body: profile } }],
			output: [profile],
		},
		{
			title: 'Go Client > Update Profile: POST /api4/client/go/profile/4 with typed profile fields',
			parameters: {
				resource: 'goClient',
				operation: 'updateProfile',
				additionalFields: {
					id: 9001,
					customId: 'c-1',
					firstname: 'Baby',
					lastname: 'Yoda',
					email: 'by@galaxy.test',
					profileImageId: 77,
					userTags: 'knee, back',
					height: 66,
					weight: 17,
					gender: 1,
					dateOfBirth: '1969-11-13',
					yearOfBirth: 1969,
				},
			},
			requests: [
				{
					method: 'POST',
					path: '/api4/client/go/profile/4',
					headers: jsonHeaders,
					body: {
						Id: 9001,
						CustomId: 'c-1',
						Firstname: 'Baby',
						Lastname: 'Yoda',
						Email: 'by@galaxy.test',
						ProfileImageId: 77,
						UserTags: ['knee', 'back'],
						Height: 66,
						Weight: 17,
						Gender: 1,
						DateOfBirth: '1969-11-13',
						YearOfBirth: 1969,
					},
					reply: { body: profile },
				},
			],
			output: [profile],
		},
		{
			title: 'Go Client > Get Workouts: GET /api4/client/go/workouts/4, one item per workout',
			parameters: { resource: 'goClient', operation: 'getWorkouts' },
			requests: [
				{
					method: 'GET',
					path: '/api4/client/go/workouts/4',
					reply: { body: [{ Id: 1 }, { Id: 2 }] },
				},
			],
			output: [{ Id: 1 }, { Id: 2 }],
		},
		{
			title: 'Go Client > Get Workouts by Tags: GET ?tags=',
			parameters: { resource: 'goClient', operation: 'getWorkoutsByTags', tags: 'knee,back' },
			requests: [
				{
					method: 'GET',
					path: '/api4/client/go/workoutsbytags/4',
					query: { tags: 'knee,back' },
					reply: { body: [{ Id: 1 }] },
				},
			],
			output: [{ Id: 1 }],
		},
		{
			title: 'Go Client > Get Workout: GET ?workoutId=',
			parameters: { resource: 'goClient', operation: 'getWorkout', workoutId: 55 },
			requests: [
				{
					method: 'GET',
					path: '/api4/client/go/workout/4',
					query: { workoutId: '55' },
					reply: { body: { Id: 55 } },
				},
			],
			output: [{ Id: 55 }],
		},
		{
			title: 'Go Client > Copy Workout to User: POST {WorkoutId, UserId}',
			parameters: {
				resource: 'goClient',
				operation: 'copyWorkoutToUser',
				workoutId: 55,
				userId: 9001,
			},
			requests: [
				{
					method: 'POST',
					path: '/api4/client/go/copyworkouttouser/4',
					body: { WorkoutId: 55, UserId: 9001 },
					reply: { body: { Id: 56 } },
				},
			],
			output: [{ Id: 56 }],
		},
		{
			title:
				'Go Client > Get Activities To Do: GET /api4/client/go/activitiestodo/4; empty list -> no items',
			parameters: { resource: 'goClient', operation: 'getActivitiesTodo' },
			requests: [{ method: 'GET', path: '/api4/client/go/activitiestodo/4', reply: { body: [] } }],
			output: [],
		},
		{
			title: 'Go Client > Get Activities by Workout: GET ?workoutId=',
			parameters: { resource: 'goClient', operation: 'getActivitiesByWorkout', workoutId: 55 },
			requests: [
				{
					method: 'GET',
					path: '/api4/client/go/activitiesbyworkout/4',
					query: { workoutId: '55' },
					reply: { body: [{ Id: 3 }] },
				},
			],
			output: [{ Id: 3 }],
		},
		{
			title: 'Go Client > Query Related Exercises: GET with every documented query parameter',
			parameters: {
				resource: 'goClient',
				operation: 'queryRelatedExercises',
				sourceMasterExerciseId: 5491,
				additionalFields: {
					wantedCount: 3,
					packageIds: '1,2',
					equipmentId: 4,
					asProgression: true,
				},
			},
			requests: [
				{
					method: 'GET',
					path: '/api4/client/go/relatedExercises/4',
					query: {
						SourceMasterExerciseId: '5491',
						WantedCount: '3',
						PackageIds: '1,2',
						EquipmentId: '4',
						AsProgression: 'true',
					},
					reply: { body: [{ Id: 1, Rating: 90 }] },
				},
			],
			output: [{ Id: 1, Rating: 90 }],
		},
		{
			title: 'Go Client > Update Exercise: POST {Id, Completed} over the extra JSON fields',
			parameters: {
				resource: 'goClient',
				operation: 'setExercise',
				id: 31,
				completed: true,
				additionalFields: { moreFields: '{"Id": 1, "Comment": "felt good"}' },
			},
			requests: [
				{
					method: 'POST',
					path: '/api4/client/go/exercise/4',
					body: { Id: 31, Comment: 'felt good', Completed: true },
					reply: { body: { Id: 31, Completed: true } },
				},
			],
			output: [{ Id: 31, Completed: true }],
		},
		{
			title: 'Go Client > Save Activity: POST {Id: 0, ...} creates',
			parameters: {
				resource: 'goClient',
				operation: 'setActivity',
				id: 0,
				additionalFields: { moreFields: { Title: 'Walk' } },
			},
			requests: [
				{
					method: 'POST',
					path: '/api4/client/go/activity/4',
					body: { Title: 'Walk', Id: 0 },
					reply: { body: { Id: 8, Title: 'Walk' } },
				},
			],
			output: [{ Id: 8, Title: 'Walk' }],
		},
		{
			title: 'Plan Template > Get All Tags: GET /api4/client/plantemplate/getalltags/4',
			parameters: { resource: 'planTemplate', operation: 'getAllTags' },
			requests: [
				{
					method: 'GET',
					path: '/api4/client/plantemplate/getalltags/4',
					reply: { body: ['knee', 'back'] },
				},
			],
			output: [{ value: 'knee' }, { value: 'back' }],
		},
		{
			title: 'Plan Template > Search: GET ?query= (sent even when empty)',
			parameters: { resource: 'planTemplate', operation: 'search' },
			requests: [
				{
					method: 'GET',
					path: '/api4/client/plantemplate/getplantemplates/4',
					query: { query: '' },
					reply: { body: [{ Id: 4 }] },
				},
			],
			output: [{ Id: 4 }],
		},
		{
			title: 'Plan Template > Get by Tags: GET ?tags=',
			parameters: { resource: 'planTemplate', operation: 'getByTags', tags: 'knee' },
			requests: [
				{
					method: 'GET',
					path: '/api4/client/plantemplate/getplantemplatesbytag/4',
					query: { tags: 'knee' },
					reply: { body: [{ Id: 4 }] },
				},
			],
			output: [{ Id: 4 }],
		},
		{
			title:
				'Plan Template > Apply: POST with the vendor spelling AppyToStartDate; no answer -> confirmation',
			parameters: {
				resource: 'planTemplate',
				operation: 'apply',
				userId: 9001,
				planTemplateId: 4,
				startDate: '2026-01-05',
				distributionType: 'WeekPattern',
				additionalFields: { repeatNum: 2, weekPattern: '1010100', explicit: '' },
			},
			requests: [
				{
					method: 'POST',
					path: '/api4/client/plantemplate/apply/4',
					body: {
						UserId: 9001,
						PlanTemplateId: 4,
						AppyToStartDate: '2026-01-05',
						DistributionType: 'WeekPattern',
						RepeatNum: 2,
						WeekPattern: '1010100',
					},
					reply: { status: 200 },
				},
			],
			output: [{ applied: true }],
		},
	].map(asContact),
);

const v1 = (service: string, method: string) => `/WebServices/V1/${service}.svc/${method}`;

describeExorLiveCases('ExorLive legacy WebServices V1 operations', [
	{
		title: 'Legacy Person > Get Many: POST GetListOfUsers with string values; d.Data list -> items',
		parameters: {
			resource: 'legacyPerson',
			operation: 'getAll',
			role: '16',
			unitId: 0,
			page: 0,
			pagesize: 1000,
		},
		requests: [
			{
				method: 'POST',
				path: v1('Persons', 'GetListOfUsers'),
				headers: jsonHeaders,
				body: { role: '16', unitId: '0', page: '0', pagesize: '1000' },
				reply: { body: { d: { Data: [{ Id: 1 }, { Id: 2 }] } } },
			},
		],
		output: [{ Id: 1 }, { Id: 2 }],
	},
	{
		title: 'Legacy Person > Get: POST GetPersonDetails {personId}',
		parameters: { resource: 'legacyPerson', operation: 'get', personId: 12345 },
		requests: [
			{
				method: 'POST',
				path: v1('Persons', 'GetPersonDetails'),
				body: { personId: '12345' },
				reply: { body: { d: { Data: { Id: 12345 } } } },
			},
		],
		output: [{ Id: 12345 }],
	},
	{
		title: 'Legacy Person > Create or Update: POST SetPersonDetails {person: {...}} -> { userId }',
		parameters: {
			resource: 'legacyPerson',
			operation: 'createOrUpdate',
			Id: 0,
			additionalFields: {
				Firstname: 'Ola',
				Lastname: 'Nordmann',
				Email: 'ola@example.no',
				CustomId: 'c-9',
				Type: 16,
				IsActivated: 1,
				CultureString: 'nb-NO',
				DateOfBirth: '1980-01-31',
				Sex: 1,
				Phone1: '99900000',
			},
		},
		requests: [
			{
				method: 'POST',
				path: v1('Persons', 'SetPersonDetails'),
				body: {
					person: {
						Id: 0,
						Firstname: 'Ola',
						Lastname: 'Nordmann',
						Email: 'ola@example.no',
						CustomId: 'c-9',
						Type: 16,
						IsActivated: 1,
						CultureString: 'nb-NO',
						DateOfBirth: '1980-01-31',
						Sex: 1,
						Phone1: '99900000',
					},
				},
				reply: { body: { d: { Data: 777 } } },
			},
		],
		output: [{ userId: 777 }],
	},
	{
		title: 'Legacy Person > Resolve Custom ID: d.Data 0 -> found false',
		parameters: { resource: 'legacyPerson', operation: 'resolveCustomId', customId: 'c-404' },
		requests: [
			{
				method: 'POST',
				path: v1('Persons', 'ResolveCustomId'),
				body: { customId: 'c-404' },
				reply: { body: { d: { Data: 0 } } },
			},
		],
		output: [{ customId: 'c-404', userId: 0, found: false }],
	},
	{
		title: 'Legacy Person > Set Custom ID: POST {personId, customId}; null Data -> confirmation',
		parameters: {
			resource: 'legacyPerson',
			operation: 'setCustomId',
			personId: 12345,
			customId: 'c-9',
		},
		requests: [
			{
				method: 'POST',
				path: v1('Persons', 'SetCustomId'),
				body: { personId: '12345', customId: 'c-9' },
				reply: { body: { d: { Data: null } } },
			},
		],
		output: [{ success: true }],
	},
	{
		title: 'Legacy Person > Set Disabled: POST {personId, disabled: "1"}',
		parameters: {
			resource: 'legacyPerson',
			operation: 'setDisabled',
			personId: 12345,
			disabled: '1',
		},
		requests: [
			{
				method: 'POST',
				path: v1('Persons', 'SetUserDisabled'),
				body: { personId: '12345', disabled: '1' },
				reply: { body: { d: null } },
			},
		],
		output: [{ success: true }],
	},
	{
		title: 'Legacy Person > Ensure Login Access: POST MakeSureUserHasLoginAccess {customId}',
		parameters: { resource: 'legacyPerson', operation: 'ensureLoginAccess', customId: 'c-9' },
		requests: [
			{
				method: 'POST',
				path: v1('Persons', 'MakeSureUserHasLoginAccess'),
				body: { customId: 'c-9' },
				reply: { body: { d: null } },
			},
		],
		output: [{ success: true }],
	},
	{
		title: 'Legacy Department > Get Many: POST GetListOfDepartments with {}',
		parameters: { resource: 'legacyDepartment', operation: 'getAll' },
		requests: [
			{
				method: 'POST',
				path: v1('Core', 'GetListOfDepartments'),
				headers: jsonHeaders,
				body: {},
				reply: { body: { d: { Data: [{ Id: 3, Name: 'Physio' }] } } },
			},
		],
		output: [{ Id: 3, Name: 'Physio' }],
	},
	{
		title: 'Legacy Workout > Search: POST QueryWorkouts {query: {...}} with string values',
		parameters: {
			resource: 'legacyWorkout',
			operation: 'search',
			additionalFields: {
				Query: 'knee',
				Location: 'Oslo',
				LocationId: 2,
				Nested: true,
				OnlyTemplates: false,
				Start: 0,
				Length: 20,
			},
		},
		requests: [
			{
				method: 'POST',
				path: v1('Workouts', 'QueryWorkouts'),
				body: {
					query: {
						Query: 'knee',
						Location: 'Oslo',
						LocationId: '2',
						Nested: 'true',
						OnlyTemplates: 'false',
						Start: '0',
						Length: '20',
					},
				},
				reply: { body: { d: { Data: [{ Id: 1 }] } } },
			},
		],
		output: [{ Id: 1 }],
	},
	{
		title: 'Legacy Workout > Search without a filter: the body still carries the query object',
		parameters: { resource: 'legacyWorkout', operation: 'search' },
		requests: [
			{
				method: 'POST',
				path: v1('Workouts', 'QueryWorkouts'),
				body: { query: {} },
				reply: { body: { d: { Data: [] } } },
			},
		],
		output: [],
	},
	{
		title: 'Legacy Workout > Search Exercises without a filter: the body is { "query": {} }',
		parameters: { resource: 'legacyWorkout', operation: 'searchExercises' },
		requests: [
			{
				method: 'POST',
				path: v1('Workouts', 'QueryExercises'),
				body: { query: {} },
				reply: { body: { d: { Data: [] } } },
			},
		],
		output: [],
	},
	{
		title: 'Legacy Workout > Copy to User: POST CopyWorkoutToUser -> { workoutId }',
		parameters: { resource: 'legacyWorkout', operation: 'copyToUser', workoutId: 55, userId: 9001 },
		requests: [
			{
				method: 'POST',
				path: v1('Workouts', 'CopyWorkoutToUser'),
				body: { workoutId: '55', userId: '9001' },
				reply: { body: { d: { Data: 56 } } },
			},
		],
		output: [{ workoutId: 56 }],
	},
	{
		title: 'Legacy Workout > Get Exercise: POST GetExercise {id}',
		parameters: { resource: 'legacyWorkout', operation: 'getExercise', id: 5491 },
		requests: [
			{
				method: 'POST',
				path: v1('Workouts', 'GetExercise'),
				body: { id: '5491' },
				reply: { body: { d: { Data: { Id: 5491, Title: 'Squat' } } } },
			},
		],
		output: [{ Id: 5491, Title: 'Squat' }],
	},
	{
		title: 'Legacy Workout > Search Exercises: POST QueryExercises {query: {...}}',
		parameters: {
			resource: 'legacyWorkout',
			operation: 'searchExercises',
			additionalFields: {
				Query: 'squat',
				ReturnResult: true,
				ReturnFilter: false,
				Type: '1',
				Equipment: '2',
				Focus: '3',
				SortBy: 'name',
				StartPosition: 0,
				Level: '1',
				AgeGroup: '2',
			},
		},
		requests: [
			{
				method: 'POST',
				path: v1('Workouts', 'QueryExercises'),
				body: {
					query: {
						Query: 'squat',
						ReturnResult: 'true',
						ReturnFilter: 'false',
						Type: '1',
						Equipment: '2',
						Focus: '3',
						SortBy: 'name',
						StartPosition: '0',
						Level: '1',
						AgeGroup: '2',
					},
				},
				reply: { body: { d: { Data: [{ Id: 5491 }] } } },
			},
		],
		output: [{ Id: 5491 }],
	},
]);

describeExorLiveCases('ExorLive custom API call', [
	{
		title:
			'Custom API Call: any path under the API base URL, with the admin token and ExorLive-Client',
		parameters: {
			resource: 'customApiCall',
			operation: 'send',
			requestMethod: 'POST',
			requestPath: '/api4/user/setuser',
			requestQuery: { parameter: [{ name: 'dry', value: '1' }] },
			requestBody: '{"Id": 0, "Email": "a@b.test"}',
		},
		requests: [
			{
				method: 'POST',
				path: '/api4/user/setuser',
				query: { dry: '1' },
				body: { Id: 0, Email: 'a@b.test' },
				reply: { body: { Id: 77 } },
			},
		],
		output: [{ Id: 77 }],
	},
]);
