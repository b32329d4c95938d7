import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';

/** Whether an answer body is empty: nothing, an empty string or an object without keys. */
export function isEmpty(body: unknown): boolean {
	if (body === undefined || body === null || body === '') return true;
	return typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
}

/**
 * For operations that answer with no body (or `{}`): emit a small confirmation item instead of
 * an empty one, so the next node has something to work with.
 */
export function noContent(confirmation: IDataObject): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	) {
		return isEmpty(response.body) ? [{ json: { ...confirmation } }] : items;
	};
}

/** Turns the array under `property` into one item per element (and nothing for an empty list). */
export function splitInto(property: string): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		return items.flatMap((item) => {
			const list = (item.json as IDataObject)[property];
			return Array.isArray(list) ? list.map((json) => ({ json: json as IDataObject })) : [];
		});
	};
}
