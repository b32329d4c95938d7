import type {
	IBinaryData,
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
import { exportPath } from './paths';

export const binaryField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	hint: 'The name of the output binary field to put the PDF in',
};

type PrepareBinaryData = IExecuteSingleFunctions['helpers']['prepareBinaryData'];

type WorkoutWithPdf = IDataObject & { PdfBase64: string };

/** Whether a GetWorkoutPDF answer (WorkoutForExport) holds the PDF. */
export function hasPdf(workout: IDataObject | undefined): workout is WorkoutWithPdf {
	return typeof workout?.PdfBase64 === 'string' && workout.PdfBase64 !== '';
}

/**
 * A WorkoutForExport record split into the PDF (PdfBase64, as binary data named after the
 * workout) and the rest (metadata and exercises).
 */
export async function splitWorkoutPdf(
	prepareBinaryData: PrepareBinaryData,
	workout: WorkoutWithPdf,
	workoutId: unknown,
): Promise<{ metadata: IDataObject; pdf: IBinaryData }> {
	const { PdfBase64: base64, ...metadata } = workout;
	const id = metadata.Id ?? workoutId;
	const pdf = await prepareBinaryData(
		Buffer.from(base64, 'base64'),
		`workout-${String(id)}.pdf`,
		'application/pdf',
	);
	return { metadata, pdf };
}

/** WorkoutForExport: the PDF (PdfBase64) becomes binary data, the rest the item's JSON. */
async function pdfOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const [workout] = recordsIn(response.body);
	if (!hasPdf(workout)) throw unexpectedAnswer(this, response, 'PdfBase64');
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
