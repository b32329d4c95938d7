import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	INodeRequestSend,
	PreSendAction,
} from 'n8n-workflow';
import type { Show } from '../shared/fieldBuilders';
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

/** ExorLive's user roles (SetUser's and LookupUser's `Role`). */
export const ROLE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Administrator', value: 2 },
	{ name: 'Assistant', value: 256 },
	{ name: 'Contact', value: 0, description: 'A contact-list entry without login' },
	{ name: 'Contact With Login', value: 16, description: 'Can use ExorLive Go' },
	{ name: 'Instructor', value: 8 },
];

export const GENDER_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Female', value: 2 },
	{ name: 'Male', value: 1 },
	{ name: 'Unknown', value: 0 },
];

// ---------------------------------------------------------------------------------------------
// Checked values

/**
 * How the value of one field is checked and what goes on the wire. ExorLive's services want
 * trimmed text, numbers as numbers (as text for the legacy V1 services) and nothing at all for
 * an optional field left empty; a bad value is the node's input error, before any request.
 */
export interface CheckedValue {
	/** Parameter name; an optional field is read from Additional Fields (`additionalFields`). */
	name: string;
	/** The field's display name, as the error names it. */
	label: string;
	/** `list`: comma-separated text or an array, sent as an array; `json`: a JSON object. */
	type: 'string' | 'number' | 'boolean' | 'options' | 'list' | 'json';
	required?: boolean;
	/** Read when a required field has no saved value (workflows saved before it existed). */
	default?: string | number | boolean;
	check?: 'positive' | 'date' | 'email' | 'url';
	/** The choices an options field offers; any other value (from an expression) is refused. */
	choices?: INodePropertyOptions[];
	/** ExorLive's legacy V1 services take numbers and flags as text. */
	asText?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks one raw value and converts it to what goes on the wire; undefined = leave it out. */
function wireValue(ctx: IExecuteSingleFunctions, field: CheckedValue, raw: unknown): unknown {
	const { label } = field;
	if (field.type === 'boolean') {
		if (raw === undefined && !field.required) return undefined;
		return field.asText ? String(raw === true) : raw === true;
	}
	if (isBlank(raw)) {
		if (field.required) throw inputError(ctx, label, 'a value is required');
		return undefined;
	}
	switch (field.type) {
		case 'number': {
			const value = Number(raw);
			if (!Number.isFinite(value)) throw inputError(ctx, label, `"${String(raw)}" is not a number`);
			if (field.check === 'positive' && !(Number.isInteger(value) && value > 0)) {
				throw inputError(ctx, label, `must be a positive whole number, not ${String(raw)}`);
			}
			return field.asText ? String(value) : value;
		}
		case 'options': {
			// Expressions and AI tools can give any text: only the offered choices are sent.
			const values = (field.choices ?? []).map((option) => option.value);
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
			if (field.check === 'date' && !DATE.test(value)) {
				throw inputError(ctx, label, `"${value}" is not a date in the form YYYY-MM-DD`);
			}
			if (field.check === 'email' && !EMAIL.test(value)) {
				throw inputError(ctx, label, `"${value}" is not a valid email address`);
			}
			if (field.check === 'url' && !/^https?:\/\/[^\s/]+/i.test(value)) {
				throw inputError(ctx, label, `"${value}" is not an http(s) URL`);
			}
			return value;
		}
	}
}

/** The checked wire value of a field (top level when required, else in Additional Fields). */
export function checkedValue(ctx: IExecuteSingleFunctions, field: CheckedValue): unknown {
	if (field.required) {
		return wireValue(ctx, field, ctx.getNodeParameter(field.name, field.default));
	}
	const additional = ctx.getNodeParameter('additionalFields', {}) as IDataObject;
	return wireValue(ctx, field, additional[field.name]);
}

/** Where a value goes: the query or the body, at a property (a dotted body property nests). */
export interface Place {
	type: 'query' | 'body';
	property: string;
}

/** Puts `value` at `place` in a copy of the request; undefined takes it out. */
function placed(options: IHttpRequestOptions, place: Place, value: unknown): IHttpRequestOptions {
	const key = place.type === 'query' ? 'qs' : 'body';
	const target: IDataObject = { ...((options[key] as IDataObject | undefined) ?? {}) };
	const path = place.property.split('.');
	let node = target;
	for (const step of path.slice(0, -1)) {
		node[step] = { ...((node[step] as IDataObject | undefined) ?? {}) };
		node = node[step] as IDataObject;
	}
	const last = path[path.length - 1];
	if (value === undefined) delete node[last];
	else node[last] = value as IDataObject[string];
	return { ...options, [key]: target };
}

/** preSend of a field that is only checked (its value is used by a hook of the operation). */
export function checkValue(field: CheckedValue): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		checkedValue(this, field);
		return options;
	};
}

/**
 * `routing.send` of an ExorLive field: n8n puts the value at `property` of the query or body,
 * and the preSend checks it and puts there what ExorLive expects (trimmed text, a number, text
 * for the V1 services) or takes it out when an optional field is left empty.
 */
export function sendChecked(
	type: Place['type'],
	property: string,
	field: CheckedValue,
): INodeRequestSend {
	const place = { type, property };
	return {
		type,
		property,
		preSend: [
			async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
				return placed(options, place, checkedValue(this, field));
			},
		],
	};
}

/**
 * preSend of a field that several operations send to different places (one definition, so the
 * editor shows it once): the place is looked up by `resource.operation`.
 */
export function sendCheckedPerOperation(
	field: CheckedValue,
	places: Record<string, Place & { asText?: boolean }>,
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const key = `${String(this.getNodeParameter('resource'))}.${String(this.getNodeParameter('operation'))}`;
		const place = places[key];
		const value = checkedValue(this, { ...field, asText: place?.asText });
		return place ? placed(options, place, value) : options;
	};
}

/**
 * preSend of a "More Fields (JSON)" field: its object is merged into the body under the typed
 * fields (a typed field wins over the same key in the JSON).
 */
export function mergeJsonIntoBody(field: CheckedValue): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const value = checkedValue(this, field) as IDataObject | undefined;
		if (value === undefined) return options;
		return { ...options, body: { ...value, ...((options.body as IDataObject) ?? {}) } };
	};
}

// ---------------------------------------------------------------------------------------------
// Fields of several resources

const sendWorkoutId = sendCheckedPerOperation(
	{ name: 'workoutId', label: 'Workout ID', type: 'number', required: true, check: 'positive' },
	{
		'goClient.getWorkout': { type: 'query', property: 'workoutId' },
		'goClient.getActivitiesByWorkout': { type: 'query', property: 'workoutId' },
		'goClient.copyWorkoutToUser': { type: 'body', property: 'WorkoutId' },
		'workoutExport.getWorkoutPdf': { type: 'query', property: 'workoutId' },
		'workoutExport.acknowledgeWorkout': { type: 'query', property: 'workoutId' },
		'legacyWorkout.copyToUser': { type: 'body', property: 'workoutId', asText: true },
	},
);

const sendUserId = sendCheckedPerOperation(
	{ name: 'userId', label: 'User ID', type: 'number', required: true, check: 'positive' },
	{
		'planTemplate.apply': { type: 'body', property: 'UserId' },
		'legacyWorkout.copyToUser': { type: 'body', property: 'userId', asText: true },
	},
);

const sendExerciseId = sendCheckedPerOperation(
	{ name: 'id', label: 'Exercise ID', type: 'number', required: true, check: 'positive' },
	{
		'goClient.setExercise': { type: 'body', property: 'Id' },
		'legacyWorkout.getExercise': { type: 'body', property: 'id', asText: true },
	},
);

/** Workout ID of the Go client, the Workout Exporter and the legacy Copy to User. */
export const workoutIdField = (show: Show): INodeProperties => ({
	displayName: 'Workout ID',
	name: 'workoutId',
	type: 'number',
	default: 0,
	required: true,
	displayOptions: { show },
	routing: { send: { preSend: [sendWorkoutId] } },
});

/** User ID of Apply Plan Template and the legacy Copy to User. */
export const userIdField = (show: Show): INodeProperties => ({
	displayName: 'User ID',
	name: 'userId',
	type: 'number',
	default: 0,
	required: true,
	displayOptions: { show },
	routing: { send: { preSend: [sendUserId] } },
});

/** Exercise ID of the Go client's Update Exercise and the legacy Get Exercise. */
export const exerciseIdField = (show: Show): INodeProperties => ({
	displayName: 'Exercise ID',
	name: 'id',
	type: 'number',
	default: 0,
	required: true,
	displayOptions: { show },
	routing: { send: { preSend: [sendExerciseId] } },
});

const tagsSend = sendChecked('query', 'tags', {
	name: 'tags',
	label: 'Tags',
	type: 'string',
	required: true,
});

/** Tags as the Go client and plan template calls take them (`?tags=`). */
export const tagsField = (show: Show): INodeProperties => ({
	displayName: 'Tags',
	name: 'tags',
	type: 'string',
	default: '',
	required: true,
	description: 'Tags to match, as ExorLive expects them (e.g. comma-separated)',
	displayOptions: { show },
	routing: { send: tagsSend },
});

/** "More Fields (JSON)": further fields of the object, merged into the request body as they are. */
export const moreFieldsJson = (description: string): INodeProperties => ({
	displayName: 'More Fields (JSON)',
	name: 'moreFields',
	type: 'json',
	default: '{}',
	description,
	routing: {
		send: {
			preSend: [
				mergeJsonIntoBody({ name: 'moreFields', label: 'More Fields (JSON)', type: 'json' }),
			],
		},
	},
});

/** Person fields that Go Client Update Profile and User Create or Update send alike. */
export const dateOfBirthField: INodeProperties = {
	displayName: 'Date of Birth',
	name: 'dateOfBirth',
	type: 'string',
	default: '',
	placeholder: 'YYYY-MM-DD',
	routing: {
		send: sendChecked('body', 'DateOfBirth', {
			name: 'dateOfBirth',
			label: 'Date of Birth',
			type: 'string',
			check: 'date',
		}),
	},
};

export const emailField: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	default: '',
	placeholder: 'name@email.com',
	routing: {
		send: sendChecked('body', 'Email', {
			name: 'email',
			label: 'Email',
			type: 'string',
			check: 'email',
		}),
	},
};

export const firstNameField: INodeProperties = {
	displayName: 'First Name',
	name: 'firstname',
	type: 'string',
	default: '',
	routing: {
		send: sendChecked('body', 'Firstname', {
			name: 'firstname',
			label: 'First Name',
			type: 'string',
		}),
	},
};

export const genderField: INodeProperties = {
	displayName: 'Gender',
	name: 'gender',
	type: 'options',
	default: 0,
	options: GENDER_OPTIONS,
	routing: {
		send: sendChecked('body', 'Gender', {
			name: 'gender',
			label: 'Gender',
			type: 'options',
			choices: GENDER_OPTIONS,
		}),
	},
};

export const lastNameField: INodeProperties = {
	displayName: 'Last Name',
	name: 'lastname',
	type: 'string',
	default: '',
	routing: {
		send: sendChecked('body', 'Lastname', {
			name: 'lastname',
			label: 'Last Name',
			type: 'string',
		}),
	},
};

/** Search Text of the legacy workout and exercise searches (sent as query.Query). */
export const legacySearchTextField: INodeProperties = {
	displayName: 'Search Text',
	name: 'Query',
	type: 'string',
	default: '',
	routing: {
		send: sendChecked('body', 'query.Query', {
			name: 'Query',
			label: 'Search Text',
			type: 'string',
		}),
	},
};

/** Custom ID of a person (sent as CustomId); User Create or Update explains it, Update Profile does not. */
export const customIdField = (description?: string): INodeProperties => ({
	displayName: 'Custom ID',
	name: 'customId',
	type: 'string',
	default: '',
	...(description === undefined ? {} : { description }),
	routing: {
		send: sendChecked('body', 'CustomId', {
			name: 'customId',
			label: 'Custom ID',
			type: 'string',
		}),
	},
});
