import type { INodeProperties } from 'n8n-workflow';
import { sendChecked, legacySearchTextField } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['legacyWorkout'], operation: ['searchExercises'] };

export const legacyWorkoutSearchExercisesDescription: INodeProperties[] = [
	additionalFields(show, [
		{
			displayName: 'Age Group',
			name: 'AgeGroup',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'query.AgeGroup', {
					name: 'AgeGroup',
					label: 'Age Group',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Equipment',
			name: 'Equipment',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'query.Equipment', {
					name: 'Equipment',
					label: 'Equipment',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Focus',
			name: 'Focus',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'query.Focus', {
					name: 'Focus',
					label: 'Focus',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Level',
			name: 'Level',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'query.Level', {
					name: 'Level',
					label: 'Level',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Return Filter',
			name: 'ReturnFilter',
			type: 'boolean',
			default: false,
			routing: {
				send: sendChecked('body', 'query.ReturnFilter', {
					name: 'ReturnFilter',
					label: 'Return Filter',
					type: 'boolean',
					asText: true,
				}),
			},
		},
		{
			displayName: 'Return Result',
			name: 'ReturnResult',
			type: 'boolean',
			default: false,
			routing: {
				send: sendChecked('body', 'query.ReturnResult', {
					name: 'ReturnResult',
					label: 'Return Result',
					type: 'boolean',
					asText: true,
				}),
			},
		},
		legacySearchTextField,
		{
			displayName: 'Sort By',
			name: 'SortBy',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'query.SortBy', {
					name: 'SortBy',
					label: 'Sort By',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Start Position',
			name: 'StartPosition',
			type: 'number',
			default: 0,
			routing: {
				send: sendChecked('body', 'query.StartPosition', {
					name: 'StartPosition',
					label: 'Start Position',
					type: 'number',
					asText: true,
				}),
			},
		},
		{
			displayName: 'Type',
			name: 'Type',
			type: 'string',
			default: '',
			routing: {
				send: sendChecked('body', 'query.Type', {
					name: 'Type',
					label: 'Type',
					type: 'string',
				}),
			},
		},
	]),
];
