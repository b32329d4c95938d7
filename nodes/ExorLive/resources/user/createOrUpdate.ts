import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { InputError, inputError, isBlank } from '../../../shared/validation';
import { ACT_AS, actingUser, exorLiveGet, recordsIn, unwrap } from '../../client';
import { GENDER_OPTIONS, pascalField, ROLE_OPTIONS, type FieldSpec } from '../../fieldSpecs';
import type { ExorLiveOperation } from '../../operationSpecs';
import { LOOKUP_PATH } from './lookup';
import { withCodeNames } from './namedCodes';

const text = (name: string, label: string, extra: Partial<FieldSpec> = {}) =>
	pascalField('body', name, label, 'string', extra);

const id = (name: string, label: string, description: string) =>
	pascalField('body', name, label, 'number', { description });

/** Input fields a new user can be found by with the documented lookup, in that order. */
const LOOKUP_KEYS = [
	{ field: 'email', type: 'email', label: 'Email' },
	{ field: 'customId', type: 'customid', label: 'Custom ID' },
	{ field: 'officialId', type: 'officialid', label: 'Official ID' },
];

/**
 * The user ExorLive just created, found with the documented lookup (LookupUser), because
 * SetUser's answer is not documented and may not carry the new ID. Several matches: the newest
 * (highest ID).
 */
async function createdUser(ctx: IExecuteSingleFunctions): Promise<IDataObject> {
	const additional = ctx.getNodeParameter('additionalFields', {}) as IDataObject;
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
	const actAs = actingUser(ctx, ctx.getNodeParameter(ACT_AS, ''), false);
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

const savedMode = (ctx: IExecuteSingleFunctions) =>
	String(ctx.getNodeParameter('mode', 'byUserId'));

/** Create sends User ID 0 whatever a hidden User ID holds; Update needs a real User ID. */
async function applyMode(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = options.body as IDataObject;
	// The choice itself is checked with the other fields (an unknown one never gets here).
	const mode = savedMode(this);
	if (mode === 'create') return { ...options, body: { ...body, Id: 0 } };
	if (mode === 'update' && !(Number.isInteger(body.Id) && Number(body.Id) > 0)) {
		throw inputError(
			this,
			'User ID',
			`must be a positive whole number to update a user, not ${String(body.Id ?? '')}`,
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
async function savedUserOutput(
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
	const inputId = savedMode(this) === 'create' ? 0 : Number(this.getNodeParameter('id', 0));
	const saved = answered ?? { success: true };
	if (inputId > 0) return [{ json: withCodeNames({ ...saved, Id: inputId }) }];
	return [{ json: withCodeNames({ ...saved, ...(await createdUser(this)) }) }];
}

export const createOrUpdateUser: ExorLiveOperation = {
	name: 'Create or Update',
	value: 'createOrUpdate',
	action: 'Create or update a user',
	description:
		"Create a user or update one (SetUser) in the organization you act in, as chosen in Create or Update (by default User ID 0 creates). Fields left out keep their old values. The output always carries the user's ID: ExorLive does not document SetUser's answer, so after a create without one the node looks the new user up by Email, Custom ID or Official ID.",
	method: 'POST',
	path: '/api4/user/setuser',
	fields: [
		{
			name: 'mode',
			label: 'Create or Update',
			type: 'options',
			required: true,
			options: [
				{ name: 'Create a New User', value: 'create', description: 'Sends User ID 0' },
				{
					name: 'Decide by User ID',
					value: 'byUserId',
					description: 'User ID 0 creates a new user, any other ID updates that user',
				},
				{ name: 'Update a User', value: 'update', description: 'The User ID must be given' },
			],
			// Saved workflows made before this choice keep deciding by the User ID.
			default: 'byUserId',
		},
		{
			name: 'id',
			label: 'User ID',
			type: 'number',
			required: true,
			default: 0,
			send: { in: 'body', property: 'Id' },
			showWhen: { mode: ['byUserId', 'update'] },
			description:
				'ExorLive user ID of the user to update; with Decide by User ID, 0 creates a new user',
		},
		text('firstname', 'First Name'),
		text('lastname', 'Last Name'),
		text('email', 'Email', { check: 'email', placeholder: 'name@email.com' }),
		{
			name: 'role',
			label: 'Role',
			type: 'options',
			options: ROLE_OPTIONS,
			default: 16,
			send: { in: 'body', property: 'Role' },
		},
		id('organizationId', 'Organization ID', 'Default: the organization of the user you act as'),
		id('departmentId', 'Department ID', 'Department (unit) within the organization'),
		id('primaryContactId', 'Primary Contact ID', "User ID of the user's primary instructor"),
		text('address', 'Address'),
		text('city', 'City'),
		text('zipcode', 'Zip Code'),
		text('phone', 'Phone'),
		text('comment', 'Comment'),
		text('dateOfBirth', 'Date of Birth', { check: 'date', placeholder: 'YYYY-MM-DD' }),
		text('customId', 'Custom ID', {
			description: 'Your own ID for the person, unique in the organization',
		}),
		text('officialId', 'Official ID', { description: 'National ID number, e.g. 050780-12345' }),
		pascalField('body', 'gender', 'Gender', 'options', { options: GENDER_OPTIONS, default: 0 }),
	],
	preSend: [applyMode],
	output: [savedUserOutput],
};
