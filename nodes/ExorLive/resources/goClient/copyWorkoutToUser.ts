import type { INodeProperties } from 'n8n-workflow';
import { userIdFieldAt, workoutIdField } from '../../exorLiveFields';

const show = { resource: ['goClient'], operation: ['copyWorkoutToUser'] };

export const goClientCopyWorkoutToUserDescription: INodeProperties[] = [
	workoutIdField(show),
	userIdFieldAt({ body: 'UserId' }, show, 'ExorLive user ID to copy the workout to'),
];
