import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { vendorError } from '../../../shared/errors';
import { recordsIn } from '../../client';
import { exorLiveField, GENDER_OPTIONS, ROLE_OPTIONS } from '../../exorLiveFields';
import { itemParameter } from '../../../shared/validation';
import { simplified, type OutputSpec } from '../../../shared/simplify';

/**
 * A user has 17 fields (the SetUser shape: addresses, phone, comment, birth date, official ID
 * and more); simplified to its IDs, role (with its name), name, email and custom ID. The
 * not-found item stays as it is.
 */
export const userLookupOutput: OutputSpec = {
	...simplified(
		'Id',
		'OrganizationId',
		'DepartmentId',
		'Role',
		'RoleName',
		'Firstname',
		'Lastname',
		'Email',
		'CustomId',
	),
	ownItem: (json) => json.found === false,
};

const show = { resource: ['user'], operation: ['lookup'] };

/** Names the values an expression or AI tool gives, lowercase "id" included (not the word ID). */
const SEARCH_BY_DESCRIPTION =
	'Which kind of value Search Text holds. As an expression or from an AI tool: email, id (ExorLive user ID), name, customid (your own ID for the person) or officialid (national ID number).';

const TYPE_OPTIONS = [
	{ name: 'Custom ID', value: 'customid', description: 'Your own ID for the person' },
	{ name: 'Email', value: 'email' },
	{ name: 'ID', value: 'id', description: 'ExorLive user ID' },
	{ name: 'Name', value: 'name' },
	{ name: 'Official ID', value: 'officialid', description: 'National ID number' },
];
const WHEN_NOT_FOUND_OPTIONS = [
	{ name: 'Output Nothing', value: 'nothing' },
	{
		name: 'Output a Not-Found Item',
		value: 'item',
		description: 'Output { found: false, type, text } so a following IF node can create the user',
	},
];

export const userLookupDescription: INodeProperties[] = [
	exorLiveField(
		{
			displayName: 'Search By',
			name: 'type',
			type: 'options',
			default: 'email',
			required: true,
			description: SEARCH_BY_DESCRIPTION,
			options: TYPE_OPTIONS,
			displayOptions: { show },
		},
		{ query: 'type' },
	),
	exorLiveField(
		{
			displayName: 'Search Text',
			name: 'text',
			type: 'string',
			default: '',
			required: true,
			description:
				'The email, ExorLive user ID, name, custom ID or official ID to look for, as chosen in Search By',
			placeholder: 'e.g. name@email.com',
			displayOptions: { show },
		},
		{ query: 'text' },
	),
	// Only checked here: lookupOutput reads it.
	exorLiveField(
		{
			displayName: 'When Not Found',
			name: 'whenNotFound',
			type: 'options',
			default: 'nothing',
			required: true,
			description: 'What to output when no user matches',
			options: WHEN_NOT_FOUND_OPTIONS,
			displayOptions: { show },
		},
		{},
	),
];

/** LookupUser: also used by Create or Update to find a user it created. */
export const LOOKUP_PATH = '/api4/user/lookupuser';

/**
 * One item per user found. "Not found" is not documented: an empty answer, null and HTTP 404
 * are all taken as no match, which outputs nothing or a `{ found: false }` item.
 */
export async function lookupOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode >= 400 && response.statusCode !== 404) {
		throw vendorError(this, response, this.getItemIndex());
	}
	const users = response.statusCode === 404 ? [] : recordsIn(response.body);
	if (users.length) return users.map((user) => ({ json: withCodeNames(user) }));
	if (itemParameter(this, 'whenNotFound', 'nothing') !== 'item') return [];
	return [
		{
			json: {
				found: false,
				type: itemParameter(this, 'type') as string,
				text: itemParameter(this, 'text') as string,
			},
		},
	];
}

/** Coded members of a user record, named from the same choices the input fields offer. */
const CODED: Array<{ code: string; name: string; options: INodePropertyOptions[] }> = [
	{ code: 'Role', name: 'RoleName', options: ROLE_OPTIONS },
	{ code: 'Gender', name: 'GenderName', options: GENDER_OPTIONS },
];

/** The user with each known code's name after it (`Role: 16, RoleName: 'Contact With Login'`). */
export function withCodeNames(user: IDataObject): IDataObject {
	const named: IDataObject = {};
	for (const [key, value] of Object.entries(user)) {
		named[key] = value;
		const coded = CODED.find(({ code }) => code === key);
		if (!coded || value === null || value === '' || typeof value === 'object') continue;
		const option = coded.options.find((choice) => choice.value === Number(value));
		if (option) named[coded.name] = option.name;
	}
	return named;
}
