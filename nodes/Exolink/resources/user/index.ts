import { operationProperty } from '../../../shared/operation';
import type { INodeProperties } from 'n8n-workflow';
import { idLocator } from '../../../shared/fieldBuilders';
import { exolinkOperation } from '../../exolinkOperation';
import { buildUserUpdateBody, userUpdateDescription } from './update';
import { userGetOutput } from './get';
import { withOutputFields } from '../../../shared/simplify';

const show = { resource: ['user'] };

export const userDescription: INodeProperties[] = withOutputFields([
	operationProperty('user', 'get', [
		exolinkOperation({
			name: 'Get',
			value: 'get',
			action: 'Get a user',
			description:
				"Get a user's name, email, MFA setting and roles per tenant (perms: tenant domain prefix to role)",
			method: 'GET',
			path: '/user/{userId}',
			output: userGetOutput,
		}),
		exolinkOperation({
			name: 'Update',
			value: 'update',
			action: 'Update a user',
			description:
				"Change a user's name or email, change the password, or turn MFA on or off. Exolink does not document the answer: without one the node outputs { updated: true }.",
			method: 'PUT',
			path: '/user/{userId}',
			preSend: [buildUserUpdateBody],
			confirmation: { updated: true },
		}),
	]),
	// No endpoint lists users outside a tenant, so this is an ID only.
	idLocator({
		displayName: 'User',
		name: 'userId',
		description: 'ID of the user (a UUID), e.g. from the Tenant User resource',
		placeholder: 'e.g. 4b1c2f6e-8d7a-4f3e-9c1b-2a5d6e7f8a9b',
		show,
	}),
	...userUpdateDescription,
]);
