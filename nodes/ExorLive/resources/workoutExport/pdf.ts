import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { inputError, itemParameter } from '../../../shared/validation';
import { binaryField, hasPdf, recordsIn, splitWorkoutPdf, unexpectedAnswer } from '../../client';
import { workoutIdField } from '../../exorLiveFields';
import { workoutExportAvailableWorkoutsOutput } from './availableWorkouts';

/**
 * WorkoutForExport has 18 fields: the 16 of Get Available Workouts, the PDF (the item's binary
 * data, not simplified) and the exercises; simplified like Get Available Workouts.
 */
export const workoutExportGetWorkoutPdfOutput = workoutExportAvailableWorkoutsOutput;

function outputField(context: IExecuteSingleFunctions): string {
	const property = String(itemParameter(context, 'binaryPropertyName', 'data')).trim();
	if (!property) throw inputError(context, 'Put Output File in Field', 'a field name is required');
	return property;
}

/** Checked before the download, so an empty field name costs no PDF. */
export async function checkOutputField(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	outputField(this);
	return options;
}

/** WorkoutForExport: the PDF (PdfBase64) becomes binary data, the rest the item's JSON. */
export async function pdfOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const [workout] = recordsIn(response.body);
	if (!hasPdf(workout)) throw unexpectedAnswer(this, 'PdfBase64', response);
	const property = outputField(this);
	const split = await splitWorkoutPdf(
		this.helpers.prepareBinaryData,
		workout,
		itemParameter(this, 'workoutId'),
	);
	return [{ json: split.metadata, binary: { [property]: split.pdf } }];
}

const show = { resource: ['workoutExport'], operation: ['getWorkoutPdf'] };

export const workoutExportGetWorkoutPdfDescription: INodeProperties[] = [
	workoutIdField(show),
	{ ...binaryField, displayOptions: { show } },
];
