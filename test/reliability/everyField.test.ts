/**
 * An object from an expression in any text, number, choice or ID field of any operation of the
 * three nodes is refused before anything is sent, naming the field. The fields are read from
 * the node descriptions as n8n loads them, so new operations are covered as they are added.
 */
import type {
	ICredentialDataDecryptedObject,
	INodeParameters,
	INodeProperties,
} from 'n8n-workflow';
import nock from 'nock';
import { runNode } from '../harness/engine';
import { operationsOf } from '../harness/everyOperation';
import { ApiMock } from '../harness/http';
import { EPILOT_BEARER, EPILOT_ORIGIN } from '../epilot/suite';
import { EXOLINK_ORIGIN, EXOLINK_TOKEN } from '../exolink/suite';
import { API_ORIGIN, AUTH_ORIGIN, SSO_ORIGIN, storedCredential } from '../exorlive/suite';

const SCALAR = new Set(['string', 'number', 'options', 'resourceLocator', 'boolean', 'dateTime']);
const OBJECT = '={{ { a: 1 } }}';

interface FieldCase {
	title: string;
	parameters: INodeParameters;
	label: string;
}

function plainValue(property: INodeProperties): INodeParameters[string] {
	if (property.type === 'resourceLocator') return { __rl: true, mode: 'id', value: 'x-1' };
	if (property.type === 'number') return 1;
	if (property.type === 'string') return 'x-1';
	if (property.type === 'multiOptions') return ['x-1'];
	return property.default;
}

/** An object in each field, or in each field of a collection, shown for exactly its operation. */
async function fieldCases(node: string): Promise<FieldCase[]> {
	const cases: FieldCase[] = [];
	for (const { resource, operation, fields } of await operationsOf(node)) {
		if (resource === 'customApiCall') continue;
		// Fields shown for exactly this resource and operation, with no further condition.
		const plain = fields.filter((field) => field.unconditional);
		// n8n runs a node only with its required fields filled: plain values, then one object.
		const base: INodeParameters = { resource, operation };
		for (const { property } of plain) {
			if (property.required) base[property.name] = plainValue(property);
		}
		// Each such field, and each field of such a collection (one level down).
		for (const { property: input, path, title } of plain.flatMap((field) => field.inputs)) {
			if (path.length > 2 || !SCALAR.has(input.type) || input.noDataExpression) continue;
			const [name, option] = path as string[];
			const raw =
				input.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: OBJECT } : OBJECT;
			cases.push({
				title,
				parameters: { ...base, [name]: option ? { [option]: OBJECT } : raw },
				label: input.displayName,
			});
		}
	}
	return cases;
}

const nodes: Array<[string, string[], () => Record<string, ICredentialDataDecryptedObject>]> = [
	['epilot', [EPILOT_ORIGIN], () => ({ epilotApi: { accessToken: EPILOT_BEARER } })],
	['exolink', [EXOLINK_ORIGIN], () => ({ exolinkApi: { accessToken: EXOLINK_TOKEN } })],
	['exorLive', [API_ORIGIN, AUTH_ORIGIN, SSO_ORIGIN], () => ({ exorLiveApi: storedCredential() })],
];

describe.each(nodes)(
	'%s: an object in any field is refused before sending',
	(node, origins, credentials) => {
		it('every operation, every text, number, choice and ID field', async () => {
			const cases = await fieldCases(node);
			expect(cases.length).toBeGreaterThan(10);
			const failures: string[] = [];
			for (const testCase of cases) {
				nock.cleanAll(); // the mocks of the previous case would answer first
				const mocks = origins.map((origin) => new ApiMock(origin));
				const result = await runNode({
					node,
					parameters: testCase.parameters,
					credentials: credentials(),
				});
				const sent = mocks.flatMap((mock) => mock.requests);
				const message = String(result.error?.message ?? '');
				const named = message.startsWith(`${testCase.label}: expects`);
				if (sent.length || !named) {
					failures.push(`${testCase.title}: ${sent.length} sent, error "${message.slice(0, 120)}"`);
				}
			}
			expect(failures).toEqual([]);
		}, 120_000);
	},
);
