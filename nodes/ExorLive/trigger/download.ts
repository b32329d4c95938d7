import type { IDataObject, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';
import {
	CREDENTIAL_TYPE,
	exorLiveGet,
	exportPath,
	hasPdf,
	recordsIn,
	splitWorkoutPdf,
	unexpectedAnswer,
} from '../client';
import { remember, rememberedLog } from './replay';

export interface DownloadSettings {
	/** The Act As user, or undefined for the credential's admin user. */
	actAs?: string;
	/** Which filter of GetAvailableWorkouts the event's user id goes into. */
	matchUserAs: 'contact' | 'owner' | 'organization';
	acknowledge: boolean;
	binaryProperty: string;
}

const USER_FILTER = { contact: 'contactId', owner: 'ownerId' } as const;

/**
 * Workouts delivered within this window (keyed by event user and workout id, see replay.ts) are
 * not downloaded or emitted again, acknowledged or not: a replayed call starts no second run.
 */
export const REPLAY_WINDOW_MS = 60 * 60 * 1000;

const deliveryKey = (event: IDataObject, workoutId: number) =>
	`${String(event.userId ?? '')}:${workoutId}`;

/** A positive whole workout id from a GetAvailableWorkouts record. */
function workoutIdOf(ctx: IWebhookFunctions, workout: IDataObject): number {
	const id = Number(workout.Id);
	if (!Number.isInteger(id) || id <= 0)
		throw unexpectedAnswer(ctx, 'workout Id', { body: workout });
	return id;
}

/**
 * The workouts ready for the event's user (Workout Exporter, scope New), metadata under `workout`
 * and the PDF as binary. All PDFs are downloaded before any acknowledgement, so a failed download
 * acknowledges nothing and the workouts come again. A failed acknowledgement keeps the item, with
 * `acknowledged: false` (delivered again on a call after the replay window).
 */
export async function readyWorkoutItems(
	ctx: IWebhookFunctions,
	event: IDataObject,
	settings: DownloadSettings,
): Promise<INodeExecutionData[]> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const clientname = String(credentials.clientName ?? '');
	const filter =
		settings.matchUserAs === 'organization' || event.userId === null
			? {}
			: { [USER_FILTER[settings.matchUserAs]]: event.userId };
	const available = await exorLiveGet(
		ctx,
		{ path: exportPath('GetAvailableWorkouts'), qs: { clientname, scope: 'new', ...filter } },
		settings.actAs,
	);
	const items: INodeExecutionData[] = [];
	const ids: number[] = [];
	const delivered = rememberedLog(ctx, 'deliveredWorkouts', REPLAY_WINDOW_MS);
	for (const listed of recordsIn(available)) {
		const workoutId = workoutIdOf(ctx, listed);
		if (delivered[deliveryKey(event, workoutId)] !== undefined) continue;
		const body = await exorLiveGet(
			ctx,
			{ path: exportPath('GetWorkoutPDF'), qs: { clientname, workoutId } },
			settings.actAs,
		);
		const [workout] = recordsIn(body);
		if (!hasPdf(workout))
			throw unexpectedAnswer(ctx, `PdfBase64 for workout ${workoutId}`, {
				body: { Id: workoutId },
			});
		const { metadata, pdf } = await splitWorkoutPdf(
			ctx.helpers.prepareBinaryData,
			workout,
			workoutId,
		);
		items.push({
			json: { ...event, workout: metadata },
			binary: { [settings.binaryProperty]: pdf },
		});
		ids.push(workoutId);
	}
	remember(
		delivered,
		ids.map((workoutId) => deliveryKey(event, workoutId)),
	);
	if (!settings.acknowledge) return items;
	for (const [index, workoutId] of ids.entries()) {
		const json = items[index].json;
		try {
			await exorLiveGet(
				ctx,
				{ path: exportPath('AcknowledgeWorkout'), qs: { clientname, workoutId } },
				settings.actAs,
			);
			json.acknowledged = true;
		} catch (error) {
			json.acknowledged = false;
			json.acknowledgeError = (error as Error).message;
		}
	}
	return items;
}
