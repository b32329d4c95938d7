/**
 * An object from an expression in any text, number, choice or ID field of any operation of the
 * three nodes is refused before anything is sent, naming the field. The fields are read from
 * the node descriptions as n8n loads them, so new operations are covered as they are added.
 */
import type {
	ICredentialDataDecryptedObject,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import nock from 'nock';
import { loadPackage, runNode } from '../harness/engine';
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

/** Shown for exactly this resource and operation, with no further condition. */
function shownFor(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show ?? {};
	const keys = Object.keys(show);
	if (property.displayOptions?.hide || keys.some((key) => !['resource', 'operation'].includes(key)))
		return false;
	return (
		(show.resource ?? [resource]).includes(resource) &&
		(show.operation ?? [operation]).includes(operation) &&
		keys.length > 0
	);
}

function plainValue(property: INodeProperties): INodeParameters[string] {
	if (property.type === 'resourceLocator') return { __rl: true, mode: 'id', value: 'x-1' };
	if (property.type === 'number') return 1;
	if (property.type === 'string') return 'x-1';
	if (property.type === 'multiOptions') return ['x-1'];
	return property.default;
}

async function fieldCases(node: string): Promise<FieldCase[]> {
	const loader = await loadPackage();
	const { properties } = loader.getNode(node).type.description as { properties: INodeProperties[] };
	const cases: FieldCase[] = [];
	for (const operations of properties.filter((p) => p.name === 'operation')) {
		const [resource] = (operations.displayOptions?.show?.resource ?? []) as string[];
		if (!resource || resource === 'customApiCall') continue;
		for (const { value } of (operations.options ?? []) as INodePropertyOptions[]) {
			const operation = String(value);
			// n8n runs a node only with its required fields filled: plain values, then one object.
			const base: INodeParameters = { resource, operation };
			for (const property of properties) {
				if (!property.required || !shownFor(property, resource, operation)) continue;
				base[property.name] = plainValue(property);
			}
			for (const property of properties) {
				if (!shownFor(property, resource, operation)) continue;
				if (SCALAR.has(property.type) && !property.noDataExpression) {
					const raw =
						property.type === 'resourceLocator'
							? { __rl: true, mode: 'id', value: OBJECT }
							: OBJECT;
					cases.push({
						title: `${resource} > ${operation}: ${property.displayName}`,
						parameters: { ...base, [property.name]: raw },
						label: property.displayName,
					});
				}
				if (property.type === 'collection') {
					for (const option of (property.options ?? []) as INodeProperties[]) {
						if (!SCALAR.has(option.type) || option.noDataExpression) continue;
						cases.push({
							title: `${resource} > ${operation}: ${property.displayName} > ${option.displayName}`,
							parameters: { ...base, [property.name]: { [option.name]: OBJECT } },
							label: option.displayName,
						});
					}
				}
			}
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
