/**
 * The saved-workflow guard (CONTRIBUTING.md, Saved workflows). Node names, versions, parameter
 * names, types, defaults, option values and credential fields are stored in users' workflows and
 * credentials: the built package must keep all that test/saved-surface.lock.json records, for
 * every node version it records. First the guard proves itself on small made-up nodes, then the
 * real package is held to the lock.
 */
import type { ICredentialType, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import PACKAGE from '../../package.json';
import type { SavedSurface } from '../harness/savedSurface';
import {
	LOCK_FILE,
	UPDATE_COMMAND,
	compareSurfaces,
	explain,
	readLock,
	surfaceOfCredential,
	surfaceOfNode,
	surfaceOfPackage,
} from '../harness/savedSurface';

// A made-up node: Operation (Create, Update), an Email field for both, Additional Fields.

function operation(values: string[], show?: Record<string, unknown[]>): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: values.map((value) => ({ name: value, value })),
		default: values[0],
		...(show ? { displayOptions: { show } } : {}),
	} as INodeProperties;
}

const EMAIL: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	default: '',
	displayOptions: { show: { operation: ['create', 'update'] } },
};

function additionalFields(language: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		default: {},
		displayOptions: { show: { operation: ['create'] } },
		options: [
			{
				displayName: 'Language',
				name: 'language',
				type: 'options',
				options: [
					{ name: 'English', value: 'en' },
					{ name: 'German', value: 'de' },
				],
				default: 'en',
				...language,
			} as INodeProperties,
		],
	};
}

const BEFORE = [operation(['create', 'update']), EMAIL, additionalFields()];

function node(properties: INodeProperties[], version: number | number[] = 1, name = 'demo') {
	return { name, version, properties, credentials: [{ name: 'demoApi' }] } as INodeTypeDescription;
}

function credential(properties: Array<Partial<INodeProperties>>): ICredentialType {
	return {
		name: 'demoApi',
		displayName: 'Demo API',
		properties: properties.map((property) => ({ displayName: '', default: '', ...property })),
	} as ICredentialType;
}

const TOKEN = { name: 'accessToken', type: 'string' } as const;

function surface(description: INodeTypeDescription, credentialType = credential([TOKEN])) {
	return {
		nodes: { [description.name]: surfaceOfNode(description) },
		credentials: { [credentialType.name]: surfaceOfCredential(credentialType) },
	} as SavedSurface;
}

/** The lock written for BEFORE, compared with the package changed to `after`. */
const changeTo = (after: INodeTypeDescription, credentialType?: ICredentialType) =>
	compareSurfaces(surface(node(BEFORE)), surface(after, credentialType));

describe('the guard on made-up nodes', () => {
	test('an unchanged package matches its lock', () => {
		const result = changeTo(node(BEFORE));
		expect(result).toEqual({ breaking: [], additions: [], upToDate: true });
		expect(explain(result)).toBeUndefined();
	});

	test('(a) a renamed option value breaks, and so does the field no longer shown for it', () => {
		const email = { ...EMAIL, displayOptions: { show: { operation: ['create', 'modify'] } } };
		const result = changeTo(node([operation(['create', 'modify']), email, additionalFields()]));
		expect(result.breaking).toEqual([
			'node "demo" v1: parameter "email" [operation=create|update] no longer shown for operation=update',
			'node "demo" v1: parameter "operation": option value "update" removed',
		]);
		expect(explain(result)).toMatch(/^Saved workflows would break: 2 change\(s\)/);
	});

	test("(b) a changed default breaks; a collection field's default is recorded but breaks nothing", () => {
		const email = { ...EMAIL, default: 'someone@example.com' };
		const result = changeTo(node([BEFORE[0], email, additionalFields({ default: 'de' })]));
		expect(result.breaking).toEqual([
			'node "demo" v1: parameter "email" [operation=create|update]: default changed from "" to "someone@example.com"',
		]);
		// n8n fills a collection field in with its default only when a user adds the field.
		expect(result.additions).toEqual([
			'node "demo" v1: parameter "additionalFields" [operation=create] > "language": default changed from "en" to "de" (a collection field: nothing saved changes)',
		]);
	});

	test('(c) a removed parameter breaks, and so does a renamed one', () => {
		expect(changeTo(node([BEFORE[0], BEFORE[2]])).breaking).toEqual([
			'node "demo" v1: parameter "email" [operation=create|update] removed',
		]);
		const renamed = changeTo(node([BEFORE[0], { ...EMAIL, name: 'emailAddress' }, BEFORE[2]]));
		expect(renamed.breaking).toEqual([
			'node "demo" v1: parameter "email" [operation=create|update] removed',
		]);
		expect(renamed.additions).toEqual([
			'node "demo" v1: parameter "emailAddress" [operation=create|update] added',
		]);
	});

	test('(d) an added parameter, option value or field breaks nothing; the lock asks for the update', () => {
		const phone: INodeProperties = { ...EMAIL, displayName: 'Phone', name: 'phone' };
		const result = changeTo(
			node([operation(['create', 'update', 'delete']), EMAIL, phone, additionalFields()]),
			credential([TOKEN, { name: 'region', type: 'string' }]),
		);
		expect(result).toEqual({
			breaking: [],
			additions: [
				'node "demo" v1: parameter "operation": option value "delete" added',
				'node "demo" v1: parameter "phone" [operation=create|update] added',
				'credential "demoApi": field "region" added',
			],
			upToDate: false,
		});
		expect(explain(result)).toContain(`record them with: ${UPDATE_COMMAND}`);
		expect(explain(result)).not.toContain('would break');
	});

	test('(e) a renamed option value with a new node version, the old value kept for @version 1, breaks nothing', () => {
		const result = changeTo(
			node(
				[
					operation(['create', 'update'], { '@version': [1] }),
					operation(['create', 'modify'], { '@version': [{ _cnd: { gte: 2 } }] }),
					{ ...EMAIL, displayOptions: { show: { operation: ['create', 'update', 'modify'] } } },
					additionalFields(),
				],
				[1, 2],
			),
		);
		expect(result.breaking).toEqual([]);
		expect(result.additions).toEqual([
			'node "demo" v1: parameter "email" [operation=create|modify|update] now also shown for operation=modify',
			'node "demo": version 2 added',
		]);
	});

	test('a new node version does not excuse a change that version 1 sees too', () => {
		const result = changeTo(node([operation(['create', 'modify']), EMAIL, BEFORE[2]], [1, 2]));
		expect(result.breaking).toEqual([
			'node "demo" v1: parameter "operation": option value "update" removed',
		]);
	});

	test('a parameter hidden for the old version with hide @version breaks it', () => {
		const hidden = {
			...EMAIL,
			displayOptions: { ...EMAIL.displayOptions, hide: { '@version': [1] } },
		};
		expect(changeTo(node([BEFORE[0], hidden, BEFORE[2]], [1, 2])).breaking).toEqual([
			'node "demo" v1: parameter "email" [operation=create|update] removed',
		]);
	});

	test('a removed node version, node type or credential type breaks', () => {
		const result = compareSurfaces(
			surface(node(BEFORE, [1, 2])),
			surface(node(BEFORE, 2, 'demoRenamed'), { ...credential([TOKEN]), name: 'otherApi' }),
		);
		expect(result.breaking).toEqual([
			'node "demo": node type removed',
			'credential "demoApi": credential type removed',
		]);
		expect(changeTo(node(BEFORE, 2)).breaking).toEqual(['node "demo": version 1 removed']);
	});

	test('a changed type or multiple values setting breaks', () => {
		const number = { ...EMAIL, type: 'number', default: 0 } as INodeProperties;
		const list = { ...EMAIL, typeOptions: { multipleValues: true } };
		expect(changeTo(node([BEFORE[0], number, BEFORE[2]])).breaking).toEqual([
			'node "demo" v1: parameter "email" [operation=create|update]: type changed from string to number',
		]);
		expect(changeTo(node([BEFORE[0], list, BEFORE[2]])).breaking).toEqual([
			'node "demo" v1: parameter "email" [operation=create|update]: multiple values turned on',
		]);
	});

	test('showing a parameter for fewer operations breaks; for more, or split in two, does not', () => {
		const only = (operations: string[]) => ({
			...EMAIL,
			displayOptions: { show: { operation: operations } },
		});
		expect(changeTo(node([BEFORE[0], only(['create']), BEFORE[2]])).breaking).toEqual([
			'node "demo" v1: parameter "email" [operation=create|update] no longer shown for operation=update',
		]);
		const wider = changeTo(node([BEFORE[0], only(['create', 'update', 'get']), BEFORE[2]]));
		expect(wider.breaking).toEqual([]);
		expect(wider.additions).toEqual([
			'node "demo" v1: parameter "email" [operation=create|get|update] now also shown for operation=get',
		]);
		const split = changeTo(node([BEFORE[0], only(['create']), only(['update']), BEFORE[2]]));
		expect(split.breaking).toEqual([]);
	});

	test('credential fields: a renamed field, removed option value or changed default breaks', () => {
		const server = (values: string[], value = values[0]) => ({
			name: 'server',
			type: 'options' as const,
			options: values.map((option) => ({ name: option, value: option })),
			default: value,
		});
		const locked = surface(node(BEFORE), credential([TOKEN, server(['live', 'custom'])]));
		const changed = surface(
			node(BEFORE),
			credential([{ ...TOKEN, name: 'token' }, server(['live', 'test'], 'test')]),
		);
		expect(compareSurfaces(locked, changed).breaking).toEqual([
			'credential "demoApi": field "accessToken" removed',
			'credential "demoApi": field "server": default changed from "live" to "test"',
			'credential "demoApi": field "server": option value "custom" removed',
		]);
	});

	test('a fixedCollection group or its field renamed breaks', () => {
		const filters = (group: string, field: string): INodeProperties => ({
			displayName: 'Filters',
			name: 'filters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			options: [
				{
					displayName: 'Filter',
					name: group,
					values: [{ displayName: 'Field', name: field, type: 'string', default: '' }],
				},
			],
		});
		const locked = surface(node([...BEFORE, filters('filter', 'field')]));
		expect(
			compareSurfaces(locked, surface(node([...BEFORE, filters('condition', 'field')]))).breaking,
		).toEqual(['node "demo" v1: parameter "filters" > group "filter" removed']);
		expect(
			compareSurfaces(locked, surface(node([...BEFORE, filters('filter', 'key')]))).breaking,
		).toEqual(['node "demo" v1: parameter "filters" > "filter" > "field" removed']);
	});
});

describe('the built package', () => {
	const lock = readLock();
	const current = surfaceOfPackage();

	test(`${LOCK_FILE} records every node and credential type of package.json`, () => {
		expect(lock).toBeDefined();
		expect(Object.keys(lock!.nodes)).toHaveLength(PACKAGE.n8n.nodes.length);
		expect(Object.keys(lock!.credentials)).toHaveLength(PACKAGE.n8n.credentials.length);
	});

	test(`keeps all that ${LOCK_FILE} records, and the lock records all it has`, () => {
		const problem = explain(compareSurfaces(lock!, current));
		if (problem) throw new Error(problem);
	});
});
