import type { INodeProperties } from 'n8n-workflow';
import { operationProperty } from '../../../shared/operation';
import { exorLiveOperation } from '../../exorLiveOperation';
import { partnerAccessGetUserAccessStatusDescription, sendClientKey } from './accessStatus';
import {
	CHALLENGE_PATH,
	challengeOutput,
	partnerAccessPartnerChallengeDescription,
	sendChallengeBody,
} from './challenge';
import {
	linkOutput,
	partnerAccessLinkOrganizationDescription,
	sendLinkBody,
} from './linkOrganization';

/** The older api4/Access methods; they always use the partner's own token (no Act As). */
export const partnerAccessDescription: INodeProperties[] = [
	operationProperty('partnerAccess', 'getUserAccessStatus', [
		exorLiveOperation({
			name: 'Get User Access Status',
			value: 'getUserAccessStatus',
			action: "Get a user's access status (legacy)",
			description:
				"Legacy (api4/Access): whether a user's organization is connected to your application, and the user's status (Administrator, Instructor, ContactWithLogin, Contact, UserIsDisabled, OrganizationNotConnected)",
			path: '/api4/Access/GetUserAccessStatus',
			preSend: [sendClientKey],
		}),
		exorLiveOperation({
			name: 'Link Organization',
			value: 'linkOrganization',
			action: "Link a customer organization with its administrator's login (legacy)",
			description:
				"Legacy (api4/Access PartnerLinkOrganizationToApplication): link a customer's organization to your application with its administrator's username and password, and get its admin user ID. The password is only sent salted.",
			method: 'POST',
			path: '/api4/Access/PartnerLinkOrganizationToApplication',
			preSend: [sendLinkBody],
			postReceive: [linkOutput],
		}),
		exorLiveOperation({
			name: 'Partner Challenge',
			value: 'partnerChallenge',
			action: 'Get a partner challenge (legacy)',
			description:
				'Legacy (api4/Access): get a challenge for Link Organization, valid for 30 seconds with the same random number. Link Organization can fetch one itself.',
			method: 'POST',
			path: CHALLENGE_PATH,
			preSend: [sendChallengeBody],
			postReceive: [challengeOutput],
		}),
	]),
	...partnerAccessPartnerChallengeDescription,
	...partnerAccessLinkOrganizationDescription,
	...partnerAccessGetUserAccessStatusDescription,
];
