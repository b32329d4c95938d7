import { exorLiveResource } from '../../operationSpecs';
import { toItems } from '../../client';
import { LEGACY, v1, UNDOCUMENTED_FIELDS } from './v1';

export const legacyDepartmentDescription = exorLiveResource('legacyDepartment', {
	operations: [
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many departments (legacy)',
			description: `${LEGACY}the departments (units) of the organization (GetListOfDepartments).${UNDOCUMENTED_FIELDS}`,
			method: 'POST',
			path: v1('Core', 'GetListOfDepartments'),
			output: [toItems(null)],
		},
	],
	default: 'getAll',
	actAs: 'optional',
});
