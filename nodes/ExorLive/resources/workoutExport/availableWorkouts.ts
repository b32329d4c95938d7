import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { recordsIn } from '../../client';
import { sendChecked } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

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
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		default: 'new',
		required: true,
		options: SCOPE_OPTIONS,
		displayOptions: { show },
		routing: {
			send: sendChecked('query', 'scope', {
				name: 'scope',
				label: 'Scope',
				type: 'options',
				required: true,
				default: 'new',
				choices: SCOPE_OPTIONS,
			}),
		},
	},
	additionalFields(show, [
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'number',
			default: 0,
			description: 'Only workouts for this contact. Default: all.',
			routing: {
				send: sendChecked('query', 'contactId', {
					name: 'contactId',
					label: 'Contact ID',
					type: 'number',
				}),
			},
		},
		{
			displayName: 'Department ID',
			name: 'departmentId',
			type: 'number',
			default: 0,
			description: 'Only this department. Default: the whole organization.',
			routing: {
				send: sendChecked('query', 'departmentId', {
					name: 'departmentId',
					label: 'Department ID',
					type: 'number',
				}),
			},
		},
		{
			displayName: 'Owner ID',
			name: 'ownerId',
			type: 'number',
			default: 0,
			description: 'Only workouts of this instructor. Default: all.',
			routing: {
				send: sendChecked('query', 'ownerId', {
					name: 'ownerId',
					label: 'Owner ID',
					type: 'number',
				}),
			},
		},
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
