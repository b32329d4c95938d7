import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { exorLiveResource, type ExorLiveOperation } from '../../operationSpecs';
import { toItems, toValue } from '../../client';
import { LEGACY, member, param, v1, UNDOCUMENTED_FIELDS } from './v1';

/** A field of the `query` object of the two query methods. */
const query = member('query', true);

/** The two query methods take a `query` object, also when no filter is set: `{ "query": {} }`. */
async function withQueryObject(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body =
		options.body && typeof options.body === 'object' ? (options.body as IDataObject) : {};
	return { ...options, body: { query: {}, ...body } };
}

const operations: ExorLiveOperation[] = [
	{
		name: 'Search',
		value: 'search',
		action: 'Search workouts (legacy)',
		description: `${LEGACY}search workouts and workout templates (QueryWorkouts).${UNDOCUMENTED_FIELDS}`,
		method: 'POST',
		path: v1('Workouts', 'QueryWorkouts'),
		fields: [
			query('Query', 'Search Text', 'string'),
			query('Location', 'Location', 'string'),
			query('LocationId', 'Location ID', 'number'),
			query('Nested', 'Nested', 'boolean'),
			query('OnlyTemplates', 'Only Templates', 'boolean'),
			query('Start', 'Start', 'number', { description: 'Index of the first result' }),
			query('Length', 'Length', 'number', { description: 'Number of results' }),
		],
		preSend: [withQueryObject],
		output: [toItems(null)],
	},
	{
		name: 'Copy to User',
		value: 'copyToUser',
		action: 'Copy a workout to a user (legacy)',
		description: `${LEGACY}copy a workout to a user; outputs the new workout ID (CopyWorkoutToUser)`,
		method: 'POST',
		path: v1('Workouts', 'CopyWorkoutToUser'),
		fields: [
			param('workoutId', 'Workout ID', 'number', { required: true, check: 'positive' }),
			param('userId', 'User ID', 'number', { required: true, check: 'positive' }),
		],
		output: [toValue({ key: 'workoutId', candidates: ['workoutId', 'id'], numeric: true })],
	},
	{
		name: 'Get Exercise',
		value: 'getExercise',
		action: 'Get an exercise (legacy)',
		description: `${LEGACY}one exercise by ID (GetExercise).${UNDOCUMENTED_FIELDS}`,
		method: 'POST',
		path: v1('Workouts', 'GetExercise'),
		fields: [param('id', 'Exercise ID', 'number', { required: true, check: 'positive' })],
	},
	{
		name: 'Search Exercises',
		value: 'searchExercises',
		action: 'Search exercises (legacy)',
		description: `${LEGACY}search the exercise library (QueryExercises).${UNDOCUMENTED_FIELDS}`,
		method: 'POST',
		path: v1('Workouts', 'QueryExercises'),
		fields: [
			query('Query', 'Search Text', 'string'),
			query('ReturnResult', 'Return Result', 'boolean'),
			query('ReturnFilter', 'Return Filter', 'boolean'),
			query('Type', 'Type', 'string'),
			query('Equipment', 'Equipment', 'string'),
			query('Focus', 'Focus', 'string'),
			query('SortBy', 'Sort By', 'string'),
			query('StartPosition', 'Start Position', 'number'),
			query('Level', 'Level', 'string'),
			query('AgeGroup', 'Age Group', 'string'),
		],
		preSend: [withQueryObject],
		output: [toItems(null)],
	},
];

export const legacyWorkoutDescription = exorLiveResource('legacyWorkout', {
	operations,
	default: 'search',
	actAs: 'optional',
});
