/** Errors, input checks, encoding, undocumented answer shapes, binary output and the JWT link. */
import { createHmac, createVerify, generateKeyPairSync } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { runNode } from '../harness/engine';
import { assertNoSecrets, assertRequests } from '../harness/cases';
import { ApiMock } from '../harness/http';
import {
	adminHeaders,
	API_ORIGIN,
	CLIENT_NAME,
	describeExorLiveCases,
	runExorLiveCase,
	salted,
	SECRETS,
	SSO_ORIGIN,
	storedCredential,
} from './suite';

const json = { 'content-type': 'application/json' };
const invitation = (reply: object) => ({
	method: 'GET',
	path: '/osloapi/access/GetGoInvitationLink',
	query: { contactUserId: '7' },
	reply,
});
const invitationParams = {
	resource: 'partner',
	operation: 'getGoInvitationLink',
	contactUserId: 7,
};
const link = 'https://exorlive.com/m/invite/x';

const linkCredential = storedCredential();

describeExorLiveCases('ExorLive error mapping', [
	{
		title: 'a WCF fault becomes a NodeApiError with the vendor message and the HTTP status',
		parameters: invitationParams,
		requests: [
			invitation({ status: 500, body: { Message: 'Object reference not set to an instance' } }),
		],
		error: {
			name: 'NodeApiError',
			message: 'Object reference not set to an instance (HTTP 500)',
			httpCode: '500',
		},
	},
	{
		title: 'a plain-text 403 keeps its text and gets the permission hint',
		parameters: invitationParams,
		requests: [invitation({ status: 403, body: 'Contact is in another organization' })],
		error: {
			message: 'Contact is in another organization (HTTP 403)',
			description: 'The credential is valid but lacks permission for this action.',
			httpCode: '403',
		},
	},
	{
		title: 'On Error: Continue outputs the error for the failing item and goes on',
		parameters: { ...invitationParams, contactUserId: '={{ $json.id }}' },
		input: [{ id: 7 }, { id: 8 }],
		continueOnFail: true,
		requests: [
			invitation({ status: 404, body: { Message: 'No such contact' } }),
			{ ...invitation({ body: `"${link}"`, headers: json }), query: { contactUserId: '8' } },
		],
		output: [{ error: 'No such contact (HTTP 404)' }, { invitationLink: link, contactUserId: 8 }],
	},
	{
		title: 'Link Organization: a resultCode other than OK fails the item, without the password',
		credentials: linkCredential,
		// As in a real workflow, the password comes from the previous node, not typed into this one
		// (n8n errors carry the node with its parameters).
		input: [{ password: 'pw-dummy-secret' }],
		parameters: {
			resource: 'partnerAccess',
			operation: 'linkOrganization',
			username: 'admin@customer.test',
			password: '={{ $json.password }}',
			additionalFields: { challenge: 'abc', random: '1' },
		},
		requests: [
			{
				method: 'POST',
				path: '/api4/Access/PartnerLinkOrganizationToApplication',
				body: {
					ClientKey: linkCredential.clientKey,
					ApplicationKey: linkCredential.clientKey,
					Username: 'admin@customer.test',
					PwdSalted: salted('pw-dummy-secret', 'abc'),
					Challenge: 'abc',
					Random: '1',
				},
				reply: { body: { resultCode: 'UserAndPwdNotFound' } },
			},
		],
		error: {
			name: 'NodeApiError',
			message: 'ExorLive refused to link the organization: UserAndPwdNotFound',
			description: 'Username or password is wrong.',
		},
		secrets: ['pw-dummy-secret'],
	},
]);

describeExorLiveCases('ExorLive input checks (before any request)', [
	{
		title:
			'Link Organization: a Challenge without its Random Number is refused (a new random would always give ChallengeError)',
		credentials: linkCredential,
		parameters: {
			resource: 'partnerAccess',
			operation: 'linkOrganization',
			username: 'admin@customer.test',
			password: 'pw',
			additionalFields: { challenge: 'abc' },
		},
		requests: [],
		error: {
			message:
				'Random Number: a Challenge is only valid with the random number it was requested with (Partner Challenge outputs both): give both, or neither',
		},
	},
	{
		title: 'Contact User ID must be a positive whole number',
		parameters: { ...invitationParams, contactUserId: 0 },
		requests: [],
		error: { message: 'Contact User ID: must be a positive whole number, not 0' },
	},
	{
		title: 'Email must look like an email address',
		parameters: {
			resource: 'user',
			operation: 'createOrUpdate',
			id: 0,
			additionalFields: { email: 'no-at' },
		},
		requests: [],
		error: { message: 'Email: "no-at" is not a valid email address' },
	},
	{
		title: 'Date of Birth must be YYYY-MM-DD',
		parameters: {
			resource: 'user',
			operation: 'createOrUpdate',
			id: 0,
			additionalFields: { dateOfBirth: '05.07.1980' },
		},
		requests: [],
		error: { message: 'Date of Birth: "05.07.1980" is not a date in the form YYYY-MM-DD' },
	},
	{
		title: 'Callback URL must be an http(s) URL',
		parameters: { resource: 'user', operation: 'setEventCallbackUrl', callbackUrl: 'ftp://x' },
		requests: [],
		error: { message: 'Callback URL: "ftp://x" is not an http(s) URL' },
	},
	{
		title: 'Search Text is required (an expression that gives nothing)',
		parameters: { resource: 'user', operation: 'lookup', type: 'email', text: '={{ $json.none }}' },
		requests: [],
		error: { message: 'Search Text: a value is required' },
	},
	{
		title: 'More Fields (JSON) must be a JSON object',
		credentials: storedCredential(),
		parameters: {
			resource: 'goClient',
			operation: 'setExercise',
			actAsUserId: '12',
			id: 1,
			completed: true,
			additionalFields: { moreFields: '[1, 2' },
		},
		requests: [],
		error: { message: /^More Fields \(JSON\): is not valid JSON/ },
	},
]);

describeExorLiveCases('ExorLive encoding of query values', [
	{
		title: 'query values with reserved characters arrive unchanged',
		parameters: {
			resource: 'user',
			operation: 'lookup',
			type: 'name',
			text: 'Ø & Å+b=c/d?e#f %20',
		},
		requests: [
			{
				method: 'GET',
				path: '/api4/user/lookupuser',
				query: { type: 'name', text: 'Ø & Å+b=c/d?e#f %20' },
				reply: { body: [] },
			},
		],
		output: [],
	},
	{
		title: 'a callback URL with its own query string is sent as one value',
		parameters: {
			resource: 'user',
			operation: 'setEventCallbackUrl',
			callbackUrl: 'https://x.test/e?a=1&b=2',
		},
		requests: [
			{
				method: 'GET',
				path: '/api4/user/SetEventCallbackUrl',
				query: { callbackUrl: 'https://x.test/e?a=1&b=2' },
			},
		],
		output: [{ success: true }],
	},
]);

const apiAccess = (reply: object) => ({
	method: 'GET',
	path: '/osloapi/access/RequestAPIAccessForPartnerOrganizationAndGetAdminUserId',
	query: { partnerApiKey: 'pk-other', externalOrganizatonId: 'org 1/2' },
	reply,
});
const apiAccessParams = {
	resource: 'partner',
	operation: 'requestApiAccess',
	externalOrganizationId: 'org 1/2',
	additionalFields: { partnerApiKey: 'pk-other' },
};

describeExorLiveCases('ExorLive answers the docs do not describe', [
	...[
		{ shape: 'plain text', reply: { body: link } },
		{ shape: 'an object with Link', reply: { body: { Link: link } } },
		{ shape: 'a WCF {d}', reply: { body: { d: link } } },
		{ shape: 'a WCF {d: {Data}}', reply: { body: { d: { __type: 'R', Data: link } } } },
	].map(({ shape, reply }) => ({
		title: `invitation link as ${shape} -> { invitationLink }`,
		parameters: invitationParams,
		requests: [invitation(reply)],
		output: [{ invitationLink: link, contactUserId: 7 }],
	})),
	...[
		{ shape: 'a numeric string', reply: { body: '"123"', headers: json } },
		{
			shape: 'an object with AdminUserId',
			reply: { body: { AdminUserId: 123, organizationId: 9 } },
		},
		{ shape: 'a WCF {d: {Data}}', reply: { body: { d: { Data: 123 } } } },
	].map(({ shape, reply }) => ({
		title: `admin user id as ${shape} -> { adminUserId } (with another partner API key)`,
		parameters: apiAccessParams,
		requests: [apiAccess(reply)],
		output: [{ adminUserId: 123, externalOrganizationId: 'org 1/2' }],
	})),
	...[
		{ shape: '0', reply: { body: 0 } },
		{ shape: 'null', reply: { body: 'null', headers: json } },
		{ shape: 'an empty answer', reply: { status: 200 } },
	].map(({ shape, reply }) => ({
		title: `admin user id ${shape} means "not approved yet"`,
		parameters: apiAccessParams,
		requests: [apiAccess(reply)],
		error: {
			name: 'NodeApiError' as const,
			message: 'Organization "org 1/2" has not approved API access yet (no admin user ID returned)',
		},
	})),
	{
		title: 'an object without an admin user id is an unexpected answer',
		parameters: apiAccessParams,
		requests: [apiAccess({ body: { status: 'pending' } })],
		error: { message: "ExorLive's answer holds no admin user ID" },
	},
	{
		title: 'Lookup: a list gives one item per user',
		parameters: { resource: 'user', operation: 'lookup', type: 'name', text: 'Test' },
		requests: [
			{
				method: 'GET',
				path: '/api4/user/lookupuser',
				query: { type: 'name', text: 'Test' },
				reply: { body: [{ Id: 1 }, { Id: 2 }] },
			},
		],
		output: [{ Id: 1 }, { Id: 2 }],
	},
	{
		title: 'Lookup: 404 is "not found", and can output a not-found item',
		parameters: {
			resource: 'user',
			operation: 'lookup',
			type: 'email',
			text: 'x@y.test',
			whenNotFound: 'item',
		},
		requests: [
			{
				method: 'GET',
				path: '/api4/user/lookupuser',
				query: { type: 'email', text: 'x@y.test' },
				reply: { status: 404, body: { Message: 'Not found' } },
			},
		],
		output: [{ found: false, type: 'email', text: 'x@y.test' }],
	},
	{
		title: 'Lookup: null outputs nothing by default',
		parameters: { resource: 'user', operation: 'lookup', type: 'email', text: 'x@y.test' },
		requests: [
			{
				method: 'GET',
				path: '/api4/user/lookupuser',
				query: { type: 'email', text: 'x@y.test' },
				reply: { body: 'null', headers: json },
			},
		],
		output: [],
	},
	{
		title: 'Lookup: other errors still fail',
		parameters: { resource: 'user', operation: 'lookup', type: 'email', text: 'x@y.test' },
		requests: [
			{
				method: 'GET',
				path: '/api4/user/lookupuser',
				query: { type: 'email', text: 'x@y.test' },
				reply: { status: 500, body: { Message: 'Boom' } },
			},
		],
		error: { message: 'Boom (HTTP 500)', httpCode: '500' },
	},
	{
		title: 'Create or Update: a bare id answer -> { Id }',
		parameters: {
			resource: 'user',
			operation: 'createOrUpdate',
			id: 0,
			additionalFields: { lastname: 'X' },
		},
		requests: [
			{
				method: 'POST',
				path: '/api4/user/setuser',
				body: { Id: 0, Lastname: 'X' },
				reply: { body: 4242 },
			},
		],
		output: [{ Id: 4242 }],
	},
]);

describe('ExorLive Get Workout PDF', () => {
	it('returns the PDF as binary data and the metadata (without PdfBase64) as JSON', async () => {
		const pdf = Buffer.from('%PDF-1.4 workout 99');
		const metadata = {
			Id: 99,
			Title: 'Knee',
			Exercises: [{ Id: 1, MasterId: 5491, Title: 'Squat' }],
		};
		const result = await runExorLiveCase({
			title: 'pdf',
			parameters: {
				resource: 'workoutExport',
				operation: 'getWorkoutPdf',
				workoutId: 99,
				binaryPropertyName: 'pdf',
				// The whole metadata: the split of the raw answer is what is checked here.
				simplify: false,
			},
			requests: [
				{
					method: 'GET',
					path: '/api4/export/GetWorkoutPDF',
					query: { clientname: CLIENT_NAME, workoutId: '99' },
					reply: { body: { ...metadata, PdfBase64: pdf.toString('base64') } },
				},
			],
			output: [metadata],
		});
		const binary = result.items[0].binary?.pdf;
		expect({ mimeType: binary?.mimeType, fileName: binary?.fileName }).toEqual({
			mimeType: 'application/pdf',
			fileName: 'workout-99.pdf',
		});
		expect(Buffer.from(String(binary?.data), 'base64').toString()).toBe('%PDF-1.4 workout 99');
	});

	it('fails when the answer has no PdfBase64', async () => {
		await runExorLiveCase({
			title: 'no pdf',
			parameters: { resource: 'workoutExport', operation: 'getWorkoutPdf', workoutId: 99 },
			requests: [
				{
					method: 'GET',
					path: '/api4/export/GetWorkoutPDF',
					query: { clientname: CLIENT_NAME, workoutId: '99' },
					reply: { body: { Id: 99 } },
				},
			],
			error: { message: "ExorLive's answer holds no PdfBase64" },
		});
	});
});

describe('ExorLive Link Organization with a fresh challenge', () => {
	it('gets a challenge first and salts the password with it, using the same random number', async () => {
		const credentials = storedCredential();
		const api = new ApiMock(API_ORIGIN).reply(
			{ body: '"c0ffee"', headers: json },
			{ body: { resultCode: 'OK', partnerId: 1, organizationId: 2, adminUserId: 3 } },
		);
		const result = await runNode({
			node: 'exorLive',
			parameters: {
				resource: 'partnerAccess',
				operation: 'linkOrganization',
				username: 'admin@customer.test',
				password: 'pw-dummy-secret',
			},
			credentials: { exorLiveApi: credentials },
		});
		expect(result.error).toBeUndefined();
		const [challenge, linkRequest] = api.requests;
		const random = (challenge.body as IDataObject).Random;
		expect(String(random)).toMatch(/^\d+$/);
		assertRequests(
			api,
			[
				{
					method: 'POST',
					path: '/api4/Access/PartnerChallenge',
					body: { ApplicationKey: credentials.clientKey, Random: random },
				},
				{
					method: 'POST',
					path: '/api4/Access/PartnerLinkOrganizationToApplication',
					body: {
						ClientKey: credentials.clientKey,
						ApplicationKey: credentials.clientKey,
						Username: 'admin@customer.test',
						PwdSalted: salted('pw-dummy-secret', 'c0ffee'),
						Challenge: 'c0ffee',
						Random: random,
					},
				},
			],
			adminHeaders,
		);
		expect(linkRequest.headers.authorization).toBe(adminHeaders.authorization);
		expect(result.items.map((item) => item.json)).toEqual([
			{ resultCode: 'OK', partnerId: 1, organizationId: 2, adminUserId: 3 },
		]);
		assertNoSecrets(result, [...SECRETS, 'pw-dummy-secret']);
	});
});

const decode = (part: string) =>
	JSON.parse(Buffer.from(part, 'base64url').toString()) as IDataObject;

describe('ExorLive Partner JWT link', () => {
	const parameters = {
		resource: 'signIn',
		operation: 'createJwtLink',
		organizationId: 'ace615c2',
		organizationName: 'Tatooine',
		employeeId: '2f3fb098',
		employeeFirstname: 'Mando',
		employeeLastname: 'Lorian',
		contactId: 'c-1',
		contactFirstname: 'Baby',
		contactLastname: 'Yoda',
		additionalFields: {
			employeeUsername: 'mando',
			employeeEmail: 'mando@tatooine.com',
			contactSsn: '13116900216',
			contactBirthdate: '1969-11-13',
			contactGender: 'male',
			contactMobile: '99900000',
			contactEmail: 'babyyoda@galaxy.com',
			contactDiagnosis: 'L02',
			extraClaims: '{"unit": "north"}',
		},
	};
	const claims = {
		organizationId: 'ace615c2',
		organizationName: 'Tatooine',
		employeeId: '2f3fb098',
		employeeFirstname: 'Mando',
		employeeLastname: 'Lorian',
		employeeUsername: 'mando',
		employeeEmail: 'mando@tatooine.com',
		contact: {
			id: 'c-1',
			firstname: 'Baby',
			lastname: 'Yoda',
			ssn: '13116900216',
			birthdate: '1969-11-13',
			gender: 'male',
			mobile: '99900000',
			email: 'babyyoda@galaxy.com',
			diagnosis: 'L02',
		},
		unit: 'north',
	};

	async function postJwt(credentialOverrides: IDataObject, secrets: string[]) {
		const sso = new ApiMock(SSO_ORIGIN).reply({ body: 'https://exorlive.com/app/#jwt-session' });
		const api = new ApiMock(API_ORIGIN);
		const result = await runNode({
			node: 'exorLive',
			parameters,
			credentials: { exorLiveApi: storedCredential(credentialOverrides) },
		});
		expect(result.error).toBeUndefined();
		expect(api.requests).toHaveLength(0);
		assertRequests(sso, [
			{
				method: 'POST',
				path: '/partner/payload',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					'x-requested-with': 'XMLHttpRequest',
				},
				absentHeaders: ['authorization', 'exorlive-client', 'x-exorlive-act-as'],
				body: sso.requests[0]?.body,
			},
		]);
		expect(result.items.map((item) => item.json)).toEqual([
			{ url: 'https://exorlive.com/app/#jwt-session' },
		]);
		assertNoSecrets(result, [...SECRETS, ...secrets]);
		const jwt = new URLSearchParams(String(sso.requests[0].body)).get('payload')!;
		const [header, payload, signature] = jwt.split('.');
		const body = decode(payload);
		expect(Number(body.exp) - Number(body.iat)).toBe(300);
		expect(Math.abs(Number(body.iat) - Date.now() / 1000)).toBeLessThan(60);
		delete body.iat;
		delete body.exp;
		expect(body).toEqual(claims);
		return { header: decode(header), input: `${header}.${payload}`, signature };
	}

	it('signs HS256 with the shared secret and the key id, and posts it as the payload form field', async () => {
		const secret = 'jwt-shared-dummy-secret';
		const { header, input, signature } = await postJwt(
			{ jwtAlgorithm: 'HS256', jwtSharedSecret: secret, jwtKid: '1329879584' },
			[secret],
		);
		expect(header).toEqual({ alg: 'HS256', typ: 'JWT', kid: '1329879584' });
		expect(signature).toBe(createHmac('sha256', secret).update(input).digest('base64url'));
	});

	it('signs RS256 with the private key (verifiable with the public key)', async () => {
		const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
		const { header, input, signature } = await postJwt(
			{ jwtAlgorithm: 'RS256', jwtPrivateKey: pem },
			[pem.split('\n')[1]],
		);
		expect(header).toEqual({ alg: 'RS256', typ: 'JWT' });
		const valid = createVerify('RSA-SHA256')
			.update(input)
			.verify(publicKey, Buffer.from(signature, 'base64url'));
		expect(valid).toBe(true);
	});

	it('fails clearly when the endpoint answers with an HTML page instead of a URL', async () => {
		new ApiMock(SSO_ORIGIN).reply({
			body: '<!DOCTYPE html><html><body>ExorLive</body></html>',
			headers: { 'content-type': 'text/html' },
		});
		const result = await runNode({
			node: 'exorLive',
			parameters,
			credentials: {
				exorLiveApi: storedCredential({
					jwtAlgorithm: 'HS256',
					jwtSharedSecret: 'jwt-dummy-secret',
				}),
			},
		});
		expect(result.items).toEqual([]);
		expect(result.error?.message).toMatch(/^ExorLive answered with (an )?HTML/);
		expect(String(result.error?.httpCode)).toBe('200');
	});

	it('refuses to run without a signing key in the credential', async () => {
		const result = await runNode({
			node: 'exorLive',
			parameters,
			credentials: {
				exorLiveApi: storedCredential({ jwtAlgorithm: 'RS256', jwtPrivateKey: 'not a key dummy' }),
			},
		});
		expect(result.error?.message).toBe(
			'JWT Private Key in the ExorLive credential is not an RSA private key in PEM form',
		);
		assertNoSecrets(result, [...SECRETS, 'not a key dummy']);
	});
});
