import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
	PreSendAction,
} from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';
import { InputError } from './engine/inputError';
import { PerItem } from './engine/perItem';

export { InputError };

/** Any node context: an operation's (with an item index) or a trigger's hook or webhook. */
export interface NodeContext {
	getNode(): INode;
	getItemIndex?: () => number;
}

/** Error for bad user input, raised before any request is sent. */
export function inputError(
	ctx: NodeContext,
	field: string,
	problem: string,
	description?: string,
): InputError {
	return new InputError(ctx.getNode(), `${field}: ${problem}`, {
		itemIndex: ctx.getItemIndex?.(),
		description,
	});
}

/** A JSON object: not null, not a list. */
export function isObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function isBlank(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

/*
 * n8n evaluates a mapped parameter anew on every getNodeParameter call, each time in a new
 * expression context: the main per-item cost of a declarative node. Several preSend steps of one
 * item read the same parameters (the type checks, the path, a field's own check, each optional
 * field its Additional Fields), so they read them here, and each is evaluated once per item.
 * Kept per item (engine/perItem.ts). The value is shared: readers must not change it.
 *
 * The type checks (fieldTypes.ts), the first of those steps, put back each value an expression
 * gave as the vendor types it (`typedItemParameter`): every later read of that parameter, or of
 * a field inside it (`additionalFields.companyName`), gets the typed value.
 */
const itemValues = new PerItem<Map<string, unknown>>();
const typedParameters = new PerItem<Map<string, unknown>>();

function valuesOf(ctx: object): Map<string, unknown> {
	return itemValues.of(ctx, () => new Map());
}

/** The parts of a parameter path: `grants.grant[0].action` → grants, grant, 0, action. */
function pathParts(name: string): string[] {
	return name.split(/[.[\]]/).filter((part) => part !== '');
}

/** The value of a field inside a typed parameter, or `missing` when the parameter is not typed. */
function insideTyped(ctx: object, name: string, missing: symbol): unknown {
	const [head, ...rest] = pathParts(name);
	const typed = typedParameters.get(ctx);
	if (!rest.length || !typed?.has(head)) return missing;
	let value = typed.get(head);
	for (const part of rest) {
		value = value && typeof value === 'object' ? (value as IDataObject)[part] : undefined;
	}
	return value;
}

const UNTYPED = Symbol('untyped');

/**
 * The value of the parameter `name` (a dotted path for a field in a collection; a resource
 * locator resolved to its value) for the current item, evaluated once per item. `fallback`:
 * for a parameter the node has no value for (the first read's fallback is kept).
 */
export function itemParameter(
	ctx: Pick<IExecuteSingleFunctions, 'getNodeParameter'>,
	name: string,
	fallback?: unknown,
): unknown {
	const values = valuesOf(ctx);
	if (!values.has(name)) {
		const inside = insideTyped(ctx, name, UNTYPED);
		values.set(
			name,
			inside === UNTYPED
				? ctx.getNodeParameter(name, fallback, { extractValue: true })
				: (inside ?? fallback),
		);
	}
	return values.get(name);
}

/**
 * Puts back the value of the top-level parameter `name` for the current item, as the vendor
 * types it: later reads of the parameter and of the fields inside it get `value`.
 */
export function typedItemParameter(ctx: object, name: string, value: unknown): void {
	const values = valuesOf(ctx);
	for (const key of [...values.keys()]) {
		if (pathParts(key)[0] === name) values.delete(key);
	}
	values.set(name, value);
	typedParameters.of(ctx, () => new Map()).set(name, value);
}

/** Reads a parameter (resource locators resolved to their value) and fails when it is empty. */
export function requiredValue(ctx: IExecuteSingleFunctions, name: string, label: string): unknown {
	const value = itemParameter(ctx, name);
	if (isBlank(value)) throw inputError(ctx, label, 'a value is required');
	return value;
}

/** What the nodes accept as an email address (the vendors check it properly). */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface RequiredParameter {
	name: string;
	label: string;
	/** `pathSegment`: the value is put into the URL path, where "." and ".." would move the request elsewhere. */
	format?: 'email' | 'pathSegment';
}

/**
 * Reads the named parameters (each once), checks that they are filled in (emails: that they
 * look like one; path segments: that they are not "." or "..") and returns their values.
 */
export function requiredValues(
	ctx: IExecuteSingleFunctions,
	parameters: RequiredParameter[],
): unknown[] {
	return parameters.map(({ name, label, format }) => {
		const value = requiredValue(ctx, name, label);
		if (format === 'email' && !EMAIL.test(String(value).trim())) {
			throw inputError(ctx, label, `"${String(value)}" is not a valid email address`);
		}
		// URL parsers resolve "." and ".." segments even when percent-encoded.
		if (format === 'pathSegment' && /^\.\.?$/.test(String(value))) {
			throw inputError(ctx, label, `"${String(value)}" is not a valid value`);
		}
		return value;
	});
}

/** Replaces every occurrence of the string `from` among the values of `data`, in place. */
function replaceValue(data: unknown, from: unknown, to: string): void {
	if (!data || typeof data !== 'object') return;
	const record = data as Record<string, unknown>;
	for (const key of Object.keys(record)) {
		if (record[key] === from) record[key] = to;
		else replaceValue(record[key], from, to);
	}
}

/** preSend check that the named parameters are filled in (and, for emails, look like one). */
export function requireParameters(parameters: RequiredParameter[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const values = requiredValues(this, parameters);
		parameters.forEach(({ format }, index) => {
			const value = values[index];
			const email = String(value).trim();
			// Spaces around an address (common in sheet data) are dropped, not sent.
			if (format === 'email' && email !== value) replaceValue(options.body, value, email);
		});
		return options;
	};
}

/** Parses a JSON parameter that may arrive as text (typed by the user) or already as data (expressions). */
export function parseJson(ctx: IExecuteSingleFunctions, value: unknown, label: string): unknown {
	if (typeof value !== 'string') return value;
	// Not n8n's jsonParse: the error names the field and keeps the parser's position.
	try {
		return JSON.parse(value);
	} catch (error) {
		throw inputError(ctx, label, `is not valid JSON (${(error as Error).message})`);
	}
}

/** What `jsonParse` gives for text that is not JSON. */
const NOT_JSON = Symbol('not JSON');

/** An object or a list among a list's entries (or as the list). */
function isStructured(value: unknown): boolean {
	return value !== null && typeof value === 'object';
}

/** A value shortened for an error message: JSON, at most 60 characters. */
export function shortJson(value: unknown): string {
	let text: string;
	try {
		text = JSON.stringify(value) ?? String(value);
	} catch {
		text = String(value);
	}
	return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * A list field's value (a list of IDs or texts) as a trimmed array of non-empty strings: a
 * multi-select array, a JSON array, comma/newline-separated text (what a user or an AI tool most
 * often types) or a single number. Numbers and true/false become their text; an object, or a list
 * holding one, is refused naming the field (it would be sent as "[object Object]").
 */
export function toStringList(ctx: NodeContext, label: string, value: unknown): string[] {
	let list: unknown[];
	if (Array.isArray(value)) list = value;
	else if (typeof value === 'string' && value.trim().startsWith('[')) {
		const parsed = jsonParse<unknown>(value, { fallbackValue: NOT_JSON });
		list = parsed === NOT_JSON ? value.split(/[,\n]/) : Array.isArray(parsed) ? parsed : [value];
	} else if (typeof value === 'string') list = value.split(/[,\n]/);
	else if (value === undefined || value === null) list = [];
	else list = [value];
	const single = isStructured(value) && !Array.isArray(value);
	if (single || list.some(isStructured)) {
		const what = single ? 'an object' : 'a list with an object or a list in it';
		throw inputError(
			ctx,
			label,
			`expects a list of values or comma-separated text, but the expression gave ${what} (${shortJson(value)})`,
			'Give the IDs themselves, e.g. {{ $json.roles.map(role => role.id) }} rather than {{ $json.roles }}.',
		);
	}
	return list
		.filter((entry) => entry !== undefined && entry !== null)
		.map((entry) => String(entry).trim())
		.filter((entry) => entry !== '');
}
