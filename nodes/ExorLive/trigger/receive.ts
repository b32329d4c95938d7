import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { inputError } from '../../shared/validation';
import { ACKNOWLEDGE, BINARY_PROPERTY, DOWNLOAD, MATCH_USER } from './description';
import { readyWorkoutItems, type DownloadSettings } from './download';
import { actAsUser, storedSecret } from './registration';
import { SECRET_PARAMETER, secretMatches } from './secret';

/** The one event ExorLive documents: workouts are ready in the Workout Exporter. */
export const WORKOUT_READY = 'workoutReady';

function single(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

/** `{ event, userId, receivedAt }` from ExorLive's query; nothing else of the call is kept. */
export function eventOf(query: IDataObject): IDataObject {
	const userId = single(query.userId)?.trim();
	return {
		event: single(query.event) ?? null,
		userId: userId && /^\d+$/.test(userId) ? Number(userId) : (userId ?? null),
		receivedAt: new Date().toISOString(),
	};
}

function downloadSettings(ctx: IWebhookFunctions): DownloadSettings {
	const binaryProperty = String(ctx.getNodeParameter(BINARY_PROPERTY, 'data')).trim();
	if (!binaryProperty)
		throw inputError(ctx, 'Put Output File in Field', 'a field name is required');
	return {
		actAs: actAsUser(ctx),
		matchUserAs: ctx.getNodeParameter(MATCH_USER, 'contact') as DownloadSettings['matchUserAs'],
		acknowledge: ctx.getNodeParameter(ACKNOWLEDGE, true) === true,
		binaryProperty,
	};
}

/**
 * A call from ExorLive. Without the secret of the registered URL it is answered 401 here and no
 * workflow starts. Otherwise it emits the event; with Download Ready Workouts, a workoutReady
 * event emits the ready workouts instead (none ready: answered, no workflow run).
 */
export async function receive(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const query = ctx.getQueryData() as IDataObject;
	if (!secretMatches(storedSecret(ctx), query[SECRET_PARAMETER])) {
		ctx.getResponseObject().status(401).json({ message: 'Unauthorized' });
		return { noWebhookResponse: true };
	}
	const event = eventOf(query);
	const download = ctx.getNodeParameter(DOWNLOAD, false) === true;
	if (!download || event.event !== WORKOUT_READY) return { workflowData: [[{ json: event }]] };
	const items = await readyWorkoutItems(ctx, event, downloadSettings(ctx));
	if (!items.length) return { webhookResponse: { message: 'No new workouts' } };
	return { workflowData: [items] };
}
