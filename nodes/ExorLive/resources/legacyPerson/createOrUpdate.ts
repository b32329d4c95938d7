import type { INodeProperties } from 'n8n-workflow';
import { exorLiveField, GENDER_OPTIONS } from '../../exorLiveFields';
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
	exorLiveField(
		{
			displayName: 'Person ID',
			name: 'Id',
			type: 'number',
			default: 0,
			required: true,
			description: '0 creates a new person; otherwise the ExorLive user ID to update',
			displayOptions: { show },
		},
		{ body: 'person.Id' },
	),
	additionalFields(show, [
		exorLiveField(
			{
				displayName: 'Address',
				name: 'Address',
				type: 'string',
				default: '',
				description: 'Street address of the person',
			},
			{ body: 'person.Address' },
		),
		exorLiveField(
			{
				displayName: 'Comment',
				name: 'Comment',
				type: 'string',
				default: '',
				description: 'Free-text comment on the person',
			},
			{ body: 'person.Comment' },
		),
		exorLiveField(
			{
				displayName: 'Company Name',
				name: 'Companyname',
				type: 'string',
				default: '',
				description: "Name of the person's company",
			},
			{ body: 'person.Companyname' },
		),
		exorLiveField(
			{
				displayName: 'Culture',
				name: 'CultureString',
				type: 'options',
				default: 'nb-NO',
				description: 'Language and country of the person, e.g. Norwegian (nb-NO)',
				options: CULTURE_STRING_OPTIONS,
			},
			{ body: 'person.CultureString' },
		),
		exorLiveField(
			{
				displayName: 'Custom ID',
				name: 'CustomId',
				type: 'string',
				default: '',
				description: 'Your own ID for the person',
			},
			{ body: 'person.CustomId' },
		),
		exorLiveField(
			{
				displayName: 'Date of Birth',
				name: 'DateOfBirth',
				type: 'string',
				default: '',
				description: 'Birthdate of the person in the form YYYY-MM-DD, e.g. 1969-11-13',
				placeholder: 'YYYY-MM-DD',
			},
			{ body: 'person.DateOfBirth', check: 'date' },
		),
		exorLiveField(
			{
				displayName: 'Department ID',
				name: 'DepartmentId',
				type: 'number',
				default: 0,
				description: 'ID of the department the person belongs to',
			},
			{ body: 'person.DepartmentId' },
		),
		exorLiveField(
			{
				displayName: 'Description',
				name: 'Description',
				type: 'string',
				default: '',
				description: 'Free-text description of the person',
			},
			{ body: 'person.Description' },
		),
		exorLiveField(
			{
				displayName: 'Email',
				name: 'Email',
				type: 'string',
				default: '',
				description: 'Email address of the person, e.g. name@email.com',
			},
			{ body: 'person.Email', check: 'email' },
		),
		exorLiveField(
			{
				displayName: 'First Name',
				name: 'Firstname',
				type: 'string',
				default: '',
				description: 'First name of the person',
			},
			{ body: 'person.Firstname' },
		),
		exorLiveField(
			{
				displayName: 'Height',
				name: 'Height',
				type: 'number',
				default: 0,
				description: 'Height of the person',
			},
			{ body: 'person.Height' },
		),
		exorLiveField(
			{
				displayName: 'Is Activated',
				name: 'IsActivated',
				type: 'options',
				default: 1,
				description: 'Whether the person is activated',
				options: IS_ACTIVATED_OPTIONS,
			},
			{ body: 'person.IsActivated' },
		),
		exorLiveField(
			{
				displayName: 'Last Name',
				name: 'Lastname',
				type: 'string',
				default: '',
				description: 'Last name of the person',
			},
			{ body: 'person.Lastname' },
		),
		exorLiveField(
			{
				displayName: 'Location',
				name: 'Location',
				type: 'string',
				default: '',
				description: 'City or place',
			},
			{ body: 'person.Location' },
		),
		exorLiveField(
			{
				displayName: 'Phone 1',
				name: 'Phone1',
				type: 'string',
				default: '',
				description: 'First phone number of the person',
			},
			{ body: 'person.Phone1' },
		),
		exorLiveField(
			{
				displayName: 'Phone 2',
				name: 'Phone2',
				type: 'string',
				default: '',
				description: 'Second phone number of the person',
			},
			{ body: 'person.Phone2' },
		),
		exorLiveField(
			{
				displayName: 'Phone 3',
				name: 'Phone3',
				type: 'string',
				default: '',
				description: 'Third phone number of the person',
			},
			{ body: 'person.Phone3' },
		),
		exorLiveField(
			{
				displayName: 'Primary Contact ID',
				name: 'PrimaryContact',
				type: 'number',
				default: 0,
				description: "User ID of the person's instructor",
			},
			{ body: 'person.PrimaryContact' },
		),
		exorLiveField(
			{
				displayName: 'Sex',
				name: 'Sex',
				type: 'options',
				default: 0,
				description: 'Sex of the person: unknown, male or female',
				options: GENDER_OPTIONS,
			},
			{ body: 'person.Sex' },
		),
		exorLiveField(
			{
				displayName: 'Type',
				name: 'Type',
				type: 'options',
				default: 16,
				description: 'Whether the person is a client or an instructor',
				options: TYPE_OPTIONS,
			},
			{ body: 'person.Type' },
		),
		exorLiveField(
			{
				displayName: 'Web',
				name: 'Web',
				type: 'string',
				default: '',
				description: 'Web address of the person',
			},
			{ body: 'person.Web' },
		),
		exorLiveField(
			{
				displayName: 'Weight',
				name: 'Weight',
				type: 'number',
				default: 0,
				description: 'Weight of the person',
			},
			{ body: 'person.Weight' },
		),
		exorLiveField(
			{
				displayName: 'Weight Goal',
				name: 'WeightGoal',
				type: 'number',
				default: 0,
				description: 'Weight the person aims for',
			},
			{ body: 'person.WeightGoal' },
		),
		exorLiveField(
			{
				displayName: 'Zip Code',
				name: 'Zipcode',
				type: 'string',
				default: '',
				description: "Postal code of the person's address",
			},
			{ body: 'person.Zipcode' },
		),
	]),
];
