/**
 * ExorLive test fixtures: three hosts (auth server, API, partner SSO endpoint), credential data
 * and the token exchange as the auth server sees it. All values are dummies.
 */
import { createHash, createHmac } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import {
	assertError,
	assertNoSecrets,
	assertRequests,
	type NodeCase,
	type NodeSuite,
} from '../harness/cases';
import { runNode, type RunResult } from '../harness/engine';
import { ApiMock, type ExpectedRequest, type Reply } from '../harness/http';

export const API_ORIGIN = 'https://exorlive.com';
export const AUTH_ORIGIN = 'https://auth.exorlive.com';
export const SSO_ORIGIN = 'https://sso.exorlive.com';

export const CLIENT_PASS = 'cs-dummy-5be1d0c93f4e';
export const ADMIN_BEARER = 'admin-bearer-dummy-7c1e';
export const REFRESH_VALUE = 'rt-dummy-0a9b8c';
export const CLIENT_NAME = 'n8n-test-client';
export const REDIRECT = 'http://www.mysamplesystem.com/';
export const ADMIN_ID = 4711;
export const SCOPE =
	'read_profile read_workout read_master write_workout write_profile read_calendar read_contact admin_user create_session configure write_calendar write_contact';

let serial = 0;

/**
 * Credential data with a client key of its own: tokens are cached per credential identity for
 * the life of the test file, so a test that counts exchanges starts from a credential no
 * earlier test has used.
 */
export function credentialData(overrides: IDataObject = {}): ICredentialDataDecryptedObject {
	serial += 1;
	return {
		clientKey: `ck-test-${serial}`,
		clientSecret: CLIENT_PASS,
		redirectUri: REDIRECT,
		clientName: CLIENT_NAME,
		adminUserId: ADMIN_ID,
		...overrides,
	};
}

/** A credential whose admin token is already stored: operations go straight to the API. */
export const storedCredential = (overrides: IDataObject = {}) =>
	credentialData({ accessToken: ADMIN_BEARER, ...overrides });

/** The two requests of one token exchange for `userId`, answered with `token`. */
export function exchange(
	credentials: ICredentialDataDecryptedObject,
	userId: number | string,
	token: string,
	tokenReply: Partial<Reply> = {},
): ExpectedRequest[] {
	const code = `code-for-${userId}`;
	const form = new URLSearchParams({
		grant_type: 'authorization_code',
		client_id: String(credentials.clientKey),
		client_secret: CLIENT_PASS,
		code,
		redirect_uri: REDIRECT,
	});
	return [
		{
			method: 'GET',
			path: '/Providers/OAuth/Authorize.aspx',
			query: {
				user_id: String(userId),
				response_type: 'code',
				client_id: String(credentials.clientKey),
				client_secret: CLIENT_PASS,
				redirect_uri: REDIRECT,
				scope: SCOPE,
			},
			reply: { body: { code } },
		},
		{
			method: 'POST',
			path: '/Providers/OAuth/Token.ashx',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: form.toString(),
			reply: {
				body: {
					access_token: token,
					token_type: 'bearer',
					expires_in: '7200',
					refresh_token: REFRESH_VALUE,
					scope: SCOPE,
				},
				...tokenReply,
			},
		},
	];
}

/**
 * Exchanges that items of one node run side by side: all Authorize.aspx calls go out first,
 * then the Token.ashx calls, in item order.
 */
export function concurrentExchanges(
	credentials: ICredentialDataDecryptedObject,
	users: Array<[userId: number, token: string]>,
): ExpectedRequest[] {
	const pairs = users.map(([userId, token]) => exchange(credentials, userId, token));
	return [...pairs.map(([authorize]) => authorize), ...pairs.map(([, token]) => token)];
}

/** PwdSalted as ExorLive documents it, written independently of the node's code. */
export function salted(password: string, challenge: string): string {
	const key = createHash('sha1').update(password, 'utf8').digest('hex');
	return createHmac('sha1', key).update(challenge).digest('hex').toUpperCase();
}

export const jsonHeaders = { 'content-type': 'application/json; charset=utf-8' };

/** Headers of every API request made with the credential's own token. */
export const adminHeaders = {
	authorization: `Bearer ${ADMIN_BEARER}`,
	'exorlive-client': CLIENT_NAME,
	accept: 'application/json',
};

export const actingHeaders = (token: string) => ({
	...adminHeaders,
	authorization: `Bearer ${token}`,
});

/**
 * Runs cases as a contact: each case gets its own credential and contact (`firstId` + 1, + 2, …),
 * one token exchange for the contact (answered with `${tokenPrefix}${n}`), then its call.
 */
export function asContacts(firstId: number, tokenPrefix: string) {
	let serial = 0;
	return (testCase: ExorLiveCase): ExorLiveCase => {
		serial += 1;
		const contactId = firstId + serial;
		const token = `${tokenPrefix}${serial}`;
		const credentials = storedCredential();
		return {
			...testCase,
			credentials,
			parameters: { ...testCase.parameters, actAsUserId: String(contactId) },
			auth: exchange(credentials, contactId, token),
			apiHeaders: actingHeaders(token),
			secrets: [token],
		};
	};
}

export const SECRETS = [CLIENT_PASS, ADMIN_BEARER, REFRESH_VALUE];

export const exorlive: NodeSuite = {
	node: 'exorLive',
	origin: API_ORIGIN,
	credentials: { exorLiveApi: storedCredential() },
	headers: adminHeaders,
	secrets: SECRETS,
};

export interface ExorLiveCase extends Omit<NodeCase, 'credentials'> {
	credentials?: ICredentialDataDecryptedObject;
	/** Requests to the auth server (token exchanges, GetAuthKey). */
	auth?: ExpectedRequest[];
	/** Requests to the partner SSO endpoint. */
	sso?: ExpectedRequest[];
	/** Values that must not appear, besides the suite's. */
	secrets?: string[];
	/** Headers every API request must carry; default: the admin's. */
	apiHeaders?: Record<string, string>;
	/** Further ExorLive nodes run after the first in the same execution. */
	then?: INodeParameters[];
}

/** Runs one case against all three hosts and checks requests, output, error and secrets. */
export async function runExorLiveCase(testCase: ExorLiveCase): Promise<RunResult> {
	const mocks = [
		{
			mock: new ApiMock(API_ORIGIN),
			expected: testCase.requests,
			headers: testCase.apiHeaders ?? adminHeaders,
		},
		{ mock: new ApiMock(AUTH_ORIGIN), expected: testCase.auth ?? [], headers: {} },
		{ mock: new ApiMock(SSO_ORIGIN), expected: testCase.sso ?? [], headers: {} },
	];
	for (const { mock, expected } of mocks) {
		mock.expect(...expected);
	}
	const result = await runNode({
		node: 'exorLive',
		parameters: testCase.parameters,
		input: testCase.input,
		credentials: { exorLiveApi: testCase.credentials ?? storedCredential() },
		continueOnFail: testCase.continueOnFail,
		then: testCase.then,
		tool: testCase.tool,
	});
	for (const { mock, expected, headers } of mocks) assertRequests(mock, expected, headers);
	if (testCase.error) assertError(result, testCase.error);
	else expect(result.error).toBeUndefined();
	if (testCase.output) expect(result.items.map((item) => item.json)).toEqual(testCase.output);
	assertNoSecrets(result, [...SECRETS, ...(testCase.secrets ?? [])]);
	return result;
}

export function describeExorLiveCases(title: string, cases: ExorLiveCase[]): void {
	describe(title, () => {
		for (const testCase of cases) {
			it(testCase.title, async () => {
				await runExorLiveCase(testCase);
			});
		}
	});
}
