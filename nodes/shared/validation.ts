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

/*
 * Why: user input is checked before anything is sent, and errors name the field as the editor
 * shows it. Parameters are read once per item: n8n evaluates a mapped parameter anew, in a new
 * expression context, on every getNodeParameter call (the main per-item cost of a declarative
 * node), and several preSend steps read the same ones. Values are kept per item
 * (engine/perItem.ts) and shared, so readers must not change them. The type checks
 * (fieldTypes.ts) put typed values back (`typedItemParameter`); later reads of the parameter, or
 * of a field inside it (`additionalFields.companyName`), get the typed value.
 */

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
 * The current item's value of `name` (a dotted path inside a collection; resource locators
 * resolved), evaluated once. `fallback`: for an unset parameter (the first read's is kept).
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

/** Puts back the typed value of top-level parameter `name` for later reads of it and its fields. */
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

/** The named parameters, checked: filled in, emails like one, path segments not "." or "..". */
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

/** The `fallbackValue` given to n8n's `jsonParse`: what it returns for text that is not JSON. */
export const NOT_JSON = Symbol('not JSON');

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
 * A list field's value (array, JSON array, comma/newline-separated text or one value) as trimmed
 * non-empty strings. Objects, also inside it, are refused (they would go out as "[object Object]").
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
