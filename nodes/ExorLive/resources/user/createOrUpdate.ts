import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { inputError, InputError, isBlank, itemParameter } from '../../../shared/validation';
import { ACT_AS, actingUser, exorLiveGet, recordsIn, unwrap } from '../../client';
import {
	checkedValue,
	customIdField,
	dateOfBirthField,
	emailField,
	firstNameField,
	genderField,
	lastNameField,
	ROLE_OPTIONS,
	exorLiveField,
} from '../../exorLiveFields';
import { LOOKUP_PATH, withCodeNames } from './lookup';
import { additionalFields } from '../../../shared/fieldBuilders';

/** Input fields a new user can be found by with the documented lookup, in that order. */
const LOOKUP_KEYS = [
	{ field: 'email', type: 'email', label: 'Email' },
	{ field: 'customId', type: 'customid', label: 'Custom ID' },
	{ field: 'officialId', type: 'officialid', label: 'Official ID' },
];

/**
 * The user just created, found with LookupUser: SetUser's answer is not documented and may not
 * carry the new ID. Of several matches, the newest (highest ID).
 */
async function createdUser(ctx: IExecuteSingleFunctions): Promise<IDataObject> {
	const additional = itemParameter(ctx, 'additionalFields', {}) as IDataObject;
	const key = LOOKUP_KEYS.find(({ field }) => !isBlank(additional[field]));
	if (!key) {
		throw new InputError(
			ctx.getNode(),
			'ExorLive created the user but did not answer its ID, and there is no Email, Custom ID or Official ID to look it up by',
			{
				itemIndex: ctx.getItemIndex(),
				description: 'Give one of them to get the new user ID in the output.',
			},
		);
	}
	const text = String(additional[key.field]).trim();
	const actAs = actingUser(ctx, itemParameter(ctx, ACT_AS, ''), false);
	const answer = await exorLiveGet(ctx, { path: LOOKUP_PATH, qs: { type: key.type, text } }, actAs);
	const found = recordsIn(answer)
		.filter((user) => Number(user.Id) > 0)
		.sort((a, b) => Number(b.Id) - Number(a.Id));
	if (!found.length) {
		throw new InputError(
			ctx.getNode(),
			`ExorLive created the user but did not answer its ID, and a lookup by ${key.label} "${text}" found no user`,
			{ itemIndex: ctx.getItemIndex() },
		);
	}
	return found[0];
}

const savedMode = (ctx: IExecuteSingleFunctions) => String(itemParameter(ctx, 'mode', 'byUserId'));

/**
 * preSend of Create or Update, after its choice is checked: Create sends User ID 0 whatever a
 * hidden User ID holds; Update needs a real User ID.
 */
async function applyMode(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const mode = savedMode(this);
	if (mode === 'create') {
		return { ...options, body: { ...(options.body as IDataObject), Id: 0 } };
	}
	const id = mode === 'update' ? checkedValue(this, userId) : undefined;
	if (mode === 'update' && !(Number.isInteger(id) && Number(id) > 0)) {
		throw inputError(
			this,
			'User ID',
			`must be a positive whole number to update a user, not ${String(id ?? '')}`,
			'Choose Create a New User to create one.',
		);
	}
	return options;
}

/**
 * SetUser's answer is not documented: the saved user object, just its ID (→ `{ Id }`), or
 * nothing. The output always carries the user's `Id`: from the answer, the input User ID of an
 * update, or for a create the user found by the documented lookup.
 */
export async function savedUserOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = unwrap(response.body);
	if (typeof body === 'number' || (typeof body === 'string' && /^\d+$/.test(body))) {
		return [{ json: { Id: Number(body) } }];
	}
	const [answered] = recordsIn(body);
	if (answered && Number(answered.Id) > 0) return [{ json: withCodeNames(answered) }];
	const inputId = savedMode(this) === 'create' ? 0 : Number(itemParameter(this, 'id', 0));
	const saved = answered ?? { success: true };
	if (inputId > 0) return [{ json: withCodeNames({ ...saved, Id: inputId }) }];
	return [{ json: withCodeNames({ ...saved, ...(await createdUser(this)) }) }];
}

const show = { resource: ['user'], operation: ['createOrUpdate'] };

// Saved workflows made before this choice keep deciding by the User ID (the default).
const MODE_OPTIONS = [
	{ name: 'Create a New User', value: 'create', description: 'Sends User ID 0' },
	{
		name: 'Decide by User ID',
		value: 'byUserId',
		description: 'User ID 0 creates a new user, any other ID updates that user',
	},
	{ name: 'Update a User', value: 'update', description: 'The User ID must be given' },
];

/** Also read by applyMode, which needs it for an update. */
const userId = exorLiveField(
	{
		displayName: 'User ID',
		name: 'id',
		type: 'number',
		default: 0,
		required: true,
		description:
			'ExorLive user ID of the user to update; with Decide by User ID, 0 creates a new user',
		displayOptions: { show: { ...show, mode: ['byUserId', 'update'] } },
	},
	{ body: 'Id' },
);

export const userCreateOrUpdateDescription: INodeProperties[] = [
	exorLiveField(
		{
			displayName: 'Create or Update',
			name: 'mode',
			type: 'options',
			default: 'byUserId',
			required: true,
			description: 'Whether to create a new user, update a user, or decide by the User ID',
			options: MODE_OPTIONS,
			displayOptions: { show },
		},
		{ then: [applyMode] },
	),
	userId,
	additionalFields(show, [
		exorLiveField(
			{
				displayName: 'Address',
				name: 'address',
				type: 'string',
				default: '',
				description: 'Street address of the user; leave empty to keep the saved one',
			},
			{ body: 'Address' },
		),
		exorLiveField(
			{
				displayName: 'City',
				name: 'city',
				type: 'string',
				default: '',
				description: "City of the user's address; leave empty to keep the saved one",
			},
			{ body: 'City' },
		),
		exorLiveField(
			{
				displayName: 'Comment',
				name: 'comment',
				type: 'string',
				default: '',
				description: 'Free-text comment on the user; leave empty to keep the saved one',
			},
			{ body: 'Comment' },
		),
		customIdField('Your own ID for the person, unique in the organization'),
		dateOfBirthField,
		exorLiveField(
			{
				displayName: 'Department ID',
				name: 'departmentId',
				type: 'number',
				default: 0,
				description: 'Department (unit) within the organization',
			},
			{ body: 'DepartmentId' },
		),
		emailField,
		firstNameField,
		genderField,
		lastNameField,
		exorLiveField(
			{
				displayName: 'Official ID',
				name: 'officialId',
				type: 'string',
				default: '',
				description: 'National ID number, e.g. 050780-12345',
			},
			{ body: 'OfficialId' },
		),
		exorLiveField(
			{
				displayName: 'Organization ID',
				name: 'organizationId',
				type: 'number',
				default: 0,
				description: 'Default: the organization of the user you act as',
			},
			{ body: 'OrganizationId' },
		),
		exorLiveField(
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				description: 'Phone number of the user; leave empty to keep the saved one',
			},
			{ body: 'Phone' },
		),
		exorLiveField(
			{
				displayName: 'Primary Contact ID',
				name: 'primaryContactId',
				type: 'number',
				default: 0,
				description: "User ID of the user's primary instructor",
			},
			{ body: 'PrimaryContactId' },
		),
		exorLiveField(
			{
				displayName: 'Role',
				name: 'role',
				type: 'options',
				default: 16,
				description:
					'Role of the user; Contact With Login can use ExorLive Go, Contact is a contact-list entry without login',
				options: ROLE_OPTIONS,
			},
			{ body: 'Role' },
		),
		exorLiveField(
			{
				displayName: 'Zip Code',
				name: 'zipcode',
				type: 'string',
				default: '',
				description: "Postal code of the user's address; leave empty to keep the saved one",
			},
			{ body: 'Zipcode' },
		),
	]),
];
