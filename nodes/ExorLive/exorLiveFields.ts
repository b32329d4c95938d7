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
import { sentAs, withValueAt } from '../shared/fieldTypes';
import {
	EMAIL,
	inputError,
	isBlank,
	itemParameter,
	parseJson,
	toStringList,
} from '../shared/validation';
import { ACT_AS } from './client';

/*
 * Why: ExorLive wants values n8n's routing does not send by itself (trimmed text, numbers and flags
 * as text for the legacy V1 services, IDs that operations send to different places, empty optional
 * values left out). So each ExorLive field carries a preSend that checks its value before any
 * request (a bad value is an input error naming the field) and puts what ExorLive expects there.
 */

export function actAsField(show: Show, required: boolean): INodeProperties {
	return {
		displayName: 'Act As User ID',
		name: ACT_AS,
		type: 'string',
		// The token exchange's `user_id`: an integer ExorLive user ID.
		typeOptions: { vendorType: 'integer' },
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
// Checked fields

/**
 * What an ExorLive field says beyond its n8n property (name, label, type, default, choices, and
 * required: read top level, or optional: read from Additional Fields).
 */
export interface FieldChecks {
	/** positive: a whole number above 0; date: YYYY-MM-DD; email; url: http(s). */
	check?: 'positive' | 'date' | 'email' | 'url';
	/** ExorLive's legacy V1 services take numbers and flags as text. */
	asText?: boolean;
	/** Where the property type does not say it: `list` (text or array, sent as array), `json`. */
	kind?: 'list' | 'json';
}

/** Where a value goes: the query or the body, at a property (a dotted body property nests). */
export interface Place {
	type: 'query' | 'body';
	property: string;
}

/** Where an operation sends an ID field several operations share (see `sharedFieldPlaces`). */
export type SharedPlace = Place & { asText?: boolean };

/**
 * Where a checked value goes: `query`/`body` (wire name), `mergeIntoBody` (under the typed
 * fields), or nowhere: checked for `then`.
 */
export type FieldSend = (
	| { query: string }
	| { body: string }
	| { mergeIntoBody: true }
	| { then?: PreSendAction[] }
) &
	FieldChecks;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Kind = 'string' | 'number' | 'boolean' | 'options' | 'list' | 'json';

/** Checks one raw value and converts it to what goes on the wire; undefined = leave it out. */
function wireValue(
	ctx: IExecuteSingleFunctions,
	property: INodeProperties,
	checks: FieldChecks,
	raw: unknown,
): unknown {
	const { displayName: label, required } = property;
	const kind = (checks.kind ?? property.type) as Kind;
	if (kind === 'boolean') {
		if (raw === undefined && !required) return undefined;
		return checks.asText ? String(raw === true) : raw === true;
	}
	if (isBlank(raw)) {
		if (required) throw inputError(ctx, label, 'a value is required');
		return undefined;
	}
	switch (kind) {
		case 'number': {
			const value = Number(raw);
			if (!Number.isFinite(value)) throw inputError(ctx, label, `"${String(raw)}" is not a number`);
			if (checks.check === 'positive' && !(Number.isInteger(value) && value > 0)) {
				throw inputError(ctx, label, `must be a positive whole number, not ${String(raw)}`);
			}
			return checks.asText ? String(value) : value;
		}
		case 'options': {
			// Expressions and AI tools can give any text: only the offered choices are sent.
			const values = ((property.options ?? []) as INodePropertyOptions[]).map(({ value }) => value);
			if (values.length && !values.some((value) => String(value) === String(raw))) {
				throw inputError(ctx, label, `"${String(raw)}" is not one of ${values.join(', ')}`);
			}
			return raw;
		}
		case 'list':
			return toStringList(ctx, label, raw);
		case 'json': {
			const value = parseJson(ctx, raw, label);
			if (!value || typeof value !== 'object' || Array.isArray(value)) {
				throw inputError(ctx, label, 'must be a JSON object');
			}
			return value;
		}
		default: {
			const value = String(raw).trim();
			if (checks.check === 'date' && !DATE.test(value)) {
				throw inputError(ctx, label, `"${value}" is not a date in the form YYYY-MM-DD`);
			}
			if (checks.check === 'email' && !EMAIL.test(value)) {
				throw inputError(ctx, label, `"${value}" is not a valid email address`);
			}
			if (checks.check === 'url' && !/^https?:\/\/[^\s/]+/i.test(value)) {
				throw inputError(ctx, label, `"${value}" is not an http(s) URL`);
			}
			return value;
		}
	}
}

/**
 * A field's checked wire value: required ones read top level (default for workflows saved before
 * the field, but a positive ID's 0 is no value), optional ones from Additional Fields.
 */
export function checkedValue(
	ctx: IExecuteSingleFunctions,
	property: INodeProperties,
	checks: FieldChecks = {},
): unknown {
	if (property.required) {
		const fallback = checks.check === 'positive' ? undefined : property.default;
		return wireValue(ctx, property, checks, itemParameter(ctx, property.name, fallback));
	}
	const additional = (itemParameter(ctx, 'additionalFields', {}) ?? {}) as IDataObject;
	return wireValue(ctx, property, checks, additional[property.name]);
}

/** `options` with `value` at `place` (a dotted body property nests); undefined takes it out. */
function placed(options: IHttpRequestOptions, place: Place, value: unknown): IHttpRequestOptions {
	return withValueAt(options, place.type, place.property.split('.'), value);
}

/** `routing.send` of a field: n8n's own placement (if any) and the preSend that checks the value. */
function sendOf(property: INodeProperties, how: FieldSend): INodeRequestSend {
	const checked = (ctx: IExecuteSingleFunctions, checks: FieldChecks = how) =>
		checkedValue(ctx, property, checks);
	if ('query' in how || 'body' in how) {
		// n8n puts the raw value at the place; the preSend puts there what ExorLive expects
		// (trimmed text, a number, text for the V1 services) or takes out an empty optional one.
		const place: Place =
			'query' in how
				? { type: 'query', property: how.query }
				: { type: 'body', property: how.body };
		return {
			...place,
			preSend: [
				async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
					return placed(options, place, checked(this));
				},
			],
		};
	}
	if ('mergeIntoBody' in how) {
		return {
			preSend: [
				async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
					const value = checked(this) as IDataObject | undefined;
					if (value === undefined) return options;
					return { ...options, body: { ...value, ...((options.body as IDataObject) ?? {}) } };
				},
			],
		};
	}
	return {
		preSend: [
			async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
				checked(this);
				return options;
			},
			...(('then' in how && how.then) || []),
		],
	};
}

/** An ExorLive field (see the note at the top); `how` adds what the property does not say. */
export function exorLiveField(property: INodeProperties, how: FieldSend): INodeProperties {
	// A list the property type does not show is declared as one for the type checks (fieldTypes.ts).
	const declared = how.kind === 'list' ? sentAs('list', property) : property;
	return { ...declared, routing: { send: sendOf(property, how) } };
}

/** A field of several operations, built once (one preSend, if any, so its copies fold into one). */
function shownFor(field: INodeProperties, show: Show): INodeProperties {
	const { routing, ...property } = field;
	return { ...property, displayOptions: { show }, ...(routing ? { routing } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Fields of several resources

/**
 * A required ExorLive ID (a positive whole number) that several operations send, each at its own
 * place: the operation checks and places it (`sharedFieldPlaces`), so the field has no routing.
 */
function idField(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'number', default: 0, required: true, description };
}

const WORKOUT_ID = idField('Workout ID', 'workoutId', 'ExorLive ID of the workout');

const USER_ID = idField(
	'User ID',
	'userId',
	'ExorLive user ID of the user who gets the plan or the workout',
);

const EXERCISE_ID = idField('Exercise ID', 'id', 'ExorLive ID of the exercise');

const SHARED_IDS = { workoutId: WORKOUT_ID, userId: USER_ID, id: EXERCISE_ID };

/** The shared ID fields an operation shows, each with the place it sends it to. */
export type SharedPlaces = Partial<Record<keyof typeof SHARED_IDS, SharedPlace>>;

/** preSend of an operation: checks each shared ID field it shows and sends it to its place. */
export function sharedFieldPlaces(places: SharedPlaces): PreSendAction {
	const fields = (Object.keys(places) as Array<keyof typeof SHARED_IDS>).map((name) => ({
		field: SHARED_IDS[name],
		place: places[name]!,
	}));
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		let result = options;
		for (const { field, place } of fields) {
			const value = checkedValue(this, field, { check: 'positive', asText: place.asText });
			result = placed(result, place, value);
		}
		return result;
	};
}

/** Workout ID of the Go client, the Workout Exporter and the legacy Copy to User. */
export const workoutIdField = (show: Show): INodeProperties => shownFor(WORKOUT_ID, show);

/** User ID of Apply Plan Template and the legacy Copy to User. */
export const userIdField = (show: Show): INodeProperties => shownFor(USER_ID, show);

/** Exercise ID of the Go client's Update Exercise and the legacy Get Exercise. */
export const exerciseIdField = (show: Show): INodeProperties => shownFor(EXERCISE_ID, show);

/** User ID of one operation, sent where `how` says (`how` may add `asText`). */
export const userIdFieldAt = (how: FieldSend, show: Show, description: string): INodeProperties =>
	exorLiveField(
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'number',
			default: 0,
			required: true,
			description,
			displayOptions: { show },
		},
		{ check: 'positive', ...how },
	);

const TAGS = exorLiveField(
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		// Assumption (ExorLive does not document the format): comma-separated text.
		typeOptions: { vendorType: 'list' },
		default: '',
		required: true,
		description:
			'Tags to match, comma-separated (ExorLive does not document the format). From an expression, a list is sent comma-separated.',
	},
	{ query: 'tags' },
);

/** Tags as the Go client and plan template calls take them (`?tags=`). */
export const tagsField = (show: Show): INodeProperties => shownFor(TAGS, show);

/** "More Fields (JSON)": further fields of the object, merged into the request body as they are. */
export const moreFieldsJson = (description: string): INodeProperties =>
	exorLiveField(
		{
			displayName: 'More Fields (JSON)',
			name: 'moreFields',
			type: 'json',
			default: '{}',
			description,
		},
		{ mergeIntoBody: true },
	);

/** Person fields that Go Client Update Profile and User Create or Update send alike. */
const personText = (
	displayName: string,
	name: string,
	description: string,
	how: FieldSend,
	placeholder?: string,
): INodeProperties =>
	exorLiveField(
		{
			displayName,
			name,
			type: 'string',
			default: '',
			description,
			...(placeholder === undefined ? {} : { placeholder }),
		},
		how,
	);

export const dateOfBirthField = personText(
	'Date of Birth',
	'dateOfBirth',
	'Birthdate in the form YYYY-MM-DD, e.g. 1969-11-13',
	{ body: 'DateOfBirth', check: 'date' },
	'YYYY-MM-DD',
);

export const emailField = personText(
	'Email',
	'email',
	'Email address of the person',
	{ body: 'Email', check: 'email' },
	'name@email.com',
);

export const firstNameField = personText('First Name', 'firstname', 'First name of the person', {
	body: 'Firstname',
});

export const lastNameField = personText('Last Name', 'lastname', 'Last name of the person', {
	body: 'Lastname',
});

export const genderField = exorLiveField(
	{
		displayName: 'Gender',
		name: 'gender',
		type: 'options',
		default: 0,
		description: 'Gender of the person: unknown, male or female',
		options: GENDER_OPTIONS,
	},
	{ body: 'Gender' },
);

/** Search Text of the legacy workout and exercise searches (sent as query.Query). */
export const legacySearchTextField = exorLiveField(
	{
		displayName: 'Search Text',
		name: 'Query',
		type: 'string',
		default: '',
		description: 'Text to search for',
	},
	{ body: 'query.Query' },
);

/** Custom ID of a person (sent as CustomId); User Create or Update explains it, Update Profile does not. */
export const customIdField = (description?: string): INodeProperties =>
	exorLiveField(
		{
			displayName: 'Custom ID',
			name: 'customId',
			type: 'string',
			default: '',
			...(description === undefined ? {} : { description }),
		},
		{ body: 'CustomId' },
	);
