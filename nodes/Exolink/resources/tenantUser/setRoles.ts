import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { inputError, itemParameter, parseJson } from '../../../shared/validation';
import { roleOptions } from '../../exolinkFields';

const show = { resource: ['tenantUser'], operation: ['setRoles'] };

export const tenantUserSetRolesDescription: INodeProperties[] = [
	{
		displayName: 'Input Mode',
		name: 'rolesInputMode',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Enter each user and role below' },
			{
				name: 'JSON',
				value: 'json',
				description: 'Give the list as JSON, e.g. built from the input items with an expression',
			},
		],
		default: 'fields',
		description: 'How to give the users and their roles',
		displayOptions: { show },
	},
	{
		displayName: 'User Roles',
		name: 'userRoles',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add User Role',
		default: { userRole: [{ userId: '', role: 'user' }] },
		description: 'One entry per user: the user and the role they get in this tenant',
		displayOptions: { show: { ...show, rolesInputMode: ['fields'] } },
		options: [
			{
				displayName: 'User Role',
				name: 'userRole',
				values: [
					{
						displayName: 'Role',
						name: 'role',
						type: 'options',
						options: roleOptions,
						default: 'user',
						description: 'Role the user gets in this tenant',
					},
					{
						displayName: 'User ID',
						name: 'userId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 4b1c2f6e-8d7a-4f3e-9c1b-2a5d6e7f8a9b',
						description: 'ID of the tenant user who gets the role',
					},
				],
			},
		],
	},
	{
		displayName: 'User Roles (JSON)',
		name: 'userRolesJson',
		type: 'json',
		// Exolink: the body is an array of { id, role } objects.
		typeOptions: { vendorType: 'objectList' },
		default: '[\n  {\n    "id": "",\n    "role": "user"\n  }\n]',
		description:
			'A JSON array with one object per user: the user ID and the role (admin, user or viewer)',
		displayOptions: { show: { ...show, rolesInputMode: ['json'] } },
	},
];

/** An entry's user ID or role as Exolink types it (text); undefined for an object or a list. */
function entryText(value: unknown): string | undefined {
	if (value === undefined || value === null) return '';
	if (typeof value === 'object') return undefined;
	return String(value).trim();
}

/** The body is a bare JSON array, which `send` cannot build: `[{ id, role }]`. */
export async function buildSetRolesBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const json = itemParameter(this, 'rolesInputMode', 'fields') === 'json';
	const label = json ? 'User Roles (JSON)' : 'User Roles';
	const entries = json
		? parseJson(this, itemParameter(this, 'userRolesJson', '[]'), label)
		: (((itemParameter(this, 'userRoles', {}) as IDataObject).userRole as IDataObject[]) ?? []).map(
				({ userId, role }) => ({ id: userId, role }),
			);
	if (!Array.isArray(entries)) throw inputError(this, label, 'must be an array');
	if (!entries.length) throw inputError(this, label, 'add at least one user');
	const body = entries.map((entry: IDataObject, index) => {
		const id = entryText(entry?.id);
		const role = entryText(entry?.role);
		if (id === undefined || role === undefined) {
			throw inputError(
				this,
				`${label}, entry ${index + 1}`,
				'the user ID and the role must be text',
			);
		}
		if (!id || !role) {
			throw inputError(this, `${label}, entry ${index + 1}`, 'needs both a user ID and a role');
		}
		return { id, role };
	});
	return { ...options, body };
}
