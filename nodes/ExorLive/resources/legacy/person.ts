import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { GENDER_OPTIONS, type FieldSpec } from '../../fieldSpecs';
import { exorLiveResource, type ExorLiveOperation } from '../../operationSpecs';
import { scalarIn, toItems, toValue, unexpectedAnswer } from '../../client';
import { customId, LEGACY, member, param, personId, v1, UNDOCUMENTED_ANSWER } from './v1';

/** `d.Data` is the user id, or 0 when no person has the custom id. */
async function resolvedUser(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const userId = Number(scalarIn(response.body, ['userId', 'id']) ?? 0);
	if (!Number.isFinite(userId)) throw unexpectedAnswer(this, 'user ID', response);
	const text = String(this.getNodeParameter('customId')).trim();
	return [{ json: { customId: text, userId, found: userId > 0 } }];
}

/** A field of the `person` object of SetPersonDetails (sent with its own types). */
const person = member('person', false);

const personFields: FieldSpec[] = [
	person('Id', 'Person ID', 'number', {
		required: true,
		default: 0,
		description: '0 creates a new person; otherwise the ExorLive user ID to update',
	}),
	person('Firstname', 'First Name', 'string'),
	person('Lastname', 'Last Name', 'string'),
	person('Email', 'Email', 'string', { check: 'email' }),
	person('CustomId', 'Custom ID', 'string'),
	person('Type', 'Type', 'options', {
		options: [
			{ name: 'Client', value: 16 },
			{ name: 'Instructor', value: 8 },
		],
		default: 16,
	}),
	person('IsActivated', 'Is Activated', 'options', {
		options: [
			{ name: 'Yes', value: 1 },
			{ name: 'No', value: 0 },
		],
		default: 1,
	}),
	person('Address', 'Address', 'string'),
	person('Location', 'Location', 'string', { description: 'City or place' }),
	person('Zipcode', 'Zip Code', 'string'),
	person('Comment', 'Comment', 'string'),
	person('Companyname', 'Company Name', 'string'),
	person('CultureString', 'Culture', 'options', {
		options: [
			{ name: 'Danish', value: 'da-DK' },
			{ name: 'English (US)', value: 'en-US' },
			{ name: 'Finnish', value: 'fi-FI' },
			{ name: 'Norwegian', value: 'nb-NO' },
			{ name: 'Swedish', value: 'sv-SE' },
		],
		default: 'nb-NO',
	}),
	person('DateOfBirth', 'Date of Birth', 'string', { check: 'date', placeholder: 'YYYY-MM-DD' }),
	person('DepartmentId', 'Department ID', 'number'),
	person('Description', 'Description', 'string'),
	person('Height', 'Height', 'number'),
	person('Weight', 'Weight', 'number'),
	person('WeightGoal', 'Weight Goal', 'number'),
	person('Phone1', 'Phone 1', 'string'),
	person('Phone2', 'Phone 2', 'string'),
	person('Phone3', 'Phone 3', 'string'),
	person('PrimaryContact', 'Primary Contact ID', 'number', {
		description: "User ID of the person's instructor",
	}),
	person('Sex', 'Sex', 'options', { options: GENDER_OPTIONS, default: 0 }),
	person('Web', 'Web', 'string'),
];

const operations: ExorLiveOperation[] = [
	{
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many persons (legacy)',
		description: `${LEGACY}list the users of a unit, optionally of one role (GetListOfUsers)`,
		method: 'POST',
		path: v1('Persons', 'GetListOfUsers'),
		fields: [
			param('role', 'Role', 'options', {
				required: true,
				options: [
					{ name: 'All', value: '0' },
					{ name: 'Contact With Login', value: '16' },
					{ name: 'Contact Without Login', value: '32' },
					{ name: 'Instructor', value: '8' },
				],
				default: '0',
			}),
			param('unitId', 'Unit ID', 'number', {
				required: true,
				default: 0,
				description: '0 for the whole organization',
			}),
			param('page', 'Page', 'number', {
				required: true,
				default: 0,
				description: 'Page number, from 0',
			}),
			param('pagesize', 'Page Size', 'number', { required: true, default: 1000 }),
		],
		output: [toItems(null)],
	},
	{
		name: 'Get',
		value: 'get',
		action: 'Get a person (legacy)',
		description: `${LEGACY}the details of a person (GetPersonDetails)`,
		method: 'POST',
		path: v1('Persons', 'GetPersonDetails'),
		fields: [personId],
	},
	{
		name: 'Create or Update',
		value: 'createOrUpdate',
		action: 'Create or update a person (legacy)',
		description: `${LEGACY}create (Person ID 0) or update a person; outputs the user ID (SetPersonDetails)`,
		method: 'POST',
		path: v1('Persons', 'SetPersonDetails'),
		fields: personFields,
		output: [toValue({ key: 'userId', candidates: ['userId', 'id'], numeric: true })],
	},
	{
		name: 'Resolve Custom ID',
		value: 'resolveCustomId',
		action: 'Find the user ID for a custom ID (legacy)',
		description: `${LEGACY}the ExorLive user ID of the person with your custom ID; found is false when there is none`,
		method: 'POST',
		path: v1('Persons', 'ResolveCustomId'),
		fields: [customId],
		output: [resolvedUser],
	},
	{
		name: 'Set Custom ID',
		value: 'setCustomId',
		action: 'Set the custom ID of a person (legacy)',
		description: `${LEGACY}store your own ID on a person (SetCustomId).${UNDOCUMENTED_ANSWER}`,
		method: 'POST',
		path: v1('Persons', 'SetCustomId'),
		fields: [personId, customId],
	},
	{
		name: 'Set Disabled',
		value: 'setDisabled',
		action: 'Disable or enable a person (legacy)',
		description: `${LEGACY}disable or enable a person's user (SetUserDisabled).${UNDOCUMENTED_ANSWER}`,
		method: 'POST',
		path: v1('Persons', 'SetUserDisabled'),
		fields: [
			personId,
			param('disabled', 'Disabled', 'options', {
				required: true,
				options: [
					{ name: 'Disable', value: '1' },
					{ name: 'Enable', value: '0' },
				],
				default: '1',
			}),
		],
	},
	{
		name: 'Ensure Login Access',
		value: 'ensureLoginAccess',
		action: 'Make sure a person has login access (legacy)',
		description: `${LEGACY}give the person with your custom ID a login if it has none (MakeSureUserHasLoginAccess).${UNDOCUMENTED_ANSWER}`,
		method: 'POST',
		path: v1('Persons', 'MakeSureUserHasLoginAccess'),
		fields: [customId],
	},
];

export const legacyPersonDescription = exorLiveResource('legacyPerson', {
	operations,
	default: 'get',
	actAs: 'optional',
});
