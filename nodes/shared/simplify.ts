import type {
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { runsAsTool } from './engine/toolVariant';
import { inputError, isBlank, isObject, itemParameter } from './validation';

/*
 * Why: n8n's UX guidelines ask for a Simplify switch (on by default) where an answer has more than
 * 10 fields. As an AI tool, every operation returning records offers n8n's Output choice instead
 * (Simplified, Raw, Selected Fields), so an agent gets small answers.
 */

/** What an operation that returns records keeps when simplified. */
export interface OutputSpec {
	/**
	 * Kept field paths, in output order: `id`, or `roles.name` for a field inside an object or
	 * inside each element of a list. At most 10 top-level fields.
	 */
	fields: string[];
	/** Whether the Simplify switch is shown outside tools (documented answer over 10 fields). */
	simplify: boolean;
	/** Items the node makes itself rather than records (e.g. a not-found item): never simplified. */
	ownItem?: (json: IDataObject) => boolean;
}

/** An answer of more than 10 fields: the Simplify switch, and Output when used as a tool. */
export const simplified = (...fields: string[]): OutputSpec => ({ fields, simplify: true });

/** A small answer: no Simplify switch, but Output when used as a tool. */
export const simplifiedForTools = (...fields: string[]): OutputSpec => ({
	fields,
	simplify: false,
});

type Tree = Map<string, Tree | true>;

function pathTree(paths: string[]): Tree {
	const tree: Tree = new Map();
	for (const path of paths) {
		let level = tree;
		const keys = path.split('.');
		keys.forEach((key, index) => {
			const known = level.get(key);
			if (known === true) return;
			if (index === keys.length - 1) {
				level.set(key, true);
				return;
			}
			const next: Tree = known ?? new Map();
			level.set(key, next);
			level = next;
		});
	}
	return tree;
}

function kept(value: unknown, tree: Tree): unknown {
	if (Array.isArray(value)) {
		return value.map((element) => kept(element, tree)).filter((element) => element !== undefined);
	}
	if (!isObject(value)) return undefined;
	const out: IDataObject = {};
	for (const [key, below] of tree) {
		if (!(key in value)) continue;
		const picked = below === true ? value[key] : kept(value[key], below);
		if (picked !== undefined) out[key] = picked as IDataObject[string];
	}
	return out;
}

/** The given field paths of a record (see OutputSpec.fields); missing fields are left out. */
export function keepFields(json: IDataObject, paths: string[]): IDataObject {
	return (kept(json, pathTree(paths)) ?? {}) as IDataObject;
}

type Context = Pick<IExecuteSingleFunctions, 'getNode' | 'getNodeParameter'>;

/** The fields of Output: Selected Fields, as paths. */
function selectedFields(ctx: Context): string[] {
	const raw = itemParameter(ctx, 'fields', '');
	const list = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	return list.map((field) => String(field).trim()).filter((field) => !isBlank(field));
}

/** The fields to keep (`selected`: named in Fields), or undefined for the raw answer. */
function keptFields(
	ctx: Context,
	spec: OutputSpec,
): { fields: string[]; selected: boolean } | undefined {
	if (runsAsTool(ctx)) {
		const output = itemParameter(ctx, 'output', 'simple');
		if (output === 'raw') return undefined;
		if (output === 'fields') return { fields: selectedFields(ctx), selected: true };
		return { fields: spec.fields, selected: false };
	}
	if (!spec.simplify) return undefined;
	const simplify = itemParameter(ctx, 'simplify', true);
	if (simplify === false || simplify === 'false') return undefined;
	return { fields: spec.fields, selected: false };
}

/**
 * Each record with only the kept fields (non-records are left for the request step to refuse). One
 * with none of them stays whole when simplified (must not vanish) and fails when they were named.
 */
function simplifyItems(
	ctx: Context & Pick<IExecuteSingleFunctions, 'getItemIndex'>,
	spec: OutputSpec,
	items: INodeExecutionData[],
) {
	const kept = keptFields(ctx, spec);
	if (!kept) return items;
	const { fields, selected } = kept;
	return items.map((item) => {
		if (!isObject(item.json) || !Object.keys(item.json).length) return item;
		if (spec.ownItem?.(item.json)) return item;
		const json = keepFields(item.json, fields);
		if (Object.keys(json).length) return { ...item, json };
		if (!selected) return item;
		const present = Object.keys(item.json).slice(0, 20).join(', ');
		throw inputError(ctx, 'Fields', `none of them is in the answer, which has: ${present}`);
	});
}

/** Output: Selected Fields needs at least one field; checked before anything is sent. */
export const checkSelectedFields: PreSendAction = async function (
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
) {
	if (!runsAsTool(this) || itemParameter(this, 'output', 'simple') !== 'fields') return options;
	if (!selectedFields(this).length) {
		throw inputError(this, 'Fields', 'name at least one field to return, e.g. id, email');
	}
	return options;
};

/** The post-receive action that simplifies each output item (the last of an operation). */
export function simplifiedOutput(spec: OutputSpec): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		return simplifyItems(this, spec, items);
	};
}

type Pagination = (
	this: IExecutePaginationFunctions,
	...args: never[]
) => Promise<INodeExecutionData[]>;

/** A paging operation simplifies the records once all pages are in (pages read the raw answer). */
export function simplifiedPages<P extends Pagination>(spec: OutputSpec, pagination: P): P {
	return async function (this: IExecutePaginationFunctions, ...args: Parameters<P>) {
		return simplifyItems(this, spec, await pagination.apply(this, args));
	} as P;
}

/** Where the operation builder keeps an operation's OutputSpec (not part of the description). */
export const OUTPUT_SPEC = Symbol('output spec');

type WithOutputSpec = INodePropertyOptions & { [OUTPUT_SPEC]?: OutputSpec };

/** `option` carrying `spec`, for `withOutputFields` (a symbol key: no description JSON sees it). */
export function withOutputSpec<T extends INodePropertyOptions>(option: T, spec?: OutputSpec): T {
	return spec ? { ...option, [OUTPUT_SPEC]: spec } : option;
}

/**
 * A resource's properties followed by Simplify (outside tools) and Output with its Fields (as a
 * tool), shown for the operations of its Operation dropdown that return records.
 */
export function withOutputFields(properties: INodeProperties[]): INodeProperties[] {
	const dropdown = properties.find((property) => property.name === 'operation');
	const [resource] = (dropdown?.displayOptions?.show?.resource ?? []) as string[];
	const specs: Record<string, OutputSpec> = {};
	for (const option of (dropdown?.options ?? []) as WithOutputSpec[]) {
		const spec = option[OUTPUT_SPEC];
		if (spec) specs[String(option.value)] = spec;
	}
	return Object.keys(specs).length
		? [...properties, ...outputProperties(resource, specs)]
		: properties;
}

function outputProperties(resource: string, specs: Record<string, OutputSpec>): INodeProperties[] {
	const all = Object.keys(specs);
	const switched = all.filter((operation) => specs[operation].simplify);
	return [
		...(switched.length
			? [
					{
						displayName: 'Simplify',
						name: 'simplify',
						type: 'boolean' as const,
						default: true,
						description:
							'Whether to return a simplified version of the response instead of the raw data',
						displayOptions: {
							show: { resource: [resource], operation: switched, '@tool': [false] },
						},
					},
				]
			: []),
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'simple',
			options: [
				{
					name: 'Simplified',
					value: 'simple',
					description: 'Return the main fields only (IDs, names, email, status, roles)',
				},
				{ name: 'Raw', value: 'raw', description: 'Return the answer as the API gives it' },
				{
					name: 'Selected Fields',
					value: 'fields',
					description: 'Return only the fields listed in Fields',
				},
			],
			description: 'How much of each record the tool returns',
			displayOptions: { show: { resource: [resource], operation: all, '@tool': [true] } },
		},
		{
			displayName: 'Fields',
			name: 'fields',
			type: 'string',
			default: '',
			placeholder: 'e.g. email, status, roles.name',
			description:
				'Comma-separated names of the fields to return; a dot reaches into an object or into each element of a list',
			displayOptions: {
				show: { resource: [resource], operation: all, '@tool': [true], output: ['fields'] },
			},
		},
	];
}
