import type { Show } from '../shared/fieldBuilders';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';
import { EMAIL, inputError, isBlank, parseJson, toStringList } from '../shared/validation';
import { ACT_AS } from './client';

export function actAsField(show: Show, required: boolean): INodeProperties {
	return {
		displayName: 'Act As User ID',
		name: ACT_AS,
		type: 'string',
		default: '',
		...(required ? { required: true } : {}),
		placeholder: 'e.g. 12345',
		// Shown under the field, where the description only shows on hover.
		hint: required
			? 'The contact whose ExorLive Go data this is'
			: "Empty: the credential's Admin User ID. To work in a customer organization, its admin user ID (from Request API Access).",
		description: required
			? 'ExorLive user ID of the contact whose ExorLive Go data this is. The node gets a token for this user with the credential.'
			: "ExorLive user ID to act as, e.g. the admin user of a customer organization (from Request API Access). Empty: the credential's Admin User ID.",
		displayOptions: { show },
	};
}

/**
 * One input of an operation, described once: the builder turns it into the UI field (required
 * fields on top, optional ones in "Additional Fields") and into the check and placement of its
 * value in the request. ExorLive has a few hundred such inputs; this keeps each operation a table.
 */
export interface FieldSpec {
	/** Parameter name, stored in saved workflows. Never rename. */
	name: string;
	label: string;
	/** `list`: comma-separated text or an array, sent as an array; `json`: an object merged in. */
	type: 'string' | 'number' | 'boolean' | 'options' | 'list' | 'json';
	/** Where the value goes; a dotted body path nests (`query.Location`). Omit when code uses it. */
	send?: { in: 'query' | 'body'; property: string };
	/** Sends numbers and booleans as strings (ExorLive's legacy V1 services take string values). */
	asString?: boolean;
	/** Required fields show on top (a required boolean is always sent); others in Additional Fields. */
	required?: boolean;
	/** Extra checks besides "required". */
	check?: 'positive' | 'date' | 'email' | 'url';
	default?: string | number | boolean;
	description?: string;
	placeholder?: string;
	options?: INodePropertyOptions[];
	typeOptions?: { password: true };
	/** A required field shown only for these values of other fields (added to the operation's). */
	showWhen?: Show;
}

/** A field sent under its own name with a capital first letter (ExorLive's PascalCase members). */
export function pascalField(
	where: 'query' | 'body',
	name: string,
	label: string,
	type: FieldSpec['type'],
	extra: Partial<FieldSpec> = {},
): FieldSpec {
	const property = name.charAt(0).toUpperCase() + name.slice(1);
	return { name, label, type, send: { in: where, property }, ...extra };
}

/** A required ExorLive id (user, workout, template …): a positive whole number. */
export function requiredId(
	name: string,
	label: string,
	send: FieldSpec['send'],
	extra: Partial<FieldSpec> = {},
): FieldSpec {
	return { name, label, type: 'number', required: true, check: 'positive', send, ...extra };
}

/** ExorLive's user roles (SetUser's and LookupUser's `Role`). */
export const ROLE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Administrator', value: 2 },
	{ name: 'Assistant', value: 256 },
	{ name: 'Contact', value: 0, description: 'A contact-list entry without login' },
	{ name: 'Contact With Login', value: 16, description: 'Can use ExorLive Go' },
	{ name: 'Instructor', value: 8 },
];

export const GENDER_OPTIONS = [
	{ name: 'Female', value: 2 },
	{ name: 'Male', value: 1 },
	{ name: 'Unknown', value: 0 },
];

/** The workout id of the Go client and Workout Exporter calls (`?workoutId=`). */
export const workoutIdField = requiredId('workoutId', 'Workout ID', {
	in: 'query',
	property: 'workoutId',
});

/** Tags as the Go client and plan template calls take them (`?tags=`). */
export const tagsField: FieldSpec = {
	name: 'tags',
	label: 'Tags',
	type: 'string',
	required: true,
	send: { in: 'query', property: 'tags' },
	description: 'Tags to match, as ExorLive expects them (e.g. comma-separated)',
};

const DEFAULTS = { string: '', number: 0, boolean: false, list: '', json: '{}' };

function fieldProperty(spec: FieldSpec): INodeProperties {
	const type = spec.type === 'list' ? 'string' : spec.type;
	return {
		displayName: spec.label,
		name: spec.name,
		type,
		default:
			spec.default ??
			(spec.type === 'options' ? String(spec.options?.[0]?.value ?? '') : DEFAULTS[spec.type]),
		...(spec.required ? { required: true } : {}),
		...(spec.description ? { description: spec.description } : {}),
		...(spec.placeholder ? { placeholder: spec.placeholder } : {}),
		...(spec.options ? { options: spec.options } : {}),
		...(spec.typeOptions ? { typeOptions: spec.typeOptions } : {}),
		...(spec.type === 'list' && !spec.description
			? { description: 'Comma-separated values, or an array from an expression' }
			: {}),
	};
}

const byName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

/** The UI fields of one operation: required ones on top, the rest in "Additional Fields". */
export function fieldProperties(show: Show, specs: FieldSpec[]): INodeProperties[] {
	const required = specs.filter((spec) => spec.required);
	const optional = specs.filter((spec) => !required.includes(spec));
	return [
		...required.map((spec) => ({
			...fieldProperty(spec),
			displayOptions: { show: { ...show, ...spec.showWhen } },
		})),
		...(optional.length
			? [
					{
						displayName: 'Additional Fields',
						name: 'additionalFields',
						type: 'collection' as const,
						placeholder: 'Add Field',
						default: {},
						displayOptions: { show },
						options: optional.map(fieldProperty).sort(byName),
					},
				]
			: []),
	];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function setPath(target: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		if (!node[key] || typeof node[key] !== 'object') node[key] = {};
		node = node[key] as IDataObject;
	}
	node[keys[keys.length - 1]] = value as IDataObject[string];
}

/** Checks one value and converts it to what goes on the wire; undefined = leave it out. */
export function wireValue(ctx: IExecuteSingleFunctions, spec: FieldSpec, raw: unknown): unknown {
	const { label } = spec;
	if (spec.type === 'boolean') {
		if (raw === undefined && !spec.required) return undefined;
		return spec.asString ? String(raw === true) : raw === true;
	}
	if (isBlank(raw)) {
		if (spec.required) throw inputError(ctx, label, 'a value is required');
		return undefined;
	}
	switch (spec.type) {
		case 'number': {
			const value = Number(raw);
			if (!Number.isFinite(value)) throw inputError(ctx, label, `"${String(raw)}" is not a number`);
			if (spec.check === 'positive' && !(Number.isInteger(value) && value > 0)) {
				throw inputError(ctx, label, `must be a positive whole number, not ${String(raw)}`);
			}
			return spec.asString ? String(value) : value;
		}
		case 'options': {
			// Expressions and AI tools can give any text: only the offered choices are sent.
			const values = (spec.options ?? []).map((option) => option.value);
			if (values.length && !values.some((value) => String(value) === String(raw))) {
				throw inputError(ctx, label, `"${String(raw)}" is not one of ${values.join(', ')}`);
			}
			return raw;
		}
		case 'list':
			return toStringList(raw);
		case 'json': {
			const value = parseJson(ctx, raw, label);
			if (!value || typeof value !== 'object' || Array.isArray(value)) {
				throw inputError(ctx, label, 'must be a JSON object');
			}
			return value;
		}
		default: {
			const value = String(raw).trim();
			if (spec.check === 'date' && !DATE.test(value)) {
				throw inputError(ctx, label, `"${value}" is not a date in the form YYYY-MM-DD`);
			}
			if (spec.check === 'email' && !EMAIL.test(value)) {
				throw inputError(ctx, label, `"${value}" is not a valid email address`);
			}
			if (spec.check === 'url' && !/^https?:\/\/[^\s/]+/i.test(value)) {
				throw inputError(ctx, label, `"${value}" is not an http(s) URL`);
			}
			return value;
		}
	}
}

/** Reads a field's value, wherever the builder put it (top level or Additional Fields). */
export function fieldValue(ctx: IExecuteSingleFunctions, spec: FieldSpec): unknown {
	if (spec.required) {
		return wireValue(ctx, spec, ctx.getNodeParameter(spec.name, spec.default));
	}
	const additional = ctx.getNodeParameter('additionalFields', {}) as IDataObject;
	return wireValue(ctx, spec, additional[spec.name]);
}

/**
 * preSend of every operation: checks all fields before anything is sent, then places the values.
 * A POST with no body fields still sends `{}`, which ExorLive's JSON services expect.
 */
export function applyFields(specs: FieldSpec[], method: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const qs: IDataObject = { ...(options.qs ?? {}) };
		const body: IDataObject = { ...((options.body as IDataObject | undefined) ?? {}) };
		for (const spec of specs) {
			const value = fieldValue(this, spec);
			if (value === undefined || !spec.send) continue;
			const target = spec.send.in === 'query' ? qs : body;
			if (spec.type === 'json' && !spec.send.property) Object.assign(target, value);
			else setPath(target, spec.send.property, value);
		}
		const emptyPost = method === 'POST' && Object.keys(body).length === 0;
		return { ...options, qs, body: emptyPost ? '{}' : body };
	};
}
