import type { INodeProperties } from 'n8n-workflow';
import { sendChecked, GENDER_OPTIONS } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['legacyPerson'], operation: ['createOrUpdate'] };

const CULTURE_STRING_OPTIONS = [
	{ name: 'Danish', value: 'da-DK' },
	{ name: 'English (US)', value: 'en-US' },
	{ name: 'Finnish', value: 'fi-FI' },
	{ name: 'Norwegian', value: 'nb-NO' },
	{ name: 'Swedish', value: 'sv-SE' },
];
const IS_ACTIVATED_OPTIONS = [
	{ name: 'Yes', value: 1 },
	{ name: 'No', value: 0 },
];
const TYPE_OPTIONS = [
	{ name: 'Client', value: 16 },
	{ name: 'Instructor', value: 8 },
];

export const legacyPersonCreateOrUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Person ID',
		name: 'Id',
		type: 'number',
		default: 0,
		required: true,
		description: '0 creates a new person; otherwise the ExorLive user ID to update',
		displayOptions: { show },
		routing: {
			send: sendChecked('body', 'person.Id', {
				name: 'Id',
				label: 'Person ID',
				type: 'number',
				required: true,
				default: 0,
			}),
		},
	},
	additionalFields(show, [
		{
			displayName: 'Address',
			name: 'Address',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'person.Address', {
					name: 'Address',
					label: 'Address',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Comment',
			name: 'Comment',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'person.Comment', {
					name: 'Comment',
					label: 'Comment',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Company Name',
			name: 'Companyname',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'person.Companyname', {
					name: 'Companyname',
					label: 'Company Name',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Culture',
			name: 'CultureString',
			type: 'options',
			default: 'nb-NO',
			options: CULTURE_STRING_OPTIONS,
			routing: {
				send: sendChecked('body', 'person.CultureString', {
					name: 'CultureString',
					label: 'Culture',
					type: 'options',
					choices: CULTURE_STRING_OPTIONS,
				}),
			},
		},
		{
			displayName: 'Custom ID',
			name: 'CustomId',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'person.CustomId', {
					name: 'CustomId',
					label: 'Custom ID',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Date of Birth',
			name: 'DateOfBirth',
			type: 'string',
			default: '',
			placeholder: 'YYYY-MM-DD',
			routing: {
				send: sendChecked('body', 'person.DateOfBirth', {
					name: 'DateOfBirth',
					label: 'Date of Birth',
					type: 'string',
					check: 'date',
				}),
			},
		},
		{
			displayName: 'Department ID',
			name: 'DepartmentId',
			type: 'number',
			default: 0,
			routing: {
				send: sendChecked('body', 'person.DepartmentId', {
					name: 'DepartmentId',
					label: 'Department ID',
					type: 'number',
				}),
			},
		},
		{
			displayName: 'Description',
			name: 'Description',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'person.Description', {
					name: 'Description',
					label: 'Description',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Email',
			name: 'Email',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'person.Email', {
					name: 'Email',
					label: 'Email',
					type: 'string',
					check: 'email',
				}),
			},
		},
		{
			displayName: 'First Name',
			name: 'Firstname',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'person.Firstname', {
					name: 'Firstname',
					label: 'First Name',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Height',
			name: 'Height',
			type: 'number',
			default: 0,
			routing: {
				send: sendChecked('body', 'person.Height', {
					name: 'Height',
					label: 'Height',
					type: 'number',
				}),
			},
		},
		{
			displayName: 'Is Activated',
			name: 'IsActivated',
			type: 'options',
			default: 1,
			options: IS_ACTIVATED_OPTIONS,
			routing: {
				send: sendChecked('body', 'person.IsActivated', {
					name: 'IsActivated',
					label: 'Is Activated',
					type: 'options',
					choices: IS_ACTIVATED_OPTIONS,
				}),
			},
		},
		{
			displayName: 'Last Name',
			name: 'Lastname',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'person.Lastname', {
					name: 'Lastname',
					label: 'Last Name',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Location',
			name: 'Location',
			type: 'string',
			default: '',
			description: 'City or place',
			routing: {
				send: sendChecked('body', 'person.Location', {
					name: 'Location',
					label: 'Location',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Phone 1',
			name: 'Phone1',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'person.Phone1', {
					name: 'Phone1',
					label: 'Phone 1',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Phone 2',
			name: 'Phone2',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'person.Phone2', {
					name: 'Phone2',
					label: 'Phone 2',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Phone 3',
			name: 'Phone3',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'person.Phone3', {
					name: 'Phone3',
					label: 'Phone 3',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Primary Contact ID',
			name: 'PrimaryContact',
			type: 'number',
			default: 0,
			description: "User ID of the person's instructor",
			routing: {
				send: sendChecked('body', 'person.PrimaryContact', {
					name: 'PrimaryContact',
					label: 'Primary Contact ID',
					type: 'number',
				}),
			},
		},
		{
			displayName: 'Sex',
			name: 'Sex',
			type: 'options',
			default: 0,
			options: GENDER_OPTIONS,
			routing: {
				send: sendChecked('body', 'person.Sex', {
					name: 'Sex',
					label: 'Sex',
					type: 'options',
					choices: GENDER_OPTIONS,
				}),
			},
		},
		{
			displayName: 'Type',
			name: 'Type',
			type: 'options',
			default: 16,
			options: TYPE_OPTIONS,
			routing: {
				send: sendChecked('body', 'person.Type', {
					name: 'Type',
					label: 'Type',
					type: 'options',
					choices: TYPE_OPTIONS,
				}),
			},
		},
		{
			displayName: 'Web',
			name: 'Web',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'person.Web', { name: 'Web', label: 'Web', type: 'string' }),
			},
		},
		{
			displayName: 'Weight',
			name: 'Weight',
			type: 'number',
			default: 0,
			routing: {
				send: sendChecked('body', 'person.Weight', {
					name: 'Weight',
					label: 'Weight',
					type: 'number',
				}),
			},
		},
		{
			displayName: 'Weight Goal',
			name: 'WeightGoal',
			type: 'number',
			default: 0,
			routing: {
				send: sendChecked('body', 'person.WeightGoal', {
					name: 'WeightGoal',
					label: 'Weight Goal',
					type: 'number',
				}),
			},
		},
		{
			displayName: 'Zip Code',
			name: 'Zipcode',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'person.Zipcode', {
					name: 'Zipcode',
					label: 'Zip Code',
					type: 'string',
				}),
			},
		},
	]),
];
