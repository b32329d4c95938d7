import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../../../shared/operation';
import { toItems, toValue } from '../../client';
import { actAsField, exerciseIdField, userIdField, workoutIdField } from '../../exorLiveFields';
import { exorLiveOperation, LEGACY, UNDOCUMENTED_FIELDS, v1 } from '../../exorLiveOperation';
import { legacyWorkoutSearchDescription, withQueryObject } from './search';
import { legacyWorkoutSearchExercisesDescription } from './searchExercises';

const copyToUser = { resource: ['legacyWorkout'], operation: ['copyToUser'] };

export const legacyWorkoutDescription: INodeProperties[] = [
	operationProperty('legacyWorkout', 'search', [
		exorLiveOperation({
			name: 'Copy to User',
			value: 'copyToUser',
			action: 'Copy a workout to a user (legacy)',
			description: `${LEGACY}copy a workout to a user; outputs the new workout ID (CopyWorkoutToUser)`,
			method: 'POST',
			path: v1('Workouts', 'CopyWorkoutToUser'),
			actAs: 'optional',
			postReceive: [toValue({ key: 'workoutId', candidates: ['workoutId', 'id'], numeric: true })],
			places: {
				workoutId: { type: 'body', property: 'workoutId', asText: true },
				userId: { type: 'body', property: 'userId', asText: true },
			},
		}),
		exorLiveOperation({
			name: 'Get Exercise',
			value: 'getExercise',
			action: 'Get an exercise (legacy)',
			description: `${LEGACY}one exercise by ID (GetExercise).${UNDOCUMENTED_FIELDS}`,
			method: 'POST',
			path: v1('Workouts', 'GetExercise'),
			actAs: 'optional',
			places: { id: { type: 'body', property: 'id', asText: true } },
		}),
		exorLiveOperation({
			name: 'Search',
			value: 'search',
			action: 'Search workouts (legacy)',
			description: `${LEGACY}search workouts and workout templates (QueryWorkouts).${UNDOCUMENTED_FIELDS}`,
			method: 'POST',
			path: v1('Workouts', 'QueryWorkouts'),
			actAs: 'optional',
			preSend: [withQueryObject],
			postReceive: [toItems(null)],
		}),
		exorLiveOperation({
			name: 'Search Exercises',
			value: 'searchExercises',
			action: 'Search exercises (legacy)',
			description: `${LEGACY}search the exercise library (QueryExercises).${UNDOCUMENTED_FIELDS}`,
			method: 'POST',
			path: v1('Workouts', 'QueryExercises'),
			actAs: 'optional',
			preSend: [withQueryObject],
			postReceive: [toItems(null)],
		}),
	]),
	actAsField(
		{
			resource: ['legacyWorkout'],
			operation: ['search', 'copyToUser', 'getExercise', 'searchExercises'],
		},
		false,
	),
	...legacyWorkoutSearchDescription,
	workoutIdField(copyToUser),
	userIdField(copyToUser),
	exerciseIdField({ resource: ['legacyWorkout'], operation: ['getExercise'] }),
	...legacyWorkoutSearchExercisesDescription,
];
