import { operationProperty } from '../../../shared/operation';
import type { INodeProperties } from 'n8n-workflow';
import { exolinkOperation } from '../../exolinkOperation';
import { tenantField } from '../../exolinkFields';
import { chargerGetAllOutput } from './getAll';
import { withOutputFields } from '../../../shared/simplify';

const show = { resource: ['charger'] };

export const chargerDescription: INodeProperties[] = withOutputFields([
	operationProperty('charger', 'getAll', [
		exolinkOperation({
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many chargers of a tenant',
			description:
				'List the chargers of a tenant with their OCPP identity, profile, vendor, model, serial numbers and firmware',
			method: 'GET',
			path: '/tenant/{tenant}/charger',
			output: chargerGetAllOutput,
		}),
	]),
	tenantField(show),
]);
