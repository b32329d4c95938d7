import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../../../shared/operation';
import { toItems } from '../../client';
import { actAsField } from '../../exorLiveFields';
import { exorLiveOperation, LEGACY, UNDOCUMENTED_FIELDS, v1 } from '../../exorLiveOperation';

export const legacyDepartmentDescription: INodeProperties[] = [
	operationProperty('legacyDepartment', 'getAll', [
		exorLiveOperation({
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many departments (legacy)',
			description: `${LEGACY}the departments (units) of the organization (GetListOfDepartments).${UNDOCUMENTED_FIELDS}`,
			method: 'POST',
			path: v1('Core', 'GetListOfDepartments'),
			actAs: 'optional',
			postReceive: [toItems(null)],
		}),
	]),
	actAsField({ resource: ['legacyDepartment'], operation: ['getAll'] }, false),
];
