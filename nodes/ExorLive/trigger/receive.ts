import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { inputError } from '../../shared/validation';
import { ACKNOWLEDGE, BINARY_PROPERTY, DOWNLOAD, MATCH_USER, REPEAT_WINDOW } from './description';
import { readyWorkoutItems, type DownloadSettings } from './download';
import { actAsUser, storedSecret } from './registration';
import { remember, rememberedLog } from './replay';
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
 * Whether the same event for the same user arrived within the node's Ignore Repeats Within
 * (remembered now if not): ExorLive's call names only these, so a repeat carries nothing new.
 */
function isRepeat(ctx: IWebhookFunctions, event: IDataObject): boolean {
	const seconds = Number(ctx.getNodeParameter(REPEAT_WINDOW, 60));
	if (!Number.isFinite(seconds) || seconds < 0) {
		throw inputError(ctx, 'Ignore Repeats Within (Seconds)', 'must be 0 or more seconds');
	}
	if (seconds === 0) return false;
	const log = rememberedLog(ctx, 'receivedEvents', seconds * 1000);
	const key = `${String(event.event)}:${String(event.userId)}`;
	if (log[key] !== undefined) return true;
	remember(log, [key]);
	return false;
}

/**
 * A call from ExorLive. Without the secret of the registered URL it is answered 401 here and no
 * workflow starts. Otherwise it emits the event (a repeat within the window starts nothing);
 * with Download Ready Workouts, a workoutReady event emits the ready workouts instead (none
 * ready: answered, no workflow run).
 */
export async function receive(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const query = ctx.getQueryData() as IDataObject;
	if (!secretMatches(storedSecret(ctx), query[SECRET_PARAMETER])) {
		ctx.getResponseObject().status(401).json({ message: 'Unauthorized' });
		return { noWebhookResponse: true };
	}
	const event = eventOf(query);
	const download = ctx.getNodeParameter(DOWNLOAD, false) === true;
	if (!download || event.event !== WORKOUT_READY) {
		if (isRepeat(ctx, event)) return { webhookResponse: { message: 'Already received' } };
		return { workflowData: [[{ json: event }]] };
	}
	const items = await readyWorkoutItems(ctx, event, downloadSettings(ctx));
	if (!items.length) return { webhookResponse: { message: 'No new workouts' } };
	return { workflowData: [items] };
}
