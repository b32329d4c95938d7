import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { inputError } from '../../../shared/validation';
import type { ExorLiveOperation } from '../../operationSpecs';
import {
	binaryField,
	exportPath,
	hasPdf,
	recordsIn,
	splitWorkoutPdf,
	unexpectedAnswer,
} from '../../client';
import { workoutIdField } from '../../fieldSpecs';

/** WorkoutForExport: the PDF (PdfBase64) becomes binary data, the rest the item's JSON. */
async function pdfOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const [workout] = recordsIn(response.body);
	if (!hasPdf(workout)) throw unexpectedAnswer(this, 'PdfBase64', response);
	const property = String(this.getNodeParameter('binaryPropertyName', 'data')).trim();
	if (!property) throw inputError(this, 'Put Output File in Field', 'a field name is required');
	const split = await splitWorkoutPdf(
		this.helpers.prepareBinaryData,
		workout,
		this.getNodeParameter('workoutId'),
	);
	return [{ json: split.metadata, binary: { [property]: split.pdf } }];
}

export const getWorkoutPdf: ExorLiveOperation = {
	name: 'Get Workout PDF',
	value: 'getWorkoutPdf',
	action: 'Get the PDF and metadata of a signed workout',
	description:
		'Download a signed workout as a PDF (binary output) with its metadata and exercises (GetWorkoutPDF)',
	path: exportPath('GetWorkoutPDF'),
	fields: [workoutIdField],
	extraFields: [binaryField],
	output: [pdfOutput],
};
