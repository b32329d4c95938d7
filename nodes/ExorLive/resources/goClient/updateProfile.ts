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
import { goClientGetProfileOutput } from './getProfile';

/** The saved profile, the same record as Get Profile, simplified the same way. */
export const goClientUpdateProfileOutput = goClientGetProfileOutput;

const show = { resource: ['goClient'], operation: ['updateProfile'] };

export const goClientUpdateProfileDescription: INodeProperties[] = [
	additionalFields(show, [
		customIdField('Your own ID for the person'),
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
				description: 'Height of the contact',
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
				description: 'ID of the profile, as Get Profile outputs it',
			},
			{ body: 'Id' },
		),
		exorLiveField(
			{
				displayName: 'Profile Image ID',
				name: 'profileImageId',
				type: 'number',
				default: 0,
				description: "ID of the contact's profile image",
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
				description: 'Weight of the contact',
			},
			{ body: 'Weight' },
		),
		exorLiveField(
			{
				displayName: 'Year of Birth',
				name: 'yearOfBirth',
				type: 'number',
				default: 0,
				description: 'Year of birth of the contact, e.g. 1969',
			},
			{ body: 'YearOfBirth' },
		),
	]),
];
