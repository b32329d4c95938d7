import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../client';
import { userIdFieldAt } from '../../exorLiveFields';

/** The docs name the key ClientKey, ExorLive's sample code applicationKey: both are sent. */
export async function sendClientKey(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const clientKey = String((await this.getCredentials(CREDENTIAL_TYPE)).clientKey ?? '');
	return { ...options, qs: { ...options.qs, ClientKey: clientKey, applicationKey: clientKey } };
}

const show = { resource: ['partnerAccess'], operation: ['getUserAccessStatus'] };

export const partnerAccessGetUserAccessStatusDescription: INodeProperties[] = [
	userIdFieldAt({ query: 'userId' }, show, 'ExorLive user ID to check'),
];
