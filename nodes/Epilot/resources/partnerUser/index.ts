import type { INodeProperties } from 'n8n-workflow';
import { splitInto } from '../../../shared/output';
import { operationProperty } from '../../../shared/operation';
import { epilotOperation } from '../../epilotOperation';
import { orgIdField, userIdField } from '../../epilotFields';
import { partnerUserCreateDescription, sendCreateRoles } from './create';
import { partnerUserGetAllOutput } from './getAll';
import { withOutputFields } from '../../../shared/simplify';
import { checkRoleResults, partnerUserRolesDescription, sendRoleIds } from './roles';

const show = { resource: ['partnerUser'] };

export const partnerUserDescription: INodeProperties[] = withOutputFields([
	operationProperty('partnerUser', 'getAll', [
		epilotOperation({
			name: 'Assign Roles',
			value: 'assignRoles',
			action: 'Assign roles to a partner user',
			description:
				'Give a user of a partner organization one or more roles. Fails the item if any role could not be assigned, unless Ignore Role Failures is on.',
			method: 'POST',
			path: '/v2/partners/{orgId}/users/{userId}/roles',
			preSend: [sendRoleIds],
			postReceive: [checkRoleResults('assigned')],
		}),
		epilotOperation({
			name: 'Create',
			value: 'create',
			action: 'Create a partner user',
			description:
				'Add a user to a partner organization; epilot emails the user an invitation and the user stays Pending until accepted',
			method: 'POST',
			path: '/v2/partners/{orgId}/users',
			preSend: [sendCreateRoles],
		}),
		epilotOperation({
			name: 'Delete',
			value: 'delete',
			action: 'Delete a partner user',
			description: 'Permanently remove a user from a partner organization',
			method: 'DELETE',
			path: '/v2/partners/{orgId}/users/{userId}',
			deletes: true,
		}),
		epilotOperation({
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many partner users',
			description: 'List all users of a partner organization with their roles',
			method: 'GET',
			path: '/v2/partners/{orgId}/users',
			postReceive: [splitInto('results')],
			output: partnerUserGetAllOutput,
		}),
		epilotOperation({
			name: 'Unassign Roles',
			value: 'unassignRoles',
			action: 'Remove roles from a partner user',
			description:
				'Take one or more roles away from a user of a partner organization. Fails the item if any role could not be removed, unless Ignore Role Failures is on.',
			method: 'DELETE',
			path: '/v2/partners/{orgId}/users/{userId}/roles',
			preSend: [sendRoleIds],
			postReceive: [checkRoleResults('unassigned')],
		}),
	]),
	orgIdField(show),
	userIdField({ ...show, operation: ['delete', 'assignRoles', 'unassignRoles'] }),
	...partnerUserCreateDescription,
	...partnerUserRolesDescription,
]);
