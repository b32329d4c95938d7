import { operationProperty } from '../../../shared/operation';
import type { INodeProperties } from 'n8n-workflow';
import { exolinkOperation } from '../../exolinkOperation';
import { checkProductId, productGetDescription, productGetOutput } from './get';
import { productGetAllOutput } from './getAll';
import { withOutputFields } from '../../../shared/simplify';

export const productDescription: INodeProperties[] = withOutputFields([
	operationProperty('product', 'getAll', [
		exolinkOperation({
			name: 'Get',
			value: 'get',
			action: 'Get a product',
			description: 'Get a product with its price (in cents), limits and features',
			method: 'GET',
			path: '/product/{productId}',
			preSend: [checkProductId],
			output: productGetOutput,
		}),
		exolinkOperation({
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many products',
			description: 'List the Exolink products and their prices (in cents)',
			method: 'GET',
			path: '/product',
			output: productGetAllOutput,
		}),
	]),
	...productGetDescription,
]);
