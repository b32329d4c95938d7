import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { recordsIn } from '../../client';
import { exorLiveField } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';
import { simplified } from '../../../shared/simplify';

/**
 * A workout's export metadata has 16 fields (WorkoutMetaForExport); simplified to its IDs, title
 * and whose it is. The link, description, dates and lock flag are left out.
 */
export const workoutExportAvailableWorkoutsOutput = simplified(
	'Id',
	'Guid',
	'Title',
	'ContactId',
	'ContactFirstname',
	'ContactLastname',
	'ContactCustomId',
	'OwnerId',
	'OwnerFirstname',
	'OwnerLastname',
);

/** Get Available Workouts and Get Available Workout IDs take the same filters. */
const show = {
	resource: ['workoutExport'],
	operation: ['getAvailableWorkouts', 'getAvailableWorkoutIds'],
};

const SCOPE_OPTIONS = [
	{ name: 'New', value: 'new', description: 'Workouts not yet acknowledged' },
	{ name: 'All', value: 'all' },
];

export const workoutExportAvailableWorkoutsDescription: INodeProperties[] = [
	exorLiveField(
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			default: 'new',
			required: true,
			description:
				'New lists only the workouts not yet acknowledged; All lists every available workout',
			options: SCOPE_OPTIONS,
			displayOptions: { show },
		},
		{ query: 'scope' },
	),
	additionalFields(show, [
		exorLiveField(
			{
				displayName: 'Contact ID',
				name: 'contactId',
				type: 'number',
				default: 0,
				description: 'Only workouts for this contact. Default: all.',
			},
			{ query: 'contactId' },
		),
		exorLiveField(
			{
				displayName: 'Department ID',
				name: 'departmentId',
				type: 'number',
				default: 0,
				description: 'Only this department. Default: the whole organization.',
			},
			{ query: 'departmentId' },
		),
		exorLiveField(
			{
				displayName: 'Owner ID',
				name: 'ownerId',
				type: 'number',
				default: 0,
				description: 'Only workouts of this instructor. Default: all.',
			},
			{ query: 'ownerId' },
		),
	]),
];

/** GetAvailableWorkoutIds answers a list of ids: one `{ workoutId }` item each. */
export async function workoutIdItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return recordsIn(response.body).map((record) => ({
		json: 'value' in record ? { workoutId: record.value } : record,
	}));
}
