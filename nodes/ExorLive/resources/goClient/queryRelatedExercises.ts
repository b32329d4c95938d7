import type { INodeProperties } from 'n8n-workflow';
import { exorLiveField } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['goClient'], operation: ['queryRelatedExercises'] };

export const goClientQueryRelatedExercisesDescription: INodeProperties[] = [
	exorLiveField(
		{
			displayName: 'Source Master Exercise ID',
			name: 'sourceMasterExerciseId',
			type: 'number',
			default: 0,
			required: true,
			description: 'Master exercise ID of the exercise to find related exercises for',
			displayOptions: { show },
		},
		{ query: 'SourceMasterExerciseId', check: 'positive' },
	),
	additionalFields(show, [
		exorLiveField(
			{
				displayName: 'As Progression',
				name: 'asProgression',
				type: 'boolean',
				default: false,
				description: 'Whether to return progressions of the exercise',
			},
			{ query: 'AsProgression' },
		),
		exorLiveField(
			{
				displayName: 'Equipment ID',
				name: 'equipmentId',
				type: 'number',
				default: 0,
				description: 'ID of the equipment to find related exercises for',
			},
			{ query: 'EquipmentId' },
		),
		exorLiveField(
			{
				displayName: 'Package IDs',
				name: 'packageIds',
				type: 'string',
				// Assumption (ExorLive does not document the format): comma-separated IDs.
				typeOptions: { vendorType: 'list' },
				default: '',
				description:
					'Exercise packages to search, comma-separated IDs (ExorLive does not document the format). From an expression, a list is sent comma-separated.',
			},
			{ query: 'PackageIds' },
		),
		exorLiveField(
			{
				displayName: 'Wanted Count',
				name: 'wantedCount',
				type: 'number',
				default: 0,
				description: 'How many exercises to return',
			},
			{ query: 'WantedCount' },
		),
	]),
];
