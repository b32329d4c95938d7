import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../client';
import { requiredId } from '../../fieldSpecs';
import type { ExorLiveOperation } from '../../operationSpecs';

/** The docs name the key ClientKey, ExorLive's sample code applicationKey: both are sent. */
async function sendClientKey(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const clientKey = String((await this.getCredentials(CREDENTIAL_TYPE)).clientKey ?? '');
	return { ...options, qs: { ...options.qs, ClientKey: clientKey, applicationKey: clientKey } };
}

export const getUserAccessStatus: ExorLiveOperation = {
	name: 'Get User Access Status',
	value: 'getUserAccessStatus',
	action: "Get a user's access status (legacy)",
	description:
		"Legacy (api4/Access): whether a user's organization is connected to your application, and the user's status (Administrator, Instructor, ContactWithLogin, Contact, UserIsDisabled, OrganizationNotConnected)",
	path: '/api4/Access/GetUserAccessStatus',
	preSend: [sendClientKey],
	fields: [
		requiredId(
			'userId',
			'User ID',
			{ in: 'query', property: 'userId' },
			{
				description: 'ExorLive user ID to check',
			},
		),
	],
};
