import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
	PreSendAction,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import {
	inputError,
	isObject,
	itemParameter,
	shortJson,
	toStringList,
	typedItemParameter,
	type NodeContext,
} from './validation';

/*
 * Why: an expression can give any value where a field takes text, a number or an ID (`{{ 123 }}`
 * in a text field goes out as a JSON number, `{{ $json }}` in an ID field as "[object Object]" in a
 * path, `token[a]=1` in a query). `checkFieldTypes`, every operation's first preSend, gives each
 * shown field whose value holds an expression (collections and fixedCollections included) the
 * type its vendor gives it (`vendorTypeOf`, or `typeOptions.vendorType` via `sentAs`), refusing a
 * value of the wrong kind by field name. The typed value replaces the raw one where n8n put it
 * (`routing.send`) and in the item's parameter values, so every later step reads it typed.
 * Not n8n's validateFieldType: its messages do not name the field as the editor shows it, and it
 * knows no lists of IDs. The checks get the node's properties from `bindFieldTypes`, called by
 * `withCustomApiCall` once the description is complete.
 */

/**
 * How the vendor types a value. `list`: IDs or texts sent as strings (an array, or comma-separated
 * in a text field); `object`/`objectList`: a JSON object or a list of them (text: parsed later).
 */
export type VendorType =
	| 'string'
	| 'number'
	| 'integer'
	| 'boolean'
	| 'list'
	| 'object'
	| 'objectList';

/** Declares with a field the type its vendor gives its value, where its n8n type does not say it. */
export function sentAs<T extends INodeProperties>(vendorType: VendorType, property: T): T {
	return { ...property, typeOptions: { ...property.typeOptions, vendorType } };
}

/** The vendor type of a field's value; undefined for what holds no value (collections, notices). */
export function vendorTypeOf(property: INodeProperties): VendorType | undefined {
	const declared = property.typeOptions?.vendorType as VendorType | undefined;
	if (declared) return declared;
	switch (property.type) {
		case 'string':
			return property.typeOptions?.multipleValues ? 'list' : 'string';
		case 'number':
		case 'boolean':
			return property.type;
		case 'options': {
			const values = ((property.options ?? []) as INodePropertyOptions[]).map(({ value }) => value);
			return values.length && values.every((value) => typeof value === 'number')
				? 'number'
				: 'string';
		}
		case 'multiOptions':
			return 'list';
		case 'resourceLocator':
		case 'dateTime':
		case 'color':
			return 'string';
		case 'json':
			return 'object';
		default:
			return undefined;
	}
}

const KIND: Record<VendorType, string> = {
	string: 'text',
	number: 'a number',
	integer: 'a whole number',
	boolean: 'true or false',
	list: 'a list of values or comma-separated text',
	object: 'a JSON object',
	objectList: 'a list of JSON objects',
};

/** What a field expects, in the words of its error. */
function expected(property: INodeProperties, type: VendorType): string {
	if (property.type === 'options') return 'one of its choices';
	if (property.type === 'resourceLocator' && type === 'string') return 'an ID';
	return KIND[type];
}

function described(value: unknown): string {
	if (Array.isArray(value)) return `a list (${shortJson(value)})`;
	if (value && typeof value === 'object') return `an object (${shortJson(value)})`;
	if (typeof value === 'boolean') return `true or false (${String(value)})`;
	if (typeof value === 'number') return `a number (${String(value)})`;
	return `the text ${shortJson(value)}`;
}

function hintFor(value: unknown, type: VendorType): string {
	if (value && typeof value === 'object') {
		return 'Point the expression at one field of the item, e.g. {{ $json.id }} rather than {{ $json }}.';
	}
	if (type === 'number' || type === 'integer') {
		return 'Give a number, or text holding only a number, e.g. {{ $json.count }}.';
	}
	if (type === 'boolean') return 'Give true or false, e.g. {{ $json.active === "yes" }}.';
	return 'Give the value the field describes.';
}

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
const WHOLE = /^[-+]?\d+$/;

function asNumber(value: unknown, whole: boolean): number | undefined {
	if (typeof value === 'number') {
		return Number.isFinite(value) && (!whole || Number.isInteger(value)) ? value : undefined;
	}
	if (typeof value === 'string' && (whole ? WHOLE : DECIMAL).test(value.trim())) {
		return Number(value.trim());
	}
	return undefined;
}

const NOT_TYPED = Symbol('not typed');

/** `value` as `type` says, or NOT_TYPED when it is of a kind the type does not take. */
function typed(
	ctx: NodeContext,
	property: INodeProperties,
	type: VendorType,
	value: unknown,
): unknown {
	// Empty values are the field's own business (a required field's check, an optional one left out).
	if (value === undefined || value === null) return value;
	const blank = typeof value === 'string' && value.trim() === '';
	switch (type) {
		case 'string':
			if (typeof value === 'string') return value;
			if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
				return String(value);
			}
			return NOT_TYPED;
		case 'number':
		case 'integer':
			if (blank) return value;
			return asNumber(value, type === 'integer') ?? NOT_TYPED;
		case 'boolean': {
			if (typeof value === 'boolean' || blank) return value;
			const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
			return text === 'true' ? true : text === 'false' ? false : NOT_TYPED;
		}
		case 'list': {
			const list = toStringList(ctx, property.displayName, value);
			// A text field (comma-separated) keeps holding text; a multi-select, a list.
			return property.type === 'string' && !property.typeOptions?.multipleValues
				? list.join(',')
				: list;
		}
		case 'object':
			return typeof value === 'string' || isObject(value) ? value : NOT_TYPED;
		case 'objectList':
			return typeof value === 'string' || (Array.isArray(value) && value.every(isObject))
				? value
				: NOT_TYPED;
	}
}

/** `value` of a field as its vendor types it; a value of another kind is refused, naming the field. */
function typedValue(ctx: NodeContext, property: INodeProperties, value: unknown): unknown {
	const type = vendorTypeOf(property);
	if (!type) return value;
	const result = typed(ctx, property, type, value);
	if (result !== NOT_TYPED) return result;
	throw inputError(
		ctx,
		property.displayName,
		`expects ${expected(property, type)}, but the expression gave ${described(value)}`,
		hintFor(value, type),
	);
}

/** Whether a raw parameter value holds an expression (anywhere inside, for lists and collections). */
function hasExpression(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=');
	if (Array.isArray(raw)) return raw.some(hasExpression);
	if (raw && typeof raw === 'object') return Object.values(raw).some(hasExpression);
	return false;
}

/** Whether n8n's editor shows the field for the current parameters (as an AI tool or not). */
function isShown(node: INode, property: INodeProperties): boolean {
	// `@tool` conditions read the node type's name; the node's own type names its variant.
	const description = { name: node.type } as INodeTypeDescription;
	return NodeHelpers.displayParameter(node.parameters, property, node, description);
}

/** A field whose value changed when typed, and its new value (to put where n8n put the raw one). */
type Retyped = Array<[INodeProperties, unknown]>;

/**
 * A field's value (inner fields too) as the vendor types it: a copy if changed. Only expression
 * values are typed; the editor stores a typed-in value with the field's type already.
 */
function typedField(
	ctx: NodeContext,
	property: INodeProperties,
	raw: unknown,
	value: unknown,
	retyped: Retyped,
): unknown {
	if (!hasExpression(raw)) return value;
	if (property.type === 'collection') {
		if (!isObject(value) || !isObject(raw)) return value;
		let copy: IDataObject | undefined;
		for (const option of (property.options ?? []) as INodeProperties[]) {
			if (!(option.name in value)) continue;
			const inner = typedField(ctx, option, raw[option.name], value[option.name], retyped);
			if (inner !== value[option.name]) (copy ??= { ...value })[option.name] = inner as never;
		}
		return copy ?? value;
	}
	if (property.type === 'fixedCollection') {
		if (!isObject(value) || !isObject(raw)) return value;
		let copy: IDataObject | undefined;
		for (const group of (property.options ?? []) as INodePropertyCollection[]) {
			const entries = value[group.name];
			if (!entries || typeof entries !== 'object') continue;
			const rawEntries = raw[group.name];
			const list = Array.isArray(entries) ? entries : [entries];
			const rawList = Array.isArray(rawEntries) ? rawEntries : [rawEntries];
			let changed = false;
			const typedEntries = list.map((entry: unknown, index: number) => {
				if (!isObject(entry)) return entry;
				const rawEntry = rawList[index];
				let entryCopy: IDataObject | undefined;
				for (const inner of group.values ?? []) {
					if (!(inner.name in entry)) continue;
					const before = entry[inner.name];
					const after = typedField(
						ctx,
						inner,
						isObject(rawEntry) ? rawEntry[inner.name] : undefined,
						before,
						retyped,
					);
					if (after !== before) (entryCopy ??= { ...entry })[inner.name] = after as never;
				}
				if (entryCopy) changed = true;
				return entryCopy ?? entry;
			});
			if (changed) {
				(copy ??= { ...value })[group.name] = (
					Array.isArray(entries) ? typedEntries : typedEntries[0]
				) as never;
			}
		}
		return copy ?? value;
	}
	const result = typedValue(ctx, property, value);
	if (result !== value) retyped.push([property, result]);
	return result;
}

/**
 * A copy of `options` with `value` in the query or the body at `path` (nested objects made as
 * needed); undefined takes the value out. `onlyWhereSet`: change only a value already there.
 */
export function withValueAt(
	options: IHttpRequestOptions,
	type: 'query' | 'body',
	path: string[],
	value: unknown,
	{ onlyWhereSet = false } = {},
): IHttpRequestOptions {
	const key = type === 'query' ? 'qs' : 'body';
	const current = options[key];
	if (onlyWhereSet && !isObject(current)) return options;
	const target: IDataObject = { ...((current as IDataObject | undefined) ?? {}) };
	let node = target;
	for (const step of path.slice(0, -1)) {
		if (onlyWhereSet && !isObject(node[step])) return options;
		node[step] = { ...((node[step] as IDataObject | undefined) ?? {}) };
		node = node[step] as IDataObject;
	}
	const last = path[path.length - 1];
	if (onlyWhereSet && node[last] === undefined) return options;
	if (value === undefined) delete node[last];
	else node[last] = value as IDataObject[string];
	return { ...options, [key]: target };
}

/** `options` with `value` where n8n put the field's raw value (`routing.send` to body or query). */
function placed(
	options: IHttpRequestOptions,
	property: INodeProperties,
	value: unknown,
): IHttpRequestOptions {
	const send = property.routing?.send;
	const name = send?.property;
	if (!name || name.startsWith('=') || send.value !== undefined) return options;
	if (send.type !== 'body' && send.type !== 'query') return options;
	const path = send.propertyInDotNotation === false ? [name] : name.split('.');
	return withValueAt(options, send.type, path, value, { onlyWhereSet: true });
}

/** Types every field shown for the current operation whose value holds an expression. */
function typeShownFields(
	ctx: IExecuteSingleFunctions,
	properties: INodeProperties[],
	options: IHttpRequestOptions,
): IHttpRequestOptions {
	const node = ctx.getNode();
	const parameters = node.parameters;
	let result = options;
	for (const property of properties) {
		if (!(property.name in parameters) || !isShown(node, property)) continue;
		const raw = parameters[property.name];
		if (!hasExpression(raw)) continue;
		const value = itemParameter(ctx, property.name);
		const retyped: Retyped = [];
		const typedParameter = typedField(ctx, property, raw, value, retyped);
		if (typedParameter === value) continue;
		typedItemParameter(ctx, property.name, typedParameter);
		for (const [field, fieldValue] of retyped) result = placed(result, field, fieldValue);
	}
	return result;
}

const nodeProperties = new WeakMap<PreSendAction, INodeProperties[]>();
const checks = new WeakSet<PreSendAction>();

/** The first preSend of every operation (see the note at the top). */
export function checkFieldTypes(): PreSendAction {
	const check: PreSendAction = async function (
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	) {
		const properties = nodeProperties.get(check);
		return properties ? typeShownFields(this, properties, options) : options;
	};
	checks.add(check);
	return check;
}

/** The checks of preSend actions that run a check among others. */
const checkOf = new WeakMap<PreSendAction, PreSendAction>();

/** `action`, known to run `check` (so that `bindFieldTypes` finds it); returned. */
export function checkedAs(action: PreSendAction, check: PreSendAction): PreSendAction {
	checkOf.set(action, check);
	return action;
}

/** Hands a node's complete properties to the type checks of its operations; returns them. */
export function bindFieldTypes(properties: INodeProperties[]): INodeProperties[] {
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		for (const option of (property.options ?? []) as INodePropertyOptions[]) {
			for (const action of option.routing?.send?.preSend ?? []) {
				const check = checks.has(action) ? action : checkOf.get(action);
				if (check) nodeProperties.set(check, properties);
			}
		}
	}
	return properties;
}
