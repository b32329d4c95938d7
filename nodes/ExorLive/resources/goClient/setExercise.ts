import type { INodeProperties } from 'n8n-workflow';
import { exerciseIdField, moreFieldsJson, exorLiveField } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['goClient'], operation: ['setExercise'] };

export const goClientSetExerciseDescription: INodeProperties[] = [
	exerciseIdField(show),
	exorLiveField(
		{
			displayName: 'Completed',
			name: 'completed',
			type: 'boolean',
			default: false,
			required: true,
			description: 'Whether the exercise is completed',
			displayOptions: { show },
		},
		{ body: 'Completed' },
	),
	additionalFields(show, [
		moreFieldsJson('Further exercise fields as a JSON object, e.g. from a Get operation'),
	]),
];
