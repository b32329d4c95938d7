import type { INodeProperties } from 'n8n-workflow';
import { sendChecked } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['goClient'], operation: ['queryRelatedExercises'] };

export const goClientQueryRelatedExercisesDescription: INodeProperties[] = [
	{
		displayName: 'Source Master Exercise ID',
		name: 'sourceMasterExerciseId',
		type: 'number',
		default: 0,
		required: true,
		displayOptions: { show },
		routing: {
			send: sendChecked('query', 'SourceMasterExerciseId', {
				name: 'sourceMasterExerciseId',
				label: 'Source Master Exercise ID',
				type: 'number',
				required: true,
				check: 'positive',
			}),
		},
	},
	additionalFields(show, [
		{
			displayName: 'As Progression',
			name: 'asProgression',
			type: 'boolean',
			default: false,
			description: 'Whether to return progressions of the exercise',
			routing: {
				send: sendChecked('query', 'AsProgression', {
					name: 'asProgression',
					label: 'As Progression',
					type: 'boolean',
				}),
			},
		},
		{
			displayName: 'Equipment ID',
			name: 'equipmentId',
			type: 'number',
			default: 0,
			routing: {
				send: sendChecked('query', 'EquipmentId', {
					name: 'equipmentId',
					label: 'Equipment ID',
					type: 'number',
				}),
			},
		},
		{
			displayName: 'Package IDs',
			name: 'packageIds',
			type: 'string',
			default: '',
			description: 'Exercise packages to search, as ExorLive expects them',
			routing: {
				send: sendChecked('query', 'PackageIds', {
					name: 'packageIds',
					label: 'Package IDs',
					type: 'string',
				}),
			},
		},
		{
			displayName: 'Wanted Count',
			name: 'wantedCount',
			type: 'number',
			default: 0,
			description: 'How many exercises to return',
			routing: {
				send: sendChecked('query', 'WantedCount', {
					name: 'wantedCount',
					label: 'Wanted Count',
					type: 'number',
				}),
			},
		},
	]),
];
