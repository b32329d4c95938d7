import type { INodeProperties } from 'n8n-workflow';
import { exorLiveField, legacySearchTextField } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['legacyWorkout'], operation: ['searchExercises'] };

export const legacyWorkoutSearchExercisesDescription: INodeProperties[] = [
	additionalFields(show, [
		exorLiveField(
			{
				displayName: 'Age Group',
				name: 'AgeGroup',
				type: 'string',
				default: '',
				description: 'Age group to find exercises for',
			},
			{ body: 'query.AgeGroup' },
		),
		exorLiveField(
			{
				displayName: 'Equipment',
				name: 'Equipment',
				type: 'string',
				default: '',
				description: 'Equipment to find exercises for',
			},
			{ body: 'query.Equipment' },
		),
		exorLiveField(
			{
				displayName: 'Focus',
				name: 'Focus',
				type: 'string',
				default: '',
				description: 'Focus to find exercises for',
			},
			{ body: 'query.Focus' },
		),
		exorLiveField(
			{
				displayName: 'Level',
				name: 'Level',
				type: 'string',
				default: '',
				description: 'Level to find exercises for',
			},
			{ body: 'query.Level' },
		),
		exorLiveField(
			{
				displayName: 'Return Filter',
				name: 'ReturnFilter',
				type: 'boolean',
				default: false,
				description: 'Whether to return the filter',
			},
			{ body: 'query.ReturnFilter', asText: true },
		),
		exorLiveField(
			{
				displayName: 'Return Result',
				name: 'ReturnResult',
				type: 'boolean',
				default: false,
				description: 'Whether to return the result',
			},
			{ body: 'query.ReturnResult', asText: true },
		),
		legacySearchTextField,
		exorLiveField(
			{
				displayName: 'Sort By',
				name: 'SortBy',
				type: 'string',
				default: '',
				description: 'What to sort the exercises by',
			},
			{ body: 'query.SortBy' },
		),
		exorLiveField(
			{
				displayName: 'Start Position',
				name: 'StartPosition',
				type: 'number',
				default: 0,
				description: 'Position of the first exercise to return',
			},
			{ body: 'query.StartPosition', asText: true },
		),
		exorLiveField(
			{
				displayName: 'Type',
				name: 'Type',
				type: 'string',
				default: '',
				description: 'Type of exercise to find',
			},
			{ body: 'query.Type' },
		),
	]),
];
