import type { INodeProperties } from 'n8n-workflow';
import { sendChecked, workoutIdField } from '../../exorLiveFields';

const show = { resource: ['goClient'], operation: ['copyWorkoutToUser'] };

export const goClientCopyWorkoutToUserDescription: INodeProperties[] = [
	workoutIdField(show),
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'number',
		default: 0,
		required: true,
		description: 'ExorLive user ID to copy the workout to',
		displayOptions: { show },
		routing: {
			send: sendChecked('body', 'UserId', {
				name: 'userId',
				label: 'User ID',
				type: 'number',
				required: true,
				check: 'positive',
			}),
		},
	},
];
