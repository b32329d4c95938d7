import { operationProperty } from '../../../shared/operation';
import type { INodeProperties } from 'n8n-workflow';
import { exolinkOperation } from '../../exolinkOperation';
import { tenantField } from '../../exolinkFields';

const show = { resource: ['charger'] };

export const chargerDescription: INodeProperties[] = [
	operationProperty('charger', 'getAll', [
		exolinkOperation({
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many chargers of a tenant',
			description:
				'List the chargers of a tenant with their OCPP identity, profile, vendor, model, serial numbers and firmware',
			method: 'GET',
			path: '/tenant/{tenant}/charger',
		}),
	]),
	tenantField(show),
];
