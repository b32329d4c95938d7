/**
 * Tokens the ExorLive node exchanges at run time are kept per credential and redacted in that
 * credential's runs: also after many tokens were issued to other credentials, and when a token
 * is exchanged in the middle of a run, after earlier items were already checked. And `redact`
 * itself, on the cases its one-pattern matching has to get right.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';
import { visibleText } from '../harness/cases';
import { runNode, type RunResult } from '../harness/engine';
import { ApiMock } from '../harness/http';
import { ADMIN_BEARER, API_ORIGIN, AUTH_ORIGIN, storedCredential } from '../exorlive/suite';

// The modules the engine runs (dist/), so that tokens issued here are the node's own.
/* eslint-disable @typescript-eslint/no-require-imports */
const { authSettings } =
	require('../../dist/nodes/ExorLive/auth/settings') as typeof import('../../nodes/ExorLive/auth/settings');
const { exchangeToken } =
	require('../../dist/nodes/ExorLive/auth/tokenExchange') as typeof import('../../nodes/ExorLive/auth/tokenExchange');
const redaction =
	require('../../dist/nodes/shared/redaction') as typeof import('../../nodes/shared/redaction');
/* eslint-enable @typescript-eslint/no-require-imports */

/** Raw: the answers below echo the token in a field Simplify would leave out. */
const lookup = { resource: 'user', operation: 'lookup', type: 'id', text: '7', simplify: false };

/** The Authorization header the API got, quoted back in the answer. */
const echo = (request: { headers: Record<string, string> }) => ({
	Id: 7,
	Echo: `you sent ${request.headers.authorization}`,
});

function expectAbsent(result: RunResult, secrets: string[]): void {
	const text = visibleText(result);
	for (const secret of secrets) expect(text.includes(secret) ? secret : 'absent').toBe('absent');
}

/** Issues `count` tokens to credentials with other client secrets, with no network. */
async function issueToOthers(
	count: number,
	credentials: ICredentialDataDecryptedObject,
): Promise<void> {
	let serial = 0;
	const answer = async (options: IHttpRequestOptions) => {
		serial += 1;
		return String(options.url).endsWith('Authorize.aspx')
			? { statusCode: 200, body: { code: `other-code-${serial}` } }
			: { statusCode: 200, body: { access_token: `other-token-${serial}`, expires_in: '7200' } };
	};
	for (let i = 0; i < count; i++) {
		const settings = { ...authSettings(credentials), clientSecret: `other-secret-${i % 11}` };
		await exchangeToken(answer, settings, String(5000 + i));
	}
}

/** The auth host answering one exchange with `code`, then `token`. */
const authAnswering = (code: string, token: string) =>
	new ApiMock(AUTH_ORIGIN).reply(
		{ body: { code } },
		{ body: { access_token: token, expires_in: '7200' } },
	);

describe('Tokens issued at run time are redacted in their credential’s runs', () => {
	it('a token issued to a credential is still redacted in its later runs after 1,100 tokens were issued to other credentials', async () => {
		const token = 'acting-token-dummy-6d2f';
		const credentials = storedCredential({ clientSecret: 'cs-own-dummy-9a41' });
		const authMock = authAnswering('own-code-5e07', token);
		const api = new ApiMock(API_ORIGIN).reply({ body: { Id: 7 } }, { body: echo });
		const run = async () =>
			await runNode({
				node: 'exorLive',
				parameters: { ...lookup, actAsUserId: '101' },
				credentials: { exorLiveApi: credentials },
			});

		expect((await run()).error).toBeUndefined();
		await issueToOthers(1100, credentials);
		const later = await run();

		// The second run used the cached token: the API saw it and quoted it back.
		expect(authMock.requests).toHaveLength(2);
		expect(api.requests[1].headers.authorization).toBe(`Bearer ${token}`);
		expect(later.error).toBeUndefined();
		expect(JSON.stringify(later.items[0].json)).toContain('[redacted]');
		expectAbsent(later, [token, 'own-code-5e07']);
	});

	it('another credential’s issued tokens are not this run’s to redact', async () => {
		const credentials = storedCredential({ clientSecret: 'cs-unrelated-dummy-3b88' });
		await issueToOthers(3, credentials);
		new ApiMock(API_ORIGIN).reply({ body: { Id: 7, Note: 'other-token-2 other-code-1' } });
		const result = await runNode({
			node: 'exorLive',
			parameters: lookup,
			credentials: { exorLiveApi: credentials },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.Note).toBe('other-token-2 other-code-1');
	});

	it('a token exchanged in the middle of a run is redacted in that run’s later items and errors', async () => {
		const token = 'mid-run-token-dummy-c4e1';
		const credentials = storedCredential({ clientSecret: 'cs-mid-run-dummy-71d0' });
		const authMock = authAnswering('mid-run-code-0f3b', token);
		const api = new ApiMock(API_ORIGIN).reply(
			{ body: echo },
			{ body: echo },
			{
				status: 400,
				body: (request: { headers: Record<string, string> }) => ({
					message: `Bad token ${request.headers.authorization}`,
				}),
			},
		);
		const result = await runNode({
			node: 'exorLive',
			continueOnFail: true,
			// One item after the other: the first is checked before the token exists.
			input: [{ actAs: '' }, { actAs: '102' }, { actAs: '102' }],
			parameters: {
				...lookup,
				actAsUserId: '={{ $json.actAs }}',
				requestOptions: { batching: { batch: { batchSize: 1, batchInterval: 5 } } },
			},
			credentials: { exorLiveApi: credentials },
		});

		expect(authMock.requests).toHaveLength(2);
		expect(api.requests.map((request) => request.headers.authorization)).toEqual([
			`Bearer ${ADMIN_BEARER}`,
			`Bearer ${token}`,
			`Bearer ${token}`,
		]);
		expect(result.items).toHaveLength(3);
		expect(result.items.map((item) => item.json.Echo)).toEqual([
			'you sent Bearer [redacted]',
			'you sent Bearer [redacted]',
			undefined,
		]);
		expect(result.items[2].error?.message).toContain('Bad token Bearer [redacted]');
		expectAbsent(result, [token, 'mid-run-code-0f3b', ADMIN_BEARER]);
	});
});

describe('redact', () => {
	const secret = 'k3y/dummy+odd=chars';

	it('replaces every form of a secret, percent escapes in any case', () => {
		const encoded = encodeURIComponent(secret);
		const text = [
			secret,
			encoded,
			encoded.toLowerCase(),
			Buffer.from(secret).toString('base64'),
			new URLSearchParams({ s: secret }).toString().slice(2),
		].join(' | ');
		expect(redaction.redact(text, [secret])).toBe(
			'[redacted] | [redacted] | [redacted] | [redacted] | [redacted]',
		);
	});

	it('covers overlapping secrets whole, whichever starts first, and keeps adjacent ones apart', () => {
		expect(redaction.redact('xxABCDEFGHyy', ['ABCDEFGH', 'xxABCD'])).toBe('[redacted]yy');
		expect(redaction.redact('TOKENTOKEN!', ['TOKEN'])).toBe('[redacted][redacted]!');
	});

	it('leaves text without a secret, and secrets shorter than 4 characters, as they are', () => {
		const text = 'nothing to see, abc';
		expect(redaction.redact(text, [secret, 'abc'])).toBe(text);
		expect(redaction.redact('ab', [secret])).toBe('ab');
	});
});
