import {
	GENDER_OPTIONS,
	pascalField,
	requiredId,
	tagsField,
	workoutIdField,
	type FieldSpec,
} from '../../fieldSpecs';
import { exorLiveResource, type ExorLiveOperation } from '../../operationSpecs';
import { toItems } from '../../client';

/** Go client API v4: every call acts as the contact (Act As User ID is required). */
const go = (path: string) => `/api4/client/go/${path}/4`;

const query = (name: string, label: string, extra: Partial<FieldSpec> = {}) =>
	pascalField('query', name, label, 'string', extra);

const body = (
	name: string,
	label: string,
	type: FieldSpec['type'],
	extra: Partial<FieldSpec> = {},
) => pascalField('body', name, label, type, extra);

const moreFields = (what: string): FieldSpec => ({
	name: 'moreFields',
	label: 'More Fields (JSON)',
	type: 'json',
	send: { in: 'body', property: '' },
	description: `Further ${what} fields as a JSON object, e.g. from a Get operation`,
});

const profileFields: FieldSpec[] = [
	body('id', 'Profile ID', 'number'),
	body('customId', 'Custom ID', 'string'),
	body('firstname', 'First Name', 'string'),
	body('lastname', 'Last Name', 'string'),
	body('email', 'Email', 'string', { check: 'email' }),
	body('profileImageId', 'Profile Image ID', 'number'),
	body('userTags', 'User Tags', 'list'),
	body('height', 'Height', 'number'),
	body('weight', 'Weight', 'number'),
	body('gender', 'Gender', 'options', { options: GENDER_OPTIONS, default: 0 }),
	body('dateOfBirth', 'Date of Birth', 'string', { check: 'date', placeholder: 'YYYY-MM-DD' }),
	body('yearOfBirth', 'Year of Birth', 'number'),
];

const operations: ExorLiveOperation[] = [
	{
		name: 'Load All',
		value: 'loadAll',
		action: "Load a contact's profile, workouts and activities",
		description:
			'Everything ExorLive Go shows a contact: profile, workouts and activities (LoadAll). ExorLive names the answer but does not document its fields.',
		path: go('loadall'),
	},
	{
		name: 'Get Profile',
		value: 'getProfile',
		action: "Get a contact's profile",
		description: "The contact's ExorLive Go profile",
		path: go('profile'),
	},
	{
		name: 'Update Profile',
		value: 'updateProfile',
		action: "Update a contact's profile",
		description:
			"Save the contact's ExorLive Go profile; returns the saved profile (SetUserProfile)",
		method: 'POST',
		path: go('profile'),
		fields: profileFields,
	},
	{
		name: 'Get Workouts',
		value: 'getWorkouts',
		action: "Get a contact's workouts",
		description:
			'All workouts of the contact, one item each. ExorLive names the answer but does not document its fields.',
		path: go('workouts'),
		output: [toItems(null)],
	},
	{
		name: 'Get Workouts by Tags',
		value: 'getWorkoutsByTags',
		action: "Get a contact's workouts by tags",
		description:
			'Workouts of the contact that carry the given tags, one item each. ExorLive names the answer but does not document its fields.',
		path: go('workoutsbytags'),
		fields: [tagsField],
		output: [toItems(null)],
	},
	{
		name: 'Get Workout',
		value: 'getWorkout',
		action: 'Get a workout of a contact',
		description:
			'One workout of the contact with its exercises. ExorLive names the answer but does not document its fields.',
		path: go('workout'),
		fields: [workoutIdField],
	},
	{
		name: 'Copy Workout to User',
		value: 'copyWorkoutToUser',
		action: 'Copy a workout to a user',
		description:
			'Copy a workout to a user; returns the new workout. ExorLive names the answer but does not document its fields.',
		method: 'POST',
		path: go('copyworkouttouser'),
		fields: [
			requiredId('workoutId', 'Workout ID', { in: 'body', property: 'WorkoutId' }),
			requiredId(
				'userId',
				'User ID',
				{ in: 'body', property: 'UserId' },
				{
					description: 'ExorLive user ID to copy the workout to',
				},
			),
		],
	},
	{
		name: 'Get Activities To Do',
		value: 'getActivitiesTodo',
		action: "Get a contact's activities to do",
		description:
			'Activities the contact has still to do, one item each. ExorLive names the answer but does not document its fields.',
		path: go('activitiestodo'),
		output: [toItems(null)],
	},
	{
		name: 'Get Activities by Workout',
		value: 'getActivitiesByWorkout',
		action: 'Get the activities of a workout',
		description:
			"The contact's activities for one workout, one item each. ExorLive names the answer but does not document its fields.",
		path: go('activitiesbyworkout'),
		fields: [workoutIdField],
		output: [toItems(null)],
	},
	{
		name: 'Query Related Exercises',
		value: 'queryRelatedExercises',
		action: 'Find exercises related to an exercise',
		description:
			'Exercises related to a master exercise, with a Rating from 0 to 100, one item each. ExorLive names the answer but does not document its fields.',
		path: go('relatedExercises'),
		fields: [
			requiredId('sourceMasterExerciseId', 'Source Master Exercise ID', {
				in: 'query',
				property: 'SourceMasterExerciseId',
			}),
			query('wantedCount', 'Wanted Count', {
				type: 'number',
				description: 'How many exercises to return',
			}),
			query('packageIds', 'Package IDs', {
				description: 'Exercise packages to search, as ExorLive expects them',
			}),
			query('equipmentId', 'Equipment ID', { type: 'number' }),
			query('asProgression', 'As Progression', {
				type: 'boolean',
				description: 'Whether to return progressions of the exercise',
			}),
		],
		output: [toItems(null)],
	},
	{
		name: 'Update Exercise',
		value: 'setExercise',
		action: 'Update an exercise of a workout',
		description:
			'Save an exercise of a workout, e.g. mark it completed; returns the updated exercise (SetExercise). ExorLive names the answer but does not document its fields.',
		method: 'POST',
		path: go('exercise'),
		fields: [
			// First, so that the typed fields win over the same keys in the JSON.
			moreFields('exercise'),
			requiredId('id', 'Exercise ID', { in: 'body', property: 'Id' }),
			body('completed', 'Completed', 'boolean', { required: true }),
		],
	},
	{
		name: 'Save Activity',
		value: 'setActivity',
		action: 'Create or update an activity',
		description:
			'Save an activity (Activity ID 0 creates one); returns the saved activity (SetActivity). ExorLive names the answer but does not document its fields.',
		method: 'POST',
		path: go('activity'),
		fields: [
			moreFields('activity'),
			body('id', 'Activity ID', 'number', {
				required: true,
				default: 0,
				description: '0 creates a new activity',
			}),
		],
	},
];

export const goClientDescription = exorLiveResource('goClient', {
	operations,
	default: 'loadAll',
	actAs: 'required',
});
