import { operationProperty } from '../../../shared/operation';
import type { INodeProperties } from 'n8n-workflow';
import { exolinkOperation } from '../../exolinkOperation';
import { roleField, tenantField, tenantUserField } from '../../exolinkFields';
import { sendInvitation, tenantUserInviteDescription } from './invite';
import { buildSetRolesBody, tenantUserSetRolesDescription } from './setRoles';
import { tenantUserGetAllOutput } from './getAll';
import { withOutputFields } from '../../../shared/simplify';

const show = { resource: ['tenantUser'] };

export const tenantUserDescription: INodeProperties[] = withOutputFields([
	operationProperty('tenantUser', 'getAll', [
		exolinkOperation({
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many users of a tenant',
			description: 'List the users of a tenant with their names, emails and roles',
			method: 'GET',
			path: '/tenant/{tenant}/user',
			output: tenantUserGetAllOutput,
		}),
		exolinkOperation({
			name: 'Invite',
			value: 'invite',
			action: 'Invite a new user to a tenant',
			description: 'Email an invitation to join the tenant with a role',
			method: 'POST',
			path: '/tenant/{tenant}/invite',
			confirmation: { invited: true },
			pagination: sendInvitation,
		}),
		exolinkOperation({
			name: 'Remove',
			value: 'remove',
			action: 'Remove a user from a tenant',
			description: "Take a user out of the tenant (the user's account stays)",
			method: 'DELETE',
			path: '/tenant/{tenant}/user/{userId}',
			deletes: true,
		}),
		exolinkOperation({
			name: 'Set Role',
			value: 'setRole',
			action: "Set a tenant user's role",
			description: 'Give a user of the tenant the role admin, user or viewer',
			method: 'PUT',
			path: '/tenant/{tenant}/user/{userId}',
			confirmation: { updated: true },
		}),
		exolinkOperation({
			name: 'Set Roles of Many',
			value: 'setRoles',
			action: 'Set the roles of many tenant users',
			description: 'Set the role of several users of the tenant in one request',
			method: 'PUT',
			path: '/tenant/{tenant}/user',
			preSend: [buildSetRolesBody],
			confirmation: { updated: true },
		}),
	]),
	tenantField(show),
	tenantUserField({ ...show, operation: ['setRole', 'remove'] }),
	roleField({ ...show, operation: ['setRole'] }, 'The new role of the user in this tenant'),
	...tenantUserInviteDescription,
	...tenantUserSetRolesDescription,
]);
