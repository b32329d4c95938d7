import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../../../shared/operation';
import { actAsField } from '../../exorLiveFields';
import { exorLiveOperation } from '../../exorLiveOperation';
import { invitationLinkOutput, partnerGetGoInvitationLinkDescription } from './goInvitationLink';
import {
	adminUserIdOutput,
	partnerRequestApiAccessDescription,
	sendPartnerApiKey,
} from './requestApiAccess';

export const partnerDescription: INodeProperties[] = [
	operationProperty('partner', 'requestApiAccess', [
		exorLiveOperation({
			name: 'Get Go Invitation Link',
			value: 'getGoInvitationLink',
			action: 'Get an ExorLive Go invitation link for a contact',
			description:
				"Get the link that invites a contact to ExorLive Go, for you to deliver. Act as the admin user of the contact's organization.",
			path: '/osloapi/access/GetGoInvitationLink',
			actAs: 'optional',
			postReceive: [invitationLinkOutput],
		}),
		exorLiveOperation({
			name: 'Request API Access and Get Admin User ID',
			value: 'requestApiAccess',
			action: 'Request API access to a customer organization and get its admin user ID',
			description:
				"Get the admin user ID of a customer organization that approved your integration, by the customer's ID in your system. Use it as Act As User ID to work inside that organization.",
			path: '/osloapi/access/RequestAPIAccessForPartnerOrganizationAndGetAdminUserId',
			actAs: 'optional',
			preSend: [sendPartnerApiKey],
			postReceive: [adminUserIdOutput],
		}),
	]),
	actAsField(
		{ resource: ['partner'], operation: ['getGoInvitationLink', 'requestApiAccess'] },
		false,
	),
	...partnerGetGoInvitationLinkDescription,
	...partnerRequestApiAccessDescription,
];
