import type { INodeProperties } from 'n8n-workflow';
import { offsetPaginator } from '../../../shared/pagination';
import { splitInto } from '../../../shared/output';
import { operationProperty } from '../../../shared/operation';
import { epilotOperation } from '../../epilotOperation';
import { withOutputFields } from '../../../shared/simplify';
import {
	assignableSearchDescription,
	assignableSearchOutput,
	validateAssignableSearch,
} from './search';
import {
	assignableBatchGetDescription,
	assignableBatchGetOutput,
	buildBatchGetBody,
} from './batchGet';

export const assignableDescription: INodeProperties[] = withOutputFields([
	operationProperty('assignable', 'search', [
		epilotOperation({
			name: 'Get Many by ID',
			value: 'batchGet',
			action: 'Get assignables by user or group ID',
			description: 'Get several users or groups at once by their IDs',
			method: 'POST',
			path: '/v1/partners/assignables:batchGet',
			preSend: [buildBatchGetBody],
			postReceive: [splitInto('results')],
			output: assignableBatchGetOutput,
		}),
		epilotOperation({
			name: 'Search',
			value: 'search',
			action: 'Search assignables',
			description:
				'Search users, partner users, partner organizations, portal users and groups of your organization and its partners by name or email',
			method: 'POST',
			path: '/v1/partners/assignables:search',
			preSend: [validateAssignableSearch],
			pagination: offsetPaginator({
				in: 'body',
				offsetField: 'from',
				sizeField: 'size',
				maxPageSize: 1000,
				resultsField: 'results',
				totalField: 'hits',
			}),
			output: assignableSearchOutput,
		}),
	]),
	...assignableSearchDescription,
	...assignableBatchGetDescription,
]);
