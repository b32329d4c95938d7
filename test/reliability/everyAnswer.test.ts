/**
 * Malformed answers (an HTML page, an empty body, JSON null, a list, plain text, all with HTTP
 * 200) for every operation of the three nodes: each run ends with valid items (JSON objects
 * paired with their input) or a clear error, never a TypeError; an HTML page is always an
 * error. The operations are read from the node descriptions as n8n loads them.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import nock from 'nock';
import { runNode } from '../harness/engine';
import { everyOperation } from '../harness/everyOperation';
import { ApiMock, type Reply } from '../harness/http';
import { EPILOT_BEARER, EPILOT_ORIGIN } from '../epilot/suite';
import { EXOLINK_ORIGIN, EXOLINK_TOKEN } from '../exolink/suite';
import { API_ORIGIN, AUTH_ORIGIN, SSO_ORIGIN, storedCredential } from '../exorlive/suite';

const answers: Array<[string, Reply]> = [
	['HTML', { body: '<!doctype html><p>Sign in</p>', headers: { 'content-type': 'text/html' } }],
	['an empty body', { body: '' }],
	['JSON null', { body: 'null', headers: { 'content-type': 'application/json' } }],
	['a list', { body: [1, 'two', null] }],
	['plain text', { body: 'oops', headers: { 'content-type': 'text/plain' } }],
];

const nodes: Array<[string, string[], () => Record<string, ICredentialDataDecryptedObject>]> = [
	['epilot', [EPILOT_ORIGIN], () => ({ epilotApi: { accessToken: EPILOT_BEARER } })],
	['exolink', [EXOLINK_ORIGIN], () => ({ exolinkApi: { accessToken: EXOLINK_TOKEN } })],
	[
		'exorLive',
		[API_ORIGIN, AUTH_ORIGIN, SSO_ORIGIN],
		() => ({
			exorLiveApi: storedCredential({
				jwtAlgorithm: 'HS256',
				jwtSharedSecret: 'jwt-secret-for-tests',
			}),
		}),
	],
];

describe.each(nodes)('%s: malformed answers to every operation', (node, origins, credentials) => {
	it.each(answers)(
		'%s',
		async (kind, reply) => {
			const failures: string[] = [];
			let answered = 0;
			for (const { title, parameters } of await everyOperation(node)) {
				nock.cleanAll(); // the mocks of the previous case would answer first
				const mocks = origins.map((origin) => new ApiMock(origin).reply(...Array(6).fill(reply)));
				const result = await runNode({
					node,
					parameters,
					input: [{}, {}],
					credentials: credentials(),
				});
				if (mocks.some((mock) => mock.requests.length)) answered++;
				else continue; // refused before sending (e.g. the plain ID is not valid there)
				const message = String(result.error?.message ?? '');
				if (result.error) {
					if (/Cannot read|is not a function|undefined/i.test(message))
						failures.push(`${title}: ${message}`);
					if (kind === 'HTML' && !/HTML/.test(message)) failures.push(`${title}: ${message}`);
					continue;
				}
				if (kind === 'HTML') failures.push(`${title}: no error for an HTML page`);
				for (const item of result.items) {
					const json = item.json as unknown;
					if (!json || typeof json !== 'object' || Array.isArray(json) || !item.pairedItem)
						failures.push(`${title}: item ${JSON.stringify(item).slice(0, 100)}`);
				}
			}
			expect(failures).toEqual([]);
			expect(answered).toBeGreaterThan(5);
		},
		180_000,
	);
});
