import { operationProperty } from '../../../shared/operation';
import type { INodeProperties } from 'n8n-workflow';
import { exolinkOperation } from '../../exolinkOperation';
import { tenantField } from '../../exolinkFields';
import { tenantUpdateDescription } from './update';

const show = { resource: ['tenant'] };

export const tenantDescription: INodeProperties[] = [
	operationProperty('tenant', 'get', [
		exolinkOperation({
			name: 'Get',
			value: 'get',
			action: 'Get a tenant',
			description:
				"Get a tenant's name, numeric ID, OCPP connect URL, custom domain and billing customer ID",
			method: 'GET',
			path: '/tenant/{tenant}',
		}),
		exolinkOperation({
			name: 'Get Metrics',
			value: 'getMetrics',
			action: 'Get the metrics of a tenant',
			description: 'Get the metrics of a tenant (Exolink does not document the answer)',
			method: 'GET',
			path: '/tenant/{tenant}/metrics',
		}),
		exolinkOperation({
			name: 'Get Statistics',
			value: 'getStatistics',
			action: 'Get the usage statistics of a tenant',
			description: 'Get the usage statistics of a tenant (Exolink does not document the answer)',
			method: 'GET',
			path: '/tenant/{tenant}/stats',
		}),
		exolinkOperation({
			name: 'Get Subscription',
			value: 'getSubscription',
			action: 'Get the subscription of a tenant',
			description:
				"Get a tenant's subscription: product, status (active, canceled or expired) and quantity",
			method: 'GET',
			path: '/tenant/{tenant}/subscription',
		}),
		exolinkOperation({
			name: 'Update',
			value: 'update',
			action: 'Rename a tenant',
			description:
				'Change the display name of a tenant. Exolink does not document the answer: without one the node outputs { updated: true }.',
			method: 'PUT',
			path: '/tenant/{tenant}',
			confirmation: { updated: true },
		}),
	]),
	tenantField(show),
	...tenantUpdateDescription,
];
