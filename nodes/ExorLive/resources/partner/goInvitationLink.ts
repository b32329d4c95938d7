import type { INodeProperties } from 'n8n-workflow';
import { toValue } from '../../client';
import { exorLiveField } from '../../exorLiveFields';
import { itemParameter } from '../../../shared/validation';

const show = { resource: ['partner'], operation: ['getGoInvitationLink'] };

export const partnerGetGoInvitationLinkDescription: INodeProperties[] = [
	exorLiveField(
		{
			displayName: 'Contact User ID',
			name: 'contactUserId',
			type: 'number',
			default: 0,
			required: true,
			description:
				'ExorLive user ID of the contact (from Lookup or Create or Update). The contact needs an email address, and usually the role Contact With Login.',
			displayOptions: { show },
		},
		{ query: 'contactUserId', check: 'positive' },
	),
];

export const invitationLinkOutput = toValue({
	key: 'invitationLink',
	candidates: ['invitationLink', 'link', 'url', 'goInvitationLink'],
	context: (ctx) => ({ contactUserId: Number(itemParameter(ctx, 'contactUserId')) }),
});
