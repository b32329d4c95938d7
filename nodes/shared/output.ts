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

/**
 * Output of a delete, as n8n's guidelines ask: `{ deleted: true }` and the IDs the node was
 * given, named like the operation's fields (`parameters`, as put into the path), e.g.
 * `{ deleted: true, orgId, roleId }`. The vendor's answer on success (nothing, `{}` or the
 * deleted record) is not output: the IDs are what a next node can act on. Errors are thrown
 * before this runs.
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
