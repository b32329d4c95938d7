import type { INodeProperties } from 'n8n-workflow';
import {
	sendChecked,
	customIdField,
	dateOfBirthField,
	emailField,
	firstNameField,
	genderField,
	lastNameField,
} from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['goClient'], operation: ['updateProfile'] };

export const goClientUpdateProfileDescription: INodeProperties[] = [
	additionalFields(show, [
		customIdField(),
		dateOfBirthField,
		emailField,
		firstNameField,
		genderField,
		{
			displayName: 'Height',
			name: 'height',
			type: 'number',
			default: 0,
			routing: {
				send: sendChecked('body', 'Height', { name: 'height', label: 'Height', type: 'number' }),
			},
		},
		lastNameField,
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
