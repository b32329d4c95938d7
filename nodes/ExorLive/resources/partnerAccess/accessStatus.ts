import { requiredId } from '../../fields';
import type { ExorLiveOperation } from '../../shared';

export const getUserAccessStatus: ExorLiveOperation = {
	name: 'Get User Access Status',
	value: 'getUserAccessStatus',
	action: "Get a user's access status (legacy)",
	description:
		"Legacy (api4/Access): whether a user's organization is connected to your application, and the user's status (Administrator, Instructor, ContactWithLogin, Contact, UserIsDisabled, OrganizationNotConnected)",
	path: '/api4/Access/GetUserAccessStatus',
	// The docs name the key ClientKey, ExorLive's sample code applicationKey: both are sent.
	request: {
		qs: { ClientKey: '={{ $credentials.clientKey }}', applicationKey: '={{ $credentials.clientKey }}' },
	},
	fields: [
		requiredId('userId', 'User ID', { in: 'query', property: 'userId' }, {
			description: 'ExorLive user ID to check',
		}),
	],
};
