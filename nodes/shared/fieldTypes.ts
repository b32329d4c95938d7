import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';
import { inputError, itemParameter } from './validation';

/*
 * An expression can give any value, also where a field takes text, a number or an ID: `{{ $json
 * }}` in an ID field would be sent as "[object Object]" in a path, as `token[a]=1` in a query,
 * as `{"a":1}` in a body. The operation builder adds `checkFieldTypes` to every operation: it
 * reads each field the operation shows whose value is an expression, by the field's type in the
 * node's description, and refuses an object (or, where no list is taken, an array) before
 * anything is sent. The node's properties are handed to the checks once the description is
 * complete (`bindFieldTypes`, called by `withCustomApiCall`, which every node's description
 * ends with).
 */

/** Field types that take one plain value. */
const SCALAR_TYPES = new Set([
	'string',
	'number',
	'options',
	'resourceLocator',
	'boolean',
	'dateTime',
]);

const KIND: Record<string, string> = {
	string: 'text',
	number: 'a number',
	boolean: 'true or false',
	options: 'one of its choices',
	resourceLocator: 'an ID',
	dateTime: 'a date',
};

const nodeProperties = new WeakMap<PreSendAction, INodeProperties[]>();
const checks = new WeakSet<PreSendAction>();

function isExpression(raw: unknown): boolean {
	if (typeof raw === 'string') return raw.startsWith('=');
	if (raw && typeof raw === 'object' && '__rl' in raw)
		return isExpression((raw as IDataObject).value);
	return false;
}

function isScalar(value: unknown): boolean {
	return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function shortJson(value: unknown): string {
	let text: string;
	try {
		text = JSON.stringify(value) ?? String(value);
	} catch {
		text = String(value);
	}
	return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Whether the field is shown for the current parameters (resource, operation and the like). */
function isShown(parameters: INodeParameters, property: INodeProperties, version: number): boolean {
	const { show, hide } = property.displayOptions ?? {};
	const valueOf = (key: string) => (key === '@version' ? version : parameters[key]);
	const matches = (key: string, wanted: unknown[]) => {
		const value = valueOf(key);
		// Conditions (`_cnd`) and expression values: counted as matching.
		if (wanted.some((entry) => entry && typeof entry === 'object')) return true;
		if (typeof value === 'string' && value.startsWith('=')) return true;
		return wanted.includes(value as never);
	};
	for (const [key, wanted] of Object.entries(show ?? {})) {
		if (Array.isArray(wanted) && !matches(key, wanted)) return false;
	}
	for (const [key, wanted] of Object.entries(hide ?? {})) {
		if (Array.isArray(wanted) && matches(key, wanted)) return false;
	}
	return true;
}

function checkValue(
	ctx: IExecuteSingleFunctions,
	path: string,
	property: INodeProperties,
	raw: unknown,
): void {
	if (!SCALAR_TYPES.has(property.type) || !isExpression(raw)) return;
	const value = itemParameter(ctx, path);
	if (isScalar(value) || value === undefined) return;
	// Text fields that take several values accept a list of plain values (sent comma-separated
	// or as an array, as the field describes).
	if (property.type === 'string' && Array.isArray(value) && value.every(isScalar)) return;
	const what = Array.isArray(value) ? 'a list' : 'an object';
	throw inputError(
		ctx,
		property.displayName,
		`expects ${KIND[property.type] ?? 'a plain value'}, but the expression gave ${what} (${shortJson(value)})`,
		'Point the expression at one field of the item, e.g. {{ $json.id }} rather than {{ $json }}.',
	);
}

/** Checks every field shown for the current operation whose value is an expression. */
function checkShownFields(ctx: IExecuteSingleFunctions, properties: INodeProperties[]): void {
	const node = ctx.getNode();
	const parameters = node.parameters;
	for (const property of properties) {
		if (!(property.name in parameters) || !isShown(parameters, property, node.typeVersion))
			continue;
		const raw = parameters[property.name];
		if (property.type === 'collection' && raw && typeof raw === 'object') {
			for (const option of (property.options ?? []) as INodeProperties[]) {
				const inner = (raw as IDataObject)[option.name];
				checkValue(ctx, `${property.name}.${option.name}`, option, inner);
			}
		} else if (property.type === 'fixedCollection' && raw && typeof raw === 'object') {
			for (const group of (property.options ?? []) as INodePropertyCollection[]) {
				const entries = (raw as IDataObject)[group.name];
				const list = Array.isArray(entries) ? entries : entries ? [entries] : [];
				list.forEach((entry, index) => {
					const path = Array.isArray(entries)
						? `${property.name}.${group.name}[${index}]`
						: `${property.name}.${group.name}`;
					for (const value of group.values ?? []) {
						checkValue(ctx, `${path}.${value.name}`, value, (entry as IDataObject)?.[value.name]);
					}
				});
			}
		} else checkValue(ctx, property.name, property, raw);
	}
}

/** preSend of every operation (added by the operation builder): see above. */
export function checkFieldTypes(): PreSendAction {
	const check: PreSendAction = async function (
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	) {
		const properties = nodeProperties.get(check);
		if (properties) checkShownFields(this, properties);
		return options;
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
