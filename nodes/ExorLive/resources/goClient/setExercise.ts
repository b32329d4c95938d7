import type { INodeProperties } from 'n8n-workflow';
import { exerciseIdField, mergeJsonIntoBody, sendChecked } from '../../exorLiveFields';
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
		{
			displayName: 'More Fields (JSON)',
			name: 'moreFields',
			type: 'json',
			default: '{}',
			description: 'Further exercise fields as a JSON object, e.g. from a Get operation',
			routing: {
				send: {
					preSend: [
						mergeJsonIntoBody({ name: 'moreFields', label: 'More Fields (JSON)', type: 'json' }),
					],
				},
			},
		},
	]),
];
