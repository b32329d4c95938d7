import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../../../shared/operation';
import { exportPath, sendClientName, toItems } from '../../client';
import { actAsField, workoutIdField } from '../../exorLiveFields';
import { exorLiveOperation } from '../../exorLiveOperation';
import {
	workoutExportAvailableWorkoutsDescription,
	workoutExportAvailableWorkoutsOutput,
	workoutIdItems,
} from './availableWorkouts';
import {
	checkOutputField,
	pdfOutput,
	workoutExportGetWorkoutPdfDescription,
	workoutExportGetWorkoutPdfOutput,
} from './pdf';
import { withOutputFields } from '../../../shared/simplify';

/** Every Workout Exporter call also takes the client name as `clientname` (sendClientName). */
export const workoutExportDescription: INodeProperties[] = withOutputFields([
	operationProperty('workoutExport', 'getAvailableWorkouts', [
		exorLiveOperation({
			name: 'Acknowledge Workout',
			value: 'acknowledgeWorkout',
			action: 'Mark an exported workout as processed',
			description: 'Acknowledge a workout so it drops out of the New scope',
			path: exportPath('AcknowledgeWorkout'),
			actAs: 'optional',
			preSend: [sendClientName],
			postReceive: [toItems({ acknowledged: true })],
			places: { workoutId: { type: 'query', property: 'workoutId' } },
		}),
		exorLiveOperation({
			name: 'Get Available Workout IDs',
			value: 'getAvailableWorkoutIds',
			action: 'Get the IDs of the signed workouts available for export',
			description: 'List only the IDs of signed workouts ready for export, one item each',
			path: exportPath('GetAvailableWorkoutIds'),
			actAs: 'optional',
			preSend: [sendClientName],
			postReceive: [workoutIdItems],
		}),
		exorLiveOperation({
			name: 'Get Available Workouts',
			value: 'getAvailableWorkouts',
			action: 'Get the signed workouts available for export',
			description:
				'List signed workouts ready for export with their metadata (ID, title, contact and owner), one item each',
			path: exportPath('GetAvailableWorkouts'),
			actAs: 'optional',
			preSend: [sendClientName],
			postReceive: [toItems(null)],
			output: workoutExportAvailableWorkoutsOutput,
		}),
		exorLiveOperation({
			name: 'Get Workout PDF',
			value: 'getWorkoutPdf',
			action: 'Get the PDF and metadata of a signed workout',
			description:
				'Download a signed workout as a PDF (binary output) with its metadata and exercises (GetWorkoutPDF)',
			path: exportPath('GetWorkoutPDF'),
			actAs: 'optional',
			preSend: [checkOutputField, sendClientName],
			postReceive: [pdfOutput],
			output: workoutExportGetWorkoutPdfOutput,
			places: { workoutId: { type: 'query', property: 'workoutId' } },
		}),
		exorLiveOperation({
			name: 'Ping',
			value: 'ping',
			action: 'Check the connection to the workout exporter',
			description:
				'Check that the Workout Exporter can be reached with your token. ExorLive does not document the answer.',
			path: exportPath('Ping'),
			actAs: 'optional',
			preSend: [sendClientName],
		}),
	]),
	actAsField(
		{
			resource: ['workoutExport'],
			operation: [
				'ping',
				'getAvailableWorkouts',
				'getAvailableWorkoutIds',
				'getWorkoutPdf',
				'acknowledgeWorkout',
			],
		},
		false,
	),
	...workoutExportAvailableWorkoutsDescription,
	...workoutExportGetWorkoutPdfDescription,
	workoutIdField({ resource: ['workoutExport'], operation: ['acknowledgeWorkout'] }),
]);
