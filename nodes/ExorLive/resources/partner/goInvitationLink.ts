import { requiredId } from '../../fieldSpecs';
import type { ExorLiveOperation } from '../../operationSpecs';
import { toValue } from '../../client';

export const getGoInvitationLink: ExorLiveOperation = {
	name: 'Get Go Invitation Link',
	value: 'getGoInvitationLink',
	action: 'Get an ExorLive Go invitation link for a contact',
	description:
		"Get the link that invites a contact to ExorLive Go, for you to deliver. Act as the admin user of the contact's organization.",
	path: '/osloapi/access/GetGoInvitationLink',
	fields: [
		requiredId(
			'contactUserId',
			'Contact User ID',
			{ in: 'query', property: 'contactUserId' },
			{
				description:
					'ExorLive user ID of the contact (from Lookup or Create or Update). The contact needs an email address, and usually the role Contact With Login.',
			},
		),
	],
	output: [
		toValue({
			key: 'invitationLink',
			candidates: ['invitationLink', 'link', 'url', 'goInvitationLink'],
			context: (ctx) => ({ contactUserId: Number(ctx.getNodeParameter('contactUserId')) }),
		}),
	],
};
