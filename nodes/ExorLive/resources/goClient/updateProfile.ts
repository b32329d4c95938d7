import type { INodeProperties } from 'n8n-workflow';
import {
	exorLiveField,
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
		exorLiveField(
			{
				displayName: 'Height',
				name: 'height',
				type: 'number',
				default: 0,
			},
			{ body: 'Height' },
		),
		lastNameField,
		exorLiveField(
			{
				displayName: 'Profile ID',
				name: 'id',
				type: 'number',
				default: 0,
			},
			{ body: 'Id' },
		),
		exorLiveField(
			{
				displayName: 'Profile Image ID',
				name: 'profileImageId',
				type: 'number',
				default: 0,
			},
			{ body: 'ProfileImageId' },
		),
		exorLiveField(
			{
				displayName: 'User Tags',
				name: 'userTags',
				type: 'string',
				default: '',
				description: 'Comma-separated values, or an array from an expression',
			},
			{ body: 'UserTags', kind: 'list' },
		),
		exorLiveField(
			{
				displayName: 'Weight',
				name: 'weight',
				type: 'number',
				default: 0,
			},
			{ body: 'Weight' },
		),
		exorLiveField(
			{
				displayName: 'Year of Birth',
				name: 'yearOfBirth',
				type: 'number',
				default: 0,
			},
			{ body: 'YearOfBirth' },
		),
	]),
];
