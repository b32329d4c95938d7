import type { INodeProperties } from 'n8n-workflow';
import { exerciseIdField, moreFieldsJson, sendChecked } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['goClient'], operation: ['setExercise'] };

export const goClientSetExerciseDescription: INodeProperties[] = [
	exerciseIdField(show),
	{
		displayName: 'Completed',
		name: 'completed',
		type: 'boolean',
		default: false,
		required: true,
		displayOptions: { show },
		routing: {
			send: sendChecked('body', 'Completed', {
				name: 'completed',
				label: 'Completed',
				type: 'boolean',
				required: true,
			}),
		},
	},
	additionalFields(show, [
		moreFieldsJson('Further exercise fields as a JSON object, e.g. from a Get operation'),
	]),
];
