import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

function asObject(value: unknown): IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: { data: value as IDataObject['data'] };
}

/**
 * Post-receive for bodies that are not wrapped in an object: n8n only splits a top-level JSON
 * array into items when an operation has no post-receive, and every operation here has one (the
 * error check). A top-level array becomes one item per element (an empty array, no item); a body
 * that is not a JSON object (text, a number) becomes `{ data }`, as an item must be an object.
 */
export async function bodyItems(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.flatMap((item) => {
		const json = item.json as unknown;
		return (Array.isArray(json) ? json : [json]).map((element) => ({ json: asObject(element) }));
	});
}
