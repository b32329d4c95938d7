import type { INodeProperties } from 'n8n-workflow';
import { splitInto } from '../../../shared/output';
import { operationProperty } from '../../../shared/operation';
import { epilotOperation } from '../../epilotOperation';
import { orgIdField, roleIdField } from '../../epilotFields';
import { buildRoleBody, partnerRoleFieldsDescription } from './createAndUpdate';
import { partnerRoleGetAllOutput } from './getAll';
import { withOutputFields } from '../../../shared/simplify';

const show = { resource: ['partnerRole'] };

export const partnerRoleDescription: INodeProperties[] = withOutputFields([
	operationProperty('partnerRole', 'getAll', [
		epilotOperation({
			name: 'Create',
			value: 'create',
			action: 'Create a partner role',
			description: 'Create a role with its grants in a partner organization',
			method: 'POST',
			path: '/v2/partners/{orgId}/roles',
			preSend: [buildRoleBody],
		}),
		epilotOperation({
			name: 'Delete',
			value: 'delete',
			action: 'Delete a partner role',
			description:
				'Delete a role of a partner organization. Fails with 409 while users still hold it.',
			method: 'DELETE',
			path: '/v2/partners/{orgId}/roles/{roleId}',
			deletes: true,
		}),
		epilotOperation({
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many partner roles',
			description: 'List all roles of a partner organization with their grants',
			method: 'GET',
			path: '/v2/partners/{orgId}/roles',
			postReceive: [splitInto('results')],
			output: partnerRoleGetAllOutput,
		}),
		epilotOperation({
			name: 'Update',
			value: 'update',
			action: 'Replace a partner role',
			description:
				'Replace a role of a partner organization: name, slug and all grants are overwritten. Takes effect at once for every user holding it.',
			method: 'PUT',
			path: '/v2/partners/{orgId}/roles/{roleId}',
			preSend: [buildRoleBody],
		}),
	]),
	orgIdField(show),
	roleIdField({ ...show, operation: ['update', 'delete'] }),
	...partnerRoleFieldsDescription,
]);
