/**
 * Values are sent as the vendor types them. Every field of every operation of the three nodes
 * (read from the built node descriptions, so a new field or operation is covered as it is added;
 * the Custom API Call, which has no vendor types, aside) is fed from an expression a number,
 * numeric text, true, "true", other text, an object, a list and a list holding an object. Each
 * value must either be refused before anything is sent, with an error naming the field, or give
 * exactly what the same value gives when typed into the field as the vendor types it (same
 * requests, JSON types in the body included, and same output). Every request the Epilot node sends
 * here is also checked against the types of epilot's OpenAPI document, read by this test.
 *
 * A field's vendor type is what the field declares (`typeOptions.vendorType`) or else what its n8n
 * type says (text, number, true/false, the type of its choices, a list for multi-selects and
 * `multipleValues`, a JSON object for JSON); what each type takes and sends is written out here
 * (EXPECTED), independently of the node code.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import nock from 'nock';
import { runNode } from '../harness/engine';
import { operationsOf } from '../harness/everyOperation';
import { ApiMock, type RecordedRequest, type Reply } from '../harness/http';
import { EPILOT_BEARER, EPILOT_ORIGIN } from '../epilot/suite';
import { EXOLINK_ORIGIN, EXOLINK_TOKEN } from '../exolink/suite';
import { API_ORIGIN, AUTH_ORIGIN, SSO_ORIGIN, storedCredential } from '../exorlive/suite';

type VendorType = 'string' | 'number' | 'integer' | 'boolean' | 'list' | 'object' | 'objectList';

// ---------------------------------------------------------------------------------------------
// What each vendor type takes from an expression and sends

/** What an expression gives, as the input item's `v`. */
const PROBES: Array<{ name: string; value: unknown }> = [
	{ name: 'a number', value: 12 },
	{ name: 'numeric text', value: '12' },
	{ name: 'true', value: true },
	{ name: 'the text "true"', value: 'true' },
	{ name: 'other text', value: 'abc' },
	{ name: 'an object', value: { a: 1 } },
	{ name: 'a list', value: [12, 34] },
	{ name: 'a list holding an object', value: [{ a: 1 }] },
];

/** Refused before anything is sent, naming the field. */
const REFUSED = Symbol('refused');

/**
 * Per vendor type, what each probe (in PROBES order) is sent as: the value as the vendor types it
 * (compared with the same value typed into the field), or REFUSED. Text given to a JSON field is
 * handed to the operation as it is (compared with the same text typed in).
 */
const EXPECTED: Record<VendorType, unknown[]> = {
	string: ['12', '12', 'true', 'true', 'abc', REFUSED, REFUSED, REFUSED],
	number: [12, 12, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED],
	integer: [12, 12, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED],
	boolean: [REFUSED, REFUSED, true, true, REFUSED, REFUSED, REFUSED, REFUSED],
	list: [['12'], ['12'], ['true'], ['true'], ['abc'], REFUSED, ['12', '34'], REFUSED],
	object: [REFUSED, '12', REFUSED, 'true', 'abc', { a: 1 }, REFUSED, REFUSED],
	objectList: [REFUSED, '12', REFUSED, 'true', 'abc', REFUSED, REFUSED, [{ a: 1 }]],
};

/** A field's vendor type: declared with the field, else what its n8n type says. */
function vendorType(property: INodeProperties): VendorType | undefined {
	const declared = property.typeOptions?.vendorType as VendorType | undefined;
	if (declared) return declared;
	switch (property.type) {
		case 'string':
			return property.typeOptions?.multipleValues ? 'list' : 'string';
		case 'number':
			return 'number';
		case 'boolean':
			return 'boolean';
		case 'options':
			return ((property.options ?? []) as INodePropertyOptions[]).every(
				({ value }) => typeof value === 'number',
			)
				? 'number'
				: 'string';
		case 'multiOptions':
			return 'list';
		case 'resourceLocator':
		case 'dateTime':
			return 'string';
		case 'json':
			return 'object';
		default:
			return undefined;
	}
}

/** `typed` (a value as the vendor types it) as a user types it into the field. */
function typedIn(property: INodeProperties, typed: unknown): unknown {
	// Text in a JSON field is what the field's operation parses, typed in or not.
	if (property.type === 'json') return typeof typed === 'string' ? typed : JSON.stringify(typed);
	const text = (value: unknown) => (Array.isArray(value) ? value.join(',') : String(value));
	if (property.type === 'resourceLocator') return { __rl: true, mode: 'id', value: text(typed) };
	if (property.type === 'multiOptions' || property.typeOptions?.multipleValues) return typed;
	if (property.type === 'string') return text(typed);
	return typed;
}

// ---------------------------------------------------------------------------------------------
// The fields of every operation, from the built descriptions

/** A field of an operation, where it is in the parameters (a path) and its vendor type. */
interface Field {
	resource: string;
	operation: string;
	title: string;
	property: INodeProperties;
	type: VendorType;
	path: Array<string | number>;
	/** The values of other fields the field shows for (e.g. an input mode), set in its runs. */
	shownWith: INodeParameters;
	/** Shown only when the node runs as an AI tool (`'@tool': [true]`): run as the tool variant. */
	tool?: boolean;
}

/** Parameters with `value` at `path` (a copy; objects and lists on the way are copied or made). */
function withValue(
	parameters: INodeParameters,
	path: Array<string | number>,
	value: unknown,
): INodeParameters {
	const copy = structuredClone(parameters) as IDataObject;
	let node: IDataObject | unknown[] = copy;
	path.forEach((step, index) => {
		const last = index === path.length - 1;
		const container = node as Record<string | number, unknown>;
		if (last) {
			container[step] = value;
			return;
		}
		const next = path[index + 1];
		const existing = container[step];
		if (typeof next === 'number') {
			container[step] = Array.isArray(existing) ? existing : [];
		} else if (!existing || typeof existing !== 'object' || Array.isArray(existing)) {
			container[step] = {};
		}
		node = container[step] as IDataObject;
	});
	return copy as INodeParameters;
}

interface Operation {
	resource: string;
	operation: string;
	/** Parameters that send a valid request: the required fields and the conditions of every field. */
	base: INodeParameters;
	fields: Field[];
}

/** A valid value for a required field, by its type and name. */
function plainValue(property: INodeProperties): INodeParameters[string] {
	const type = vendorType(property);
	const text = /email/i.test(property.name)
		? 'ann@example.com'
		: /url/i.test(property.name)
			? 'https://example.com/events'
			: /date/i.test(property.name)
				? '2024-01-31'
				: type === 'integer' || type === 'number'
					? '7'
					: 'x-1';
	switch (property.type) {
		case 'resourceLocator':
			return { __rl: true, mode: 'id', value: text };
		case 'number':
			return 7;
		case 'multiOptions':
			return ['x-1'];
		case 'string':
			return text;
		default:
			return property.default;
	}
}

/** The operations of `node` (the Custom API Call aside), with `bases` over the parameters named. */
async function typedOperations(
	node: string,
	bases: Record<string, INodeParameters>,
): Promise<Operation[]> {
	const operations: Operation[] = [];
	for (const { resource, operation, fields: shown } of await operationsOf(node)) {
		if (resource === 'customApiCall') continue;
		let base: INodeParameters = { resource, operation };
		const fields: Field[] = [];
		for (const { property, shownWith, tool, inputs } of shown) {
			if (!shownWith) continue;
			base = { ...shownWith, ...base };
			if (property.required) base[property.name] = plainValue(property);
			for (const { property: input, path, title } of inputs) {
				const type = vendorType(input);
				if (!type || input.noDataExpression) continue;
				fields.push({ resource, operation, title, property: input, type, path, shownWith, tool });
			}
		}
		const override = bases[`${resource}.${operation}`] ?? {};
		operations.push({ resource, operation, base: deepMerge(base, override), fields });
	}
	return operations;
}

function deepMerge(target: INodeParameters, source: INodeParameters): INodeParameters {
	const result: INodeParameters = { ...target };
	for (const [key, value] of Object.entries(source)) {
		const current = result[key];
		result[key] =
			value &&
			typeof value === 'object' &&
			!Array.isArray(value) &&
			!('__rl' in value) &&
			current &&
			typeof current === 'object' &&
			!Array.isArray(current)
				? deepMerge(current as INodeParameters, value as INodeParameters)
				: value;
	}
	return result;
}

// ---------------------------------------------------------------------------------------------
// Runs

/** What a run does: the requests it sends and, per input item, its output or its error. */
interface Outcome {
	requests: unknown[];
	items: Map<number, string[]>;
}

/** A request as compared: the JWT of the Partner JWT link read as its claims, without iat/exp. */
function comparable({ method, path, query, body }: RecordedRequest): unknown {
	let content = body;
	if (typeof body === 'string' && body.startsWith('payload=')) {
		const jwt = new URLSearchParams(body).get('payload') ?? '';
		const claims = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString());
		delete claims.iat;
		delete claims.exp;
		content = { payload: claims };
	}
	return { method, path, query, body: content };
}

/** The token exchange of an acting user: how often it runs depends on the items, not the field. */
const isExchange = (request: RecordedRequest) => /\/Providers\/OAuth\//.test(request.path);

function itemOutcome(item: INodeExecutionData): string {
	const error = item.error as { message?: string } | undefined;
	if (error) return `error: ${String(error.message)}`;
	return `json: ${JSON.stringify(item.json)}`;
}

interface NodeUnderTest {
	node: string;
	origins: string[];
	credentials: () => Record<string, ICredentialDataDecryptedObject>;
	/** The mock's answer to any request, shaped so that each operation can produce its output. */
	reply: (request: RecordedRequest) => Reply;
	/** Parameters, per `resource.operation`, that the required fields' plain values do not give. */
	bases: Record<string, INodeParameters>;
}

async function run(
	target: NodeUnderTest,
	parameters: INodeParameters,
	input: IDataObject[],
	tool = false,
): Promise<Outcome & { sent: RecordedRequest[] }> {
	nock.cleanAll();
	const mocks = target.origins.map((origin) => new ApiMock(origin).respond(target.reply));
	const result = await runNode({
		node: target.node,
		parameters,
		input,
		credentials: target.credentials(),
		continueOnFail: true,
		tool,
	});
	const items = new Map<number, string[]>();
	if (result.error) items.set(-1, [`run failed: ${String(result.error.message)}`]);
	for (const item of result.items) {
		const paired = item.pairedItem;
		const index = Array.isArray(paired)
			? paired[0]?.item
			: typeof paired === 'object'
				? paired?.item
				: paired;
		const key = index ?? -1;
		items.set(key, [...(items.get(key) ?? []), itemOutcome(item)]);
	}
	const sent = mocks.flatMap((mock) => mock.requests);
	return { requests: sent.filter((r) => !isExchange(r)).map(comparable), items, sent };
}

const key = (value: unknown) => JSON.stringify(value);

/**
 * The requests as compared: writes each as often as sent, reads once each (the items of one run
 * may share a read, e.g. Exolink Invite lists a tenant once per run).
 */
function sortedKeys(values: unknown[]): string[] {
	const keys = values.map(key);
	const reads = new Set(keys.filter((text) => text.startsWith('{"method":"GET"')));
	return [...keys.filter((text) => !reads.has(text)), ...reads].sort();
}

// ---------------------------------------------------------------------------------------------
// epilot's OpenAPI document: the types of every request

// The same document as ../shared/vendor-apis/epilot-partner-directory.openapi.json, kept in the
// repository for the sandbox.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const spec = require('../sandbox/specs/epilot-partner-directory.openapi.json') as IDataObject;

type Schema = IDataObject;

function resolved(schema: Schema): Schema {
	let current = schema;
	while (typeof current.$ref === 'string') {
		const parts = current.$ref.replace(/^#\//, '').split('/');
		current = parts.reduce<IDataObject>((node, part) => node[part] as IDataObject, spec);
	}
	return current;
}

/** Where `value` does not have the types `schema` gives (empty list: it does). */
function typeProblems(schema: Schema, value: unknown, where: string): string[] {
	const s = resolved(schema);
	if (Array.isArray(s.allOf)) {
		return (s.allOf as Schema[]).flatMap((part) => typeProblems(part, value, where));
	}
	const choices = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
	if (choices) {
		const each = choices.map((choice) => typeProblems(choice, value, where));
		return each.some((problems) => !problems.length) ? [] : each[0];
	}
	const type = s.type as string | undefined;
	const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
	const fits =
		type === undefined ||
		(type === 'integer'
			? Number.isInteger(value)
			: type === 'object'
				? actual === 'object'
				: actual === type) ||
		(s.nullable === true && value === null);
	if (!fits) return [`${where}: ${key(value)} is ${actual}, the spec says ${type}`];
	if (type === 'array' || (type === undefined && Array.isArray(value))) {
		return s.items
			? (value as unknown[]).flatMap((entry, i) =>
					typeProblems(s.items as Schema, entry, `${where}[${i}]`),
				)
			: [];
	}
	if (actual === 'object' && s.properties) {
		return Object.entries(value as IDataObject).flatMap(([name, inner]) => {
			const property = (s.properties as IDataObject)[name] as Schema | undefined;
			return property ? typeProblems(property, inner, `${where}.${name}`) : [];
		});
	}
	return [];
}

/** Text in a path or query holds a value of `schema`'s type. */
function textProblems(schema: Schema, text: string, where: string): string[] {
	const type = resolved(schema).type;
	if (
		(type === 'integer' && !/^-?\d+$/.test(text)) ||
		(type === 'number' && !Number.isFinite(Number(text)))
	) {
		return [`${where}: "${text}" is no ${String(type)}`];
	}
	return [];
}

/** Where a request the Epilot node sent disagrees with the types of epilot's spec. */
function specProblems(request: RecordedRequest): string[] {
	const paths = spec.paths as Record<string, Record<string, IDataObject>>;
	for (const [template, operations] of Object.entries(paths)) {
		const names: string[] = [];
		const pattern = new RegExp(
			`^${template
				.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
				.replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
					names.push(name);
					return '([^/]+)';
				})}$`,
		);
		const match = pattern.exec(request.path);
		const operation = operations[request.method.toLowerCase()];
		if (!match || !operation) continue;
		const where = `${request.method} ${template}`;
		const parameters = [
			...((operations.parameters ?? []) as unknown as Schema[]),
			...((operation.parameters ?? []) as Schema[]),
		].map(resolved);
		const problems: string[] = [];
		for (const parameter of parameters) {
			const name = String(parameter.name);
			if (parameter.in === 'path') {
				const text = decodeURIComponent(match[names.indexOf(name) + 1] ?? '');
				problems.push(...textProblems(parameter.schema as Schema, text, `${where} path ${name}`));
			}
			if (parameter.in === 'query' && request.query[name] !== undefined) {
				for (const text of ([] as string[]).concat(request.query[name])) {
					problems.push(
						...textProblems(parameter.schema as Schema, text, `${where} query ${name}`),
					);
				}
			}
		}
		const body = (
			(operation.requestBody as IDataObject | undefined)?.content as IDataObject | undefined
		)?.['application/json'] as IDataObject | undefined;
		if (body?.schema && request.body !== undefined) {
			problems.push(...typeProblems(body.schema as Schema, request.body, `${where} body`));
		}
		return problems;
	}
	return [`${request.method} ${request.path}: not an operation of epilot's spec`];
}

// ---------------------------------------------------------------------------------------------
// The nodes

const PDF = Buffer.from('%PDF-1.4 test').toString('base64');

/** A role epilot takes, with a grant, a condition and a dependency (every grant field shown). */
const GRANTS: INodeParameters = {
	slug: 'role_a',
	grantsJson: '[{"action":"entity-read"}]',
	grants: {
		grant: [
			{
				action: 'entity-read',
				conditions: { condition: [{ attribute: 'a', values: 'v' }] },
				dependencies: {
					dependency: [
						{ action: 'entity-read', conditions: { condition: [{ attribute: 'a', values: 'v' }] } },
					],
				},
			},
		],
	},
};

const nodes: NodeUnderTest[] = [
	{
		node: 'epilot',
		origins: [EPILOT_ORIGIN],
		credentials: () => ({ epilotApi: { accessToken: EPILOT_BEARER } }),
		reply: () => ({ body: { results: [{ id: 'r-1', roleId: 'r-1', success: true }], hits: 1 } }),
		bases: {
			'assignable.batchGet': { assignables: { assignable: [{ userId: 'u-1' }] } },
			...Object.fromEntries(
				['create', 'update'].map((operation) => [`partnerRole.${operation}`, GRANTS]),
			),
		},
	},
	{
		node: 'exolink',
		origins: [EXOLINK_ORIGIN],
		credentials: () => ({ exolinkApi: { accessToken: EXOLINK_TOKEN } }),
		reply: ({ method }) => ({
			body:
				method === 'GET'
					? [{ id: 1, userId: 'u-1', username: 'ann@example.com', role: 'user' }]
					: { id: 1 },
		}),
		bases: {
			'cpms.create': { cpmsUrl: 'wss://cpms.example.com/ocpp' },
			'tenantUser.setRoles': {
				userRoles: { userRole: [{ userId: 'u-1', role: 'user' }] },
				userRolesJson: '[{"id":"u-1","role":"user"}]',
			},
			'user.update': { updateFields: { givenName: 'Ann' } },
		},
	},
	{
		node: 'exorLive',
		origins: [API_ORIGIN, AUTH_ORIGIN, SSO_ORIGIN],
		credentials: () => ({
			// One client key for every run: it is part of several requests.
			exorLiveApi: storedCredential({
				clientKey: 'ck-vendor-types',
				jwtAlgorithm: 'HS256',
				jwtSharedSecret: 'jwt-secret-1',
			}),
		}),
		reply: ({ path }) => {
			if (path.endsWith('/Authorize.aspx')) return { body: { code: 'code-1' } };
			if (path.endsWith('/Token.ashx')) {
				return { body: { access_token: 'user-token-1', token_type: 'bearer', expires_in: '7200' } };
			}
			return {
				body: {
					Id: 7,
					authKey: 'auth-key-1',
					invitationLink: 'https://exorlive.com/m/?invite=1',
					url: 'https://exorlive.com/app/',
					adminUserId: 5,
					challenge: 'challenge-1',
					resultCode: 'OK',
					PdfBase64: PDF,
				},
			};
		},
		bases: {
			'partnerAccess.partnerChallenge': { additionalFields: { random: '42' } },
			'partnerAccess.linkOrganization': { additionalFields: { random: '42' } },
			'signIn.createJwtLink': {},
		},
	},
];

// ---------------------------------------------------------------------------------------------

/** The probe of field `field` as the input item's `v`, read by an expression at the field's place. */
function probeParameters(operation: Operation, field: Field): INodeParameters {
	const expression = '={{ $json.v }}';
	const value =
		field.property.type === 'resourceLocator'
			? { __rl: true, mode: 'id', value: expression }
			: expression;
	return withValue({ ...operation.base, ...field.shownWith }, field.path, value);
}

/** The parameters of a run with `value` typed into the field. */
function typedInParameters(operation: Operation, field: Field, value: unknown): INodeParameters {
	return withValue({ ...operation.base, ...field.shownWith }, field.path, value);
}

describe.each(nodes)(
	'$node: every field sends what an expression gives as the vendor types it',
	(target) => {
		let operations: Operation[];

		beforeAll(async () => {
			operations = await typedOperations(target.node, target.bases);
		});

		it('the base parameters of every operation send a request and succeed', async () => {
			const failures: string[] = [];
			for (const operation of operations) {
				const outcome = await run(target, operation.base, [{}]);
				const errors = [...outcome.items.values()]
					.flat()
					.filter((item) => item.startsWith('error') || item.startsWith('run'));
				if (!outcome.sent.length || errors.length) {
					failures.push(
						`${operation.resource} > ${operation.operation}: ${outcome.sent.length} sent, ${errors.join('; ')}`,
					);
				}
			}
			expect(failures).toEqual([]);
		}, 60_000);

		it('each field, fed a number, text, true, an object and lists, sends the typed value or is refused naming it', async () => {
			const fields = operations.flatMap((operation) =>
				operation.fields.map((field) => ({ operation, field })),
			);
			expect(fields.length).toBeGreaterThan(10);
			const failures: string[] = [];
			const epilotProblems = new Set<string>();
			const checkSpec = (sent: RecordedRequest[], title: string) => {
				if (target.node !== 'epilot') return;
				for (const request of sent)
					for (const problem of specProblems(request)) epilotProblems.add(`${title}: ${problem}`);
			};
			for (const { operation, field } of fields) {
				const expected = EXPECTED[field.type];
				const probe = await run(
					target,
					probeParameters(operation, field),
					PROBES.map(({ value }) => ({ v: value }) as IDataObject),
					field.tool,
				);
				checkSpec(probe.sent, field.title);
				const label = field.property.displayName;
				// One run per distinct value typed in, compared with the probes that should give it.
				const references = new Map<string, Outcome>();
				const wantedRequests: unknown[] = [];
				for (const [index, { name }] of PROBES.entries()) {
					const got = probe.items.get(index) ?? [];
					const typed = expected[index];
					if (typed === REFUSED) {
						const refused = got.length === 1 && got[0].startsWith(`error: ${label}: expects `);
						if (!refused)
							failures.push(
								`${field.title} (${field.type}), ${name}: not refused naming the field: ${got.join('; ')}`,
							);
						continue;
					}
					// A choice field takes nothing but its choices typed in: the typed value from an expression.
					const choice = field.property.type === 'options';
					const plain = choice ? typed : typedIn(field.property, typed);
					let reference = references.get(key(plain));
					if (!reference) {
						const outcome = choice
							? await run(
									target,
									probeParameters(operation, field),
									[{ v: plain } as IDataObject],
									field.tool,
								)
							: await run(target, typedInParameters(operation, field, plain), [{}], field.tool);
						checkSpec(outcome.sent, field.title);
						reference = outcome;
						references.set(key(plain), reference);
					}
					wantedRequests.push(...reference.requests);
					const wanted = reference.items.get(0) ?? [];
					if (key(got) !== key(wanted)) {
						failures.push(
							`${field.title} (${field.type}), ${name}: gave ${got.join('; ') || 'nothing'}, typed in as ${key(plain)}: ${wanted.join('; ') || 'nothing'}`,
						);
					}
				}
				if (key(sortedKeys(probe.requests)) !== key(sortedKeys(wantedRequests))) {
					failures.push(
						`${field.title} (${field.type}): sent ${key(probe.requests)}, the values typed in send ${key(wantedRequests)}`,
					);
				}
				if (probe.items.has(-1))
					failures.push(`${field.title}: ${probe.items.get(-1)!.join('; ')}`);
			}
			// Both lists at once: a wire type the spec refuses shows even where the typed-in value sends it too.
			expect({ failures, epilotSpec: [...epilotProblems] }).toEqual({
				failures: [],
				epilotSpec: [],
			});
		}, 120_000);
	},
);
