import type { INodeProperties } from 'n8n-workflow';
import { sendChecked, GENDER_OPTIONS } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['goClient'], operation: ['updateProfile'] };

export const goClientUpdateProfileDescription: INodeProperties[] = [
	additionalFields(show, [
		{
			displayName: 'Custom ID',
			name: 'customId',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'CustomId', {
					name: 'customId',
					label: 'Custom ID',
					type: 'string',
				}),
			},
		},
		{
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
		},
		{
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
		},
		{
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
		},
		{
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
		},
		{
			displayName: 'Height',
			name: 'height',
			type: 'number',
			default: 0,
			routing: {
				send: sendChecked('body', 'Height', { name: 'height', label: 'Height', type: 'number' }),
			},
		},
		{
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
		},
		{
			displayName: 'Profile ID',
			name: 'id',
			type: 'number',
			default: 0,
			routing: {
				send: sendChecked('body', 'Id', { name: 'id', label: 'Profile ID', type: 'number' }),
			},
		},
		{
			displayName: 'Profile Image ID',
			name: 'profileImageId',
			type: 'number',
			default: 0,
			routing: {
				send: sendChecked('body', 'ProfileImageId', {
					name: 'profileImageId',
					label: 'Profile Image ID',
					type: 'number',
				}),
			},
		},
		{
			displayName: 'User Tags',
			name: 'userTags',
			type: 'string',
			default: '',
			description: 'Comma-separated values, or an array from an expression',
			routing: {
				send: sendChecked('body', 'UserTags', {
					name: 'userTags',
					label: 'User Tags',
					type: 'list',
				}),
			},
		},
		{
			displayName: 'Weight',
			name: 'weight',
			type: 'number',
			default: 0,
			routing: {
				send: sendChecked('body', 'Weight', { name: 'weight', label: 'Weight', type: 'number' }),
			},
		},
		{
			displayName: 'Year of Birth',
			name: 'yearOfBirth',
			type: 'number',
			default: 0,
			routing: {
				send: sendChecked('body', 'YearOfBirth', {
					name: 'yearOfBirth',
					label: 'Year of Birth',
					type: 'number',
				}),
			},
		},
	]),
];
