import { operationProperty } from '../../../shared/operation';
import type { INodeProperties } from 'n8n-workflow';
import { exolinkOperation } from '../../exolinkOperation';
import { tenantField } from '../../exolinkFields';
import { checkCpmsUrl, cpmsCreateDescription } from './create';

const show = { resource: ['cpms'] };

export const cpmsDescription: INodeProperties[] = [
	operationProperty('cpms', 'getAll', [
		exolinkOperation({
			name: 'Create',
			value: 'create',
			action: 'Create a CPMS backend in a tenant',
			description:
				"Add an upstream charge point management system (CPMS) that the tenant forwards its chargers to. Exolink's page ends before the method and the answer: the node assumes POST on the list path.",
			method: 'POST',
			path: '/tenant/{tenant}/cpms',
			preSend: [checkCpmsUrl],
			confirmation: { created: true },
		}),
		exolinkOperation({
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many CPMS backends of a tenant',
			description:
				'List the upstream charge point management systems (CPMS) of a tenant with their WebSocket URLs',
			method: 'GET',
			path: '/tenant/{tenant}/cpms',
		}),
	]),
	tenantField(show),
	...cpmsCreateDescription,
];
