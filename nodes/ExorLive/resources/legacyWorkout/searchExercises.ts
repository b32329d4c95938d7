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
			},
			{ body: 'query.AgeGroup' },
		),
		exorLiveField(
			{
				displayName: 'Equipment',
				name: 'Equipment',
				type: 'string',
				default: '',
			},
			{ body: 'query.Equipment' },
		),
		exorLiveField(
			{
				displayName: 'Focus',
				name: 'Focus',
				type: 'string',
				default: '',
			},
			{ body: 'query.Focus' },
		),
		exorLiveField(
			{
				displayName: 'Level',
				name: 'Level',
				type: 'string',
				default: '',
			},
			{ body: 'query.Level' },
		),
		exorLiveField(
			{
				displayName: 'Return Filter',
				name: 'ReturnFilter',
				type: 'boolean',
				default: false,
			},
			{ body: 'query.ReturnFilter', asText: true },
		),
		exorLiveField(
			{
				displayName: 'Return Result',
				name: 'ReturnResult',
				type: 'boolean',
				default: false,
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
			},
			{ body: 'query.SortBy' },
		),
		exorLiveField(
			{
				displayName: 'Start Position',
				name: 'StartPosition',
				type: 'number',
				default: 0,
			},
			{ body: 'query.StartPosition', asText: true },
		),
		exorLiveField(
			{
				displayName: 'Type',
				name: 'Type',
				type: 'string',
				default: '',
			},
			{ body: 'query.Type' },
		),
	]),
];
