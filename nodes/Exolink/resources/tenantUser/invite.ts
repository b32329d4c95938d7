import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { PerRun } from '../../../shared/engine/perRun';
import { InputError, itemParameter, requireParameters } from '../../../shared/validation';
import { roleField } from '../../exolinkFields';
import { tenantUsers } from '../../client';

const show = { resource: ['tenantUser'], operation: ['invite'] };

export const tenantUserInviteDescription: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email address to send the invitation to',
		displayOptions: { show },
		routing: {
			send: {
				type: 'body',
				property: 'receiver',
				preSend: [
					requireParameters([
						{ name: 'email', label: 'Email', format: 'email' },
						{ name: 'language', label: 'Email Language' },
					]),
				],
			},
		},
	},
	roleField(show, 'The role the user gets in this tenant after accepting'),
	{
		displayName: 'Email Language',
		name: 'language',
		type: 'string',
		required: true,
		default: 'en',
		placeholder: 'e.g. en',
		description:
			'Language code of the invitation email, e.g. en or de (the docs do not list the supported languages)',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'language' } },
	},
	{
		displayName: 'Options',
		name: 'inviteOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Output the Invited User',
				name: 'outputInvitedUser',
				type: 'boolean',
				default: false,
				description:
					"Whether to output the invited user (userId, username, role) from the tenant's user list, e.g. for a following Set Role. Exolink answers an invitation without a body and does not document whether invited users are listed before they accept.",
			},
		],
	},
];

/** The users of each tenant, listed once per run for the items inviting to it. */
const tenantLists = new PerRun<IDataObject[]>();

/**
 * Exolink documents no answer body for an invitation: the answer is output, else
 * `{ invited: true }`. Output the Invited User outputs the user's List Tenant Users entry (by
 * email) instead, the list read once per tenant and run, after the last invitation to it.
 */
export async function sendInvitation(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const { outputInvitedUser } = itemParameter(this, 'inviteOptions', {}) as IDataObject;
	if (!outputInvitedUser) return await this.makeRoutingRequest(requestData);
	const email = String(itemParameter(this, 'email', ''))
		.trim()
		.toLowerCase();
	const tenant = String(itemParameter(this, 'tenant', '')).trim();
	const member = tenantLists.join(this, tenant);
	try {
		await this.makeRoutingRequest(requestData);
	} finally {
		member.settle();
	}
	const users = await member.shared(async () => await tenantUsers(this, tenant));
	const found = users.find(
		(user) =>
			String(user.username ?? '').toLowerCase() === email ||
			String(user.email ?? '').toLowerCase() === email,
	);
	if (!found) {
		throw new InputError(
			this.getNode(),
			`Exolink accepted the invitation, but the users of tenant "${tenant}" do not list ${email} yet`,
			{
				itemIndex: this.getItemIndex(),
				description:
					'Exolink does not document whether invited users are listed before they accept. Turn off Output the Invited User and look the user up after acceptance.',
			},
		);
	}
	return [{ json: { ...found, invited: true } }];
}
