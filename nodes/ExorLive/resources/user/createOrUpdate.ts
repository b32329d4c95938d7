import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { GENDER_OPTIONS, pascalField, type FieldSpec } from '../../fieldSpecs';
import type { ExorLiveOperation } from '../../operationSpecs';
import { recordsIn, unwrap } from '../../client';

const text = (name: string, label: string, extra: Partial<FieldSpec> = {}) =>
	pascalField('body', name, label, 'string', extra);

const id = (name: string, label: string, description: string) =>
	pascalField('body', name, label, 'number', { description });

/** SetUser's answer is not documented: the saved user object, or just its id (→ `{ Id }`). */
async function savedUserOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = unwrap(response.body);
	if (typeof body === 'number' || (typeof body === 'string' && /^\d+$/.test(body))) {
		return [{ json: { Id: Number(body) } }];
	}
	const [user] = recordsIn(body);
	return [{ json: user ?? { success: true } }];
}

export const createOrUpdateUser: ExorLiveOperation = {
	name: 'Create or Update',
	value: 'createOrUpdate',
	action: 'Create or update a user',
	description:
		'Create a user (User ID 0) or update one (SetUser) in the organization you act in. Fields left out keep their old values.',
	method: 'POST',
	path: '/api4/user/setuser',
	fields: [
		{
			name: 'id',
			label: 'User ID',
			type: 'number',
			required: true,
			default: 0,
			send: { in: 'body', property: 'Id' },
			description: '0 creates a new user; otherwise the ExorLive user ID of the user to update',
		},
		text('firstname', 'First Name'),
		text('lastname', 'Last Name'),
		text('email', 'Email', { check: 'email', placeholder: 'name@email.com' }),
		{
			name: 'role',
			label: 'Role',
			type: 'options',
			options: [
				{ name: 'Administrator', value: 2 },
				{ name: 'Assistant', value: 256 },
				{ name: 'Contact', value: 0, description: 'A contact-list entry without login' },
				{ name: 'Contact With Login', value: 16, description: 'Can use ExorLive Go' },
				{ name: 'Instructor', value: 8 },
			],
			default: 16,
			send: { in: 'body', property: 'Role' },
		},
		id('organizationId', 'Organization ID', 'Default: the organization of the user you act as'),
		id('departmentId', 'Department ID', 'Department (unit) within the organization'),
		id('primaryContactId', 'Primary Contact ID', "User ID of the user's primary instructor"),
		text('address', 'Address'),
		text('city', 'City'),
		text('zipcode', 'Zip Code'),
		text('phone', 'Phone'),
		text('comment', 'Comment'),
		text('dateOfBirth', 'Date of Birth', { check: 'date', placeholder: 'YYYY-MM-DD' }),
		text('customId', 'Custom ID', {
			description: 'Your own ID for the person, unique in the organization',
		}),
		text('officialId', 'Official ID', { description: 'National ID number, e.g. 050780-12345' }),
		pascalField('body', 'gender', 'Gender', 'options', { options: GENDER_OPTIONS, default: 0 }),
	],
	output: [savedUserOutput],
};
