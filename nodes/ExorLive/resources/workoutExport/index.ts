import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { exorLiveResource, type ExorLiveOperation } from '../../operationSpecs';
import { exportPath, recordsIn, sendClientName, toItems } from '../../client';
import { workoutIdField } from '../../fieldSpecs';
import { workoutFilters } from './filters';
import { getWorkoutPdf } from './pdf';

/** GetAvailableWorkoutIds answers a list of ids: one `{ workoutId }` item each. */
async function workoutIdItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return recordsIn(response.body).map((record) => ({
		json: 'value' in record ? { workoutId: record.value } : record,
	}));
}

const operations: ExorLiveOperation[] = [
	{
		name: 'Ping',
		value: 'ping',
		action: 'Check the connection to the workout exporter',
		description:
			'Check that the Workout Exporter can be reached with your token. ExorLive does not document the answer.',
		path: exportPath('Ping'),
	},
	{
		name: 'Get Available Workouts',
		value: 'getAvailableWorkouts',
		action: 'Get the signed workouts available for export',
		description:
			'List signed workouts ready for export with their metadata (ID, title, contact and owner), one item each',
		path: exportPath('GetAvailableWorkouts'),
		fields: workoutFilters,
		output: [toItems(null)],
	},
	{
		name: 'Get Available Workout IDs',
		value: 'getAvailableWorkoutIds',
		action: 'Get the IDs of the signed workouts available for export',
		description: 'List only the IDs of signed workouts ready for export, one item each',
		path: exportPath('GetAvailableWorkoutIds'),
		fields: workoutFilters,
		output: [workoutIdItems],
	},
	getWorkoutPdf,
	{
		name: 'Acknowledge Workout',
		value: 'acknowledgeWorkout',
		action: 'Mark an exported workout as processed',
		description: 'Acknowledge a workout so it drops out of the New scope',
		path: exportPath('AcknowledgeWorkout'),
		fields: [workoutIdField],
		output: [toItems({ acknowledged: true })],
	},
];

/** Every Workout Exporter call also takes the client name as `clientname`. */
export const workoutExportDescription = exorLiveResource('workoutExport', {
	operations: operations.map((spec) => ({
		...spec,
		preSend: [sendClientName],
	})),
	default: 'getAvailableWorkouts',
	actAs: 'optional',
});
