/**
 * Which values the redaction treats as secret comes from the credential types: every property
 * marked `typeOptions.password` (plus values a credential combines, e.g. a Basic header's
 * key:secret), for the package's three credentials and for one the redaction has never seen.
 */
import type { ICredentialType, IDataObject, INodeProperties } from 'n8n-workflow';
import { loadPackage } from '../harness/engine';

// The modules the nodes run (dist/): the nodes register their credentials there on loading.
/* eslint-disable @typescript-eslint/no-require-imports */
const redaction =
	require('../../dist/nodes/shared/redaction') as typeof import('../../nodes/shared/redaction');
/* eslint-enable @typescript-eslint/no-require-imports */

/** A distinct long value for every field of a credential type. */
function valuesFor(properties: INodeProperties[]): IDataObject {
	return Object.fromEntries(properties.map((p) => [p.name, `value-of-${p.name}-0123456789`]));
}

const passwordFields = (type: ICredentialType) =>
	type.properties.filter((p) => p.typeOptions?.password).map((p) => p.name);

describe('Secrets come from the credential types', () => {
	beforeAll(async () => {
		const loader = await loadPackage();
		// Loading the nodes registers their credentials.
		for (const node of ['epilot', 'exolink', 'exorLive']) loader.getNode(node);
	});

	it.each(['epilotApi', 'exolinkApi', 'exorLiveApi'])(
		'%s: exactly its password fields are secret',
		async (name) => {
			const loader = await loadPackage();
			const type = loader.getCredential(name).type as ICredentialType;
			const data = valuesFor(type.properties);
			const secrets = redaction.credentialSecrets(name, data);
			const fields = Object.keys(data).filter((field) => secrets.includes(String(data[field])));
			expect(fields.sort()).toEqual(passwordFields(type).sort());
			expect(fields.length).toBeGreaterThan(0);
		},
	);

	it('ExorLive: the Basic form of client key and secret is secret too', () => {
		const data = valuesFor([
			{ displayName: 'Key', name: 'clientKey', type: 'string', default: '' },
			{ displayName: 'Secret', name: 'clientSecret', type: 'string', default: '' },
		]);
		const secrets = redaction.credentialSecrets('exorLiveApi', data);
		expect(secrets).toContain(`${data.clientKey}:${data.clientSecret}`);
		expect(secrets).not.toContain(data.clientKey);
	});

	it('a credential type registered later: its password field is secret, its other fields not', () => {
		const name = redaction.redactSecretsOf({
			credential: {
				name: 'madeUpApi',
				displayName: 'Made Up API',
				properties: [
					{ displayName: 'Region', name: 'region', type: 'string', default: '' },
					{
						displayName: 'API Secret',
						name: 'apiSecret',
						type: 'string',
						typeOptions: { password: true },
						default: '',
					},
				],
			},
		});
		expect(name).toBe('madeUpApi');
		const data = { region: 'eu-central-1-long', apiSecret: 'made-up-secret-value' };
		expect(redaction.credentialSecrets(name, data)).toEqual(['made-up-secret-value']);
		expect(redaction.apiNameOf({ credentials: { madeUpApi: { id: '1', name: 'x' } } })).toBe(
			'Made Up',
		);
	});

	it('a credential type nobody registered: every text value counts as secret', () => {
		const data = { region: 'eu-central-1-long', token: 'unknown-token-value' };
		expect(redaction.credentialSecrets('neverRegisteredApi', data).sort()).toEqual(
			['eu-central-1-long', 'unknown-token-value'].sort(),
		);
	});

	it.each([
		['epilotApi', 'Epilot'],
		['exolinkApi', 'Exolink'],
		['exorLiveApi', 'ExorLive'],
	])('the API name of a node with %s is %s', (type, apiName) => {
		expect(redaction.apiNameOf({ credentials: { [type]: { id: '1', name: 'x' } } })).toBe(apiName);
	});
});
