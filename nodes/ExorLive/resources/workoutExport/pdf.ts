import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { inputError } from '../../../shared/validation';
import type { ExorLiveOperation } from '../../shared';
import { recordsIn, unexpectedAnswer } from '../../responses';
import { workoutIdField } from '../../fields';

const binaryField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the PDF in',
};

/** WorkoutForExport: the PDF (PdfBase64) becomes binary data, the rest the item's JSON. */
async function pdfOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const [workout] = recordsIn(response.body);
	if (!workout || typeof workout.PdfBase64 !== 'string' || !workout.PdfBase64) {
		throw unexpectedAnswer(this, response, 'PdfBase64');
	}
	const property = String(this.getNodeParameter('binaryPropertyName', 'data')).trim();
	if (!property) throw inputError(this, 'Put Output File in Field', 'a field name is required');
	const { PdfBase64: pdf, ...metadata } = workout;
	const id = metadata.Id ?? this.getNodeParameter('workoutId');
	const binary = await this.helpers.prepareBinaryData(
		Buffer.from(pdf, 'base64'),
		`workout-${String(id)}.pdf`,
		'application/pdf',
	);
	return [{ json: metadata as IDataObject, binary: { [property]: binary } }];
}

export const getWorkoutPdf: ExorLiveOperation = {
	name: 'Get Workout PDF',
	value: 'getWorkoutPdf',
	action: 'Get the PDF and metadata of a signed workout',
	description:
		'Download a signed workout as a PDF (binary output) with its metadata and exercises (GetWorkoutPDF)',
	path: '/api4/export/GetWorkoutPDF',
	fields: [workoutIdField],
	extraFields: [binaryField],
	output: [pdfOutput],
};
