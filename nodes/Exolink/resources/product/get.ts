import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { idLocator } from '../../../shared/fieldBuilders';
import { sentAs } from '../../../shared/fieldTypes';
import { inputError, itemParameter } from '../../../shared/validation';
import { productGetAllOutput } from './getAll';

/** The same product record as Get Many answers with, simplified the same way. */
export const productGetOutput = productGetAllOutput;

export const productGetDescription: INodeProperties[] = [
	// Exolink: `productId` integer (path).
	sentAs(
		'integer',
		idLocator({
			displayName: 'Product',
			name: 'productId',
			description: 'The product to get. Pick one or enter its numeric ID.',
			searchListMethod: 'searchProducts',
			placeholder: 'e.g. 1',
			show: { resource: ['product'], operation: ['get'] },
		}),
	),
];

/** Product IDs are integers in Exolink's API. */
export async function checkProductId(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const id = String(itemParameter(this, 'productId', '')).trim();
	if (!/^\d+$/.test(id)) throw inputError(this, 'Product', `"${id}" is not a numeric product ID`);
	return options;
}
