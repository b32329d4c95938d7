import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../../../shared/operation';
import { toItems } from '../../client';
import { actAsField, tagsField, workoutIdField } from '../../exorLiveFields';
import { exorLiveOperation } from '../../exorLiveOperation';
import { goClientCopyWorkoutToUserDescription } from './copyWorkoutToUser';
import { goClientQueryRelatedExercisesDescription } from './queryRelatedExercises';
import { goClientSetActivityDescription } from './setActivity';
import { goClientSetExerciseDescription } from './setExercise';
import { goClientUpdateProfileDescription, goClientUpdateProfileOutput } from './updateProfile';
import { goClientGetProfileOutput } from './getProfile';
import { withOutputFields } from '../../../shared/simplify';

/** Go client API v4: every call acts as the contact (Act As User ID is required). */
const go = (path: string) => `/api4/client/go/${path}/4`;

export const goClientDescription: INodeProperties[] = withOutputFields([
	operationProperty('goClient', 'loadAll', [
		exorLiveOperation({
			name: 'Copy Workout to User',
			value: 'copyWorkoutToUser',
			action: 'Copy a workout to a user',
			description:
				'Copy a workout to a user; returns the new workout. ExorLive names the answer but does not document its fields.',
			method: 'POST',
			path: go('copyworkouttouser'),
			actAs: 'required',
			places: { workoutId: { type: 'body', property: 'WorkoutId' } },
		}),
		exorLiveOperation({
			name: 'Get Activities by Workout',
			value: 'getActivitiesByWorkout',
			action: 'Get the activities of a workout',
			description:
				"The contact's activities for one workout, one item each. ExorLive names the answer but does not document its fields.",
			path: go('activitiesbyworkout'),
			actAs: 'required',
			postReceive: [toItems(null)],
			places: { workoutId: { type: 'query', property: 'workoutId' } },
		}),
		exorLiveOperation({
			name: 'Get Activities To Do',
			value: 'getActivitiesTodo',
			action: "Get a contact's activities to do",
			description:
				'Activities the contact has still to do, one item each. ExorLive names the answer but does not document its fields.',
			path: go('activitiestodo'),
			actAs: 'required',
			postReceive: [toItems(null)],
		}),
		exorLiveOperation({
			name: 'Get Profile',
			value: 'getProfile',
			action: "Get a contact's profile",
			description: "The contact's ExorLive Go profile",
			path: go('profile'),
			actAs: 'required',
			output: goClientGetProfileOutput,
		}),
		exorLiveOperation({
			name: 'Get Workout',
			value: 'getWorkout',
			action: 'Get a workout of a contact',
			description:
				'One workout of the contact with its exercises. ExorLive names the answer but does not document its fields.',
			path: go('workout'),
			actAs: 'required',
			places: { workoutId: { type: 'query', property: 'workoutId' } },
		}),
		exorLiveOperation({
			name: 'Get Workouts',
			value: 'getWorkouts',
			action: "Get a contact's workouts",
			description:
				'All workouts of the contact, one item each. ExorLive names the answer but does not document its fields.',
			path: go('workouts'),
			actAs: 'required',
			postReceive: [toItems(null)],
		}),
		exorLiveOperation({
			name: 'Get Workouts by Tags',
			value: 'getWorkoutsByTags',
			action: "Get a contact's workouts by tags",
			description:
				'Workouts of the contact that carry the given tags, one item each. ExorLive names the answer but does not document its fields.',
			path: go('workoutsbytags'),
			actAs: 'required',
			postReceive: [toItems(null)],
		}),
		exorLiveOperation({
			name: 'Load All',
			value: 'loadAll',
			action: "Load a contact's profile, workouts and activities",
			description:
				'Everything ExorLive Go shows a contact: profile, workouts and activities (LoadAll). ExorLive names the answer but does not document its fields.',
			path: go('loadall'),
			actAs: 'required',
		}),
		exorLiveOperation({
			name: 'Query Related Exercises',
			value: 'queryRelatedExercises',
			action: 'Find exercises related to an exercise',
			description:
				'Exercises related to a master exercise, with a Rating from 0 to 100, one item each. ExorLive names the answer but does not document its fields.',
			path: go('relatedExercises'),
			actAs: 'required',
			postReceive: [toItems(null)],
		}),
		exorLiveOperation({
			name: 'Save Activity',
			value: 'setActivity',
			action: 'Create or update an activity',
			description:
				'Save an activity (Activity ID 0 creates one); returns the saved activity (SetActivity). ExorLive names the answer but does not document its fields.',
			method: 'POST',
			path: go('activity'),
			actAs: 'required',
		}),
		exorLiveOperation({
			name: 'Update Exercise',
			value: 'setExercise',
			action: 'Update an exercise of a workout',
			description:
				'Save an exercise of a workout, e.g. mark it completed; returns the updated exercise (SetExercise). ExorLive names the answer but does not document its fields.',
			method: 'POST',
			path: go('exercise'),
			actAs: 'required',
			places: { id: { type: 'body', property: 'Id' } },
		}),
		exorLiveOperation({
			name: 'Update Profile',
			value: 'updateProfile',
			action: "Update a contact's profile",
			description:
				"Save the contact's ExorLive Go profile; returns the saved profile (SetUserProfile)",
			method: 'POST',
			path: go('profile'),
			actAs: 'required',
			output: goClientUpdateProfileOutput,
		}),
	]),
	actAsField(
		{
			resource: ['goClient'],
			operation: [
				'loadAll',
				'getProfile',
				'updateProfile',
				'getWorkouts',
				'getWorkoutsByTags',
				'getWorkout',
				'copyWorkoutToUser',
				'getActivitiesTodo',
				'getActivitiesByWorkout',
				'queryRelatedExercises',
				'setExercise',
				'setActivity',
			],
		},
		true,
	),
	...goClientUpdateProfileDescription,
	tagsField({ resource: ['goClient'], operation: ['getWorkoutsByTags'] }),
	workoutIdField({ resource: ['goClient'], operation: ['getWorkout'] }),
	...goClientCopyWorkoutToUserDescription,
	workoutIdField({ resource: ['goClient'], operation: ['getActivitiesByWorkout'] }),
	...goClientQueryRelatedExercisesDescription,
	...goClientSetExerciseDescription,
	...goClientSetActivityDescription,
]);
