import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
	PostReceiveAction,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * The one place where ExorLive answers the docs do not describe are interpreted. Assumed:
 *
 * 1. A body can be JSON text, a bare JSON string or number (ASP.NET Web API returning a `string`
 *    or `int`), an object or an array; text that is not JSON is a plain string value.
 * 2. WCF services (`*.svc`) wrap results as `{"d": …}`, often `{"d": {"Data": …}}`; both wrappers
 *    are removed. (Documented for the legacy V1 services, assumed for GetAuthKey.)
 * 3. A single result (invitation link, admin user id, auth key, new id) comes bare or as a field
 *    of an object; the field names tried are listed where the result is read.
 * 4. A list can come as an array, a single object, or null/empty for "none".
 * 5. An admin user id of 0 or null means the organization has not approved access yet.
 */
export function unwrap(body: unknown): unknown {
	let value = body;
	if (typeof value === 'string') {
		const text = value.trim();
		try {
			value = text === '' ? undefined : JSON.parse(text);
		} catch {
			value = text;
		}
	}
	if (value && typeof value === 'object' && !Array.isArray(value)) {
		const record = value as IDataObject;
		const keys = Object.keys(record).filter((key) => key !== '__type');
		if (keys.length === 1 && keys[0] === 'd') {
			const inner = record.d;
			const isData = inner && typeof inner === 'object' && !Array.isArray(inner) && 'Data' in inner;
			value = isData ? (inner as IDataObject).Data : inner;
		}
	}
	return value;
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		value === '' ||
		(Array.isArray(value) && value.length === 0) ||
		(typeof value === 'object' && Object.keys(value as object).length === 0)
	);
}

/** A single value: the bare body, or the first of `keys` (any letter case) in an object. */
export function scalarIn(body: unknown, keys: string[]): string | number | undefined {
	const value = unwrap(body);
	if (typeof value === 'string' || typeof value === 'number') return value;
	if (Array.isArray(value) && value.length === 1) return scalarIn(value[0], keys);
	if (value && typeof value === 'object') {
		const record = value as IDataObject;
		const wanted = keys.map((key) => key.toLowerCase());
		for (const key of wanted) {
			const found = Object.keys(record).find((name) => name.toLowerCase() === key);
			const inner = found === undefined ? undefined : record[found];
			if (typeof inner === 'string' || typeof inner === 'number') return inner;
		}
	}
	return undefined;
}

/** The records of a list answer (assumption 4); scalars in a list become `{ value }`. */
export function recordsIn(body: unknown): IDataObject[] {
	const value = unwrap(body);
	if (isEmpty(value)) return [];
	const list = Array.isArray(value) ? value : [value];
	return list.map((entry) =>
		entry && typeof entry === 'object' && !Array.isArray(entry)
			? (entry as IDataObject)
			: ({ value: entry } as IDataObject),
	);
}

/** Default output: one item per record; an empty answer becomes `empty` (or nothing). */
export function toItems(empty: IDataObject | null = { success: true }): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	) {
		const records = recordsIn(response.body);
		if (!records.length) return empty ? [{ json: { ...empty } }] : [];
		return records.map((json) => ({ json }));
	};
}

export function unexpectedAnswer(
	ctx: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
	what: string,
	{ message }: { message?: string } = {},
): NodeApiError {
	const body = unwrap(response.body);
	return new NodeApiError(ctx.getNode(), { body: typeof body === 'object' ? body : String(body) } as JsonObject, {
		message: message ?? `ExorLive's answer holds no ${what}`,
		description: 'The response shape is not documented; the raw answer is in the error details.',
		httpCode: String(response.statusCode),
		itemIndex: ctx.getItemIndex(),
	});
}

export interface ValueSpec {
	/** Output field, e.g. `invitationLink`. */
	key: string;
	/** Field names tried when the answer is an object (assumption 3). */
	candidates: string[];
	numeric?: boolean;
	/** The value must be an http(s) URL (a link to open). */
	url?: boolean;
	/** Input fields copied into the output item so a chain keeps its context. */
	context?: (ctx: IExecuteSingleFunctions) => IDataObject;
}

/** Output `{ [key]: value, ...context }` from an answer that is a single value. */
export function toValue(spec: ValueSpec): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	) {
		const raw = scalarIn(response.body, spec.candidates);
		const value = spec.numeric && raw !== undefined && raw !== '' ? Number(raw) : raw;
		if (value === undefined || value === '' || (spec.numeric && !Number.isFinite(value))) {
			throw unexpectedAnswer(this, response, spec.key);
		}
		if (spec.url && !/^https?:\/\/\S+$/i.test(String(value).trim())) {
			throw unexpectedAnswer(this, response, `http(s) URL in ${spec.key}`, {
				message: /^\s*</.test(String(value))
					? 'ExorLive answered with an HTML page instead of the URL to open'
					: `ExorLive's answer is not an http(s) URL`,
			});
		}
		return [{ json: { [spec.key]: value, ...(spec.context?.(this) ?? {}) } }];
	};
}
