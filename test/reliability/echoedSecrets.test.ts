/**
 * A vendor that echoes the request in an answer the node cannot use (invalid JSON, an HTML page,
 * plain text; with HTTP 200 and 400) for every operation of the three nodes, the credential's
 * secrets in every form the redaction knows: not one form of one secret is left anywhere in the
 * run (items, error with message, description, cause and context, stored run data).
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import nock from 'nock';
import { visibleError } from '../harness/cases';
import { runNode, type RunResult } from '../harness/engine';
import { everyOperation } from '../harness/everyOperation';
import { ApiMock, type Reply } from '../harness/http';
import { EPILOT_ORIGIN } from '../epilot/suite';
import { EXOLINK_ORIGIN } from '../exolink/suite';
import { API_ORIGIN, AUTH_ORIGIN, SSO_ORIGIN, storedCredential } from '../exorlive/suite';

/** A secret whose forms differ: URI, form and JSON encoding each change it. */
const secret = (name: string) => `${name}-Zq9/k+v=w "q" \\b*~!'(x) y`;

const EPILOT = secret('epilot-token');
const EXOLINK = secret('exolink-token');
const EXORLIVE = {
	accessToken: secret('exorlive-admin-token'),
	clientSecret: secret('exorlive-client-secret'),
	jwtSharedSecret: secret('exorlive-jwt-secret'),
};

/** Every form the redaction replaces: as is, URI- and form-encoded, JSON-escaped, base64. */
function forms(value: string): string[] {
	return [
		value,
		encodeURIComponent(value),
		new URLSearchParams({ s: value }).toString().slice(2),
		JSON.stringify(value).slice(1, -1),
		Buffer.from(value).toString('base64'),
	];
}

function answers(secrets: string[]): Array<[string, Reply]> {
	const echo = secrets.flatMap(forms).join(' | ');
	const kinds: Array<[string, Reply]> = [
		[
			'invalid JSON',
			{ body: `{"echo": "${echo}", "broken": `, headers: { 'content-type': 'application/json' } },
		],
		[
			'HTML',
			{
				body: `<html><body><pre>${echo}</pre></body></html>`,
				headers: { 'content-type': 'text/html' },
			},
		],
		['plain text', { body: `request was: ${echo}`, headers: { 'content-type': 'text/plain' } }],
	];
	return kinds.flatMap(([kind, reply]) =>
		[200, 400].map((status): [string, Reply] => [`${kind}, HTTP ${status}`, { ...reply, status }]),
	);
}

/** Every string in `value`, own non-enumerable properties (error messages, causes) included. */
function strings(value: unknown, seen = new Set<unknown>()): string[] {
	if (typeof value === 'string') return [value];
	if (!value || typeof value !== 'object' || seen.has(value)) return [];
	seen.add(value);
	return Object.getOwnPropertyNames(value).flatMap((key) =>
		strings((value as Record<string, unknown>)[key], seen),
	);
}

function leaks(result: RunResult, secrets: string[]): string[] {
	const run = { items: result.items, error: visibleError(result.error), run: result.run };
	const texts = [JSON.stringify(run), ...strings(run), ...strings(result.error)];
	const all = secrets.flatMap(forms);
	return all.filter((form) => texts.some((text) => text.includes(form)));
}

const nodes: Array<
	[string, string[], string[], () => Record<string, ICredentialDataDecryptedObject>]
> = [
	['epilot', [EPILOT_ORIGIN], [EPILOT], () => ({ epilotApi: { accessToken: EPILOT } })],
	['exolink', [EXOLINK_ORIGIN], [EXOLINK], () => ({ exolinkApi: { accessToken: EXOLINK } })],
	[
		'exorLive',
		[API_ORIGIN, AUTH_ORIGIN, SSO_ORIGIN],
		Object.values(EXORLIVE),
		() => ({ exorLiveApi: storedCredential({ ...EXORLIVE, jwtAlgorithm: 'HS256' }) }),
	],
];

describe.each(nodes)(
	'%s: answers echoing the secrets, for every operation',
	(node, origins, secrets, credentials) => {
		it.each(answers(secrets))(
			'%s',
			async (_kind, reply) => {
				const found: string[] = [];
				let answered = 0;
				for (const { title, parameters } of await everyOperation(node)) {
					nock.cleanAll();
					const mocks = origins.map((origin) => new ApiMock(origin).reply(...Array(8).fill(reply)));
					const result = await runNode({
						node,
						parameters,
						input: [{}, {}],
						credentials: credentials(),
					});
					if (!mocks.some((mock) => mock.requests.length)) continue;
					answered++;
					for (const form of leaks(result, secrets)) found.push(`${title}: ${form}`);
				}
				expect(found).toEqual([]);
				// The answers reached the nodes (as an error, or as items where text is an answer).
				expect(answered).toBeGreaterThan(5);
			},
			240_000,
		);
	},
);
