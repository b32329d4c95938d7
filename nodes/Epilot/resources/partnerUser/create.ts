import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { itemParameter, requireParameters, toStringList } from '../../../shared/validation';
import { languageOptions, roleIdsField } from '../../epilotFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['partnerUser'], operation: ['create'] };

export const partnerUserCreateDescription: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email address of the new user; the invitation is sent there',
		displayOptions: { show },
		routing: {
			send: {
				type: 'body',
				property: 'email',
				preSend: [requireParameters([{ name: 'email', label: 'Email', format: 'email' }])],
			},
		},
	},
	additionalFields(show, [
		{
			displayName: 'Invitation Language',
			name: 'language',
			type: 'options',
			options: languageOptions,
			default: 'en',
			description: 'Language of the invitation email and default language of the user interface',
			routing: { send: { type: 'body', property: 'language' } },
		},
		roleIdsField(undefined, { displayName: 'Initial Role Names or IDs' }),
	]),
];

/** Role IDs: a multi-select, a JSON array or comma-separated text (expressions, AI tools). */
export async function sendCreateRoles(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { roleIds } = itemParameter(this, 'additionalFields', {}) as IDataObject;
	const roles = toStringList(this, 'Initial Role Names or IDs', roleIds);
	if (!roles.length) return options;
	return { ...options, body: { ...(options.body as IDataObject), roles } };
}
