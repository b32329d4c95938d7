import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { inputError, isBlank, itemParameter, requireParameters } from '../../../shared/validation';

const password = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description,
});

export const userUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['user'], operation: ['update'] } },
		options: [
			password(
				'Current Password',
				'oldPassword',
				'The current password. Needed together with New Password.',
			),
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'New email address of the user',
			},
			{
				displayName: 'First Name',
				name: 'givenName',
				type: 'string',
				default: '',
				description: 'New first name of the user',
			},
			{
				displayName: 'Last Name',
				name: 'familyName',
				type: 'string',
				default: '',
				description: 'New last name of the user',
			},
			{
				displayName: 'MFA Enabled',
				name: 'mfa',
				type: 'boolean',
				default: false,
				description:
					'Whether multi-factor authentication is on. Changing it needs Password for MFA.',
			},
			password('New Password', 'newPassword', 'The new password. Needs Current Password.'),
			password(
				'Password for MFA',
				'password',
				"The user's password, which Exolink asks for to turn MFA on or off",
			),
		],
	},
];

/** Sends only the fields set, and checks the pairs Exolink needs together before sending. */
export async function buildUserUpdateBody(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fields = itemParameter(this, 'updateFields', {}) as IDataObject;
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (typeof value === 'boolean' || !isBlank(value)) body[key] = value;
	}
	if (!Object.keys(body).length) throw inputError(this, 'Update Fields', 'add at least one field');
	if (body.email !== undefined) {
		await requireParameters([{ name: 'updateFields.email', label: 'Email', format: 'email' }]).call(
			this,
			options,
		);
	}
	if ((body.newPassword === undefined) !== (body.oldPassword === undefined)) {
		throw inputError(
			this,
			body.newPassword === undefined ? 'New Password' : 'Current Password',
			'a value is required to change the password',
		);
	}
	if (body.mfa !== undefined && body.password === undefined) {
		throw inputError(this, 'Password for MFA', 'a value is required to change MFA');
	}
	return { ...options, body };
}
