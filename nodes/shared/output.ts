import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	PostReceiveAction,
} from 'n8n-workflow';
import { itemParameter } from './validation';

/** Whether an answer body is empty: nothing, an empty string or an object without keys. */
export function isEmpty(body: unknown): boolean {
	if (body === undefined || body === null || body === '') return true;
	return typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
}

/** For an answer with no body (or `{}`): a confirmation item, so the next node has something. */
export function noContent(confirmation: IDataObject): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	) {
		return isEmpty(response.body) ? [{ json: { ...confirmation } }] : items;
	};
}

/**
 * A delete's output, as n8n's guidelines ask: `{ deleted: true }` and the path IDs it was given,
 * e.g. `{ deleted: true, orgId, roleId }`, not the vendor's answer; errors are thrown before.
 */
export function deletedOutput(parameters: string[]): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions) {
		const ids = parameters.map((name) => [name, String(itemParameter(this, name))]);
		return [{ json: { deleted: true, ...Object.fromEntries(ids) } }];
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
