import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { CREDENTIAL_TYPE } from '../../client';
import { sendChecked } from '../../exorLiveFields';

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
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'number',
		default: 0,
		required: true,
		description: 'ExorLive user ID to check',
		displayOptions: { show },
		routing: {
			send: sendChecked('query', 'userId', {
				name: 'userId',
				label: 'User ID',
				type: 'number',
				required: true,
				check: 'positive',
			}),
		},
	},
];
