import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import type { ExorLiveOperation } from '../../operationSpecs';
import { CREDENTIAL_TYPE, scalarIn, unexpectedAnswer, unwrap } from '../../client';

const CANDIDATES = ['adminUserId', 'userId', 'id'];

/** `{ adminUserId, externalOrganizationId }`; 0, null or an empty answer means "not approved yet". */
async function adminUserIdOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const externalOrganizationId = String(this.getNodeParameter('externalOrganizationId')).trim();
	const raw = scalarIn(response.body, CANDIDATES);
	const adminUserId = Number(raw);
	if (raw !== undefined && raw !== '' && Number.isInteger(adminUserId) && adminUserId > 0) {
		return [{ json: { adminUserId, externalOrganizationId } }];
	}
	const body = unwrap(response.body);
	const lacksField =
		raw === undefined &&
		body !== null &&
		typeof body === 'object' &&
		Object.keys(body as IDataObject).length;
	if (lacksField || (raw !== undefined && !Number.isFinite(adminUserId))) {
		throw unexpectedAnswer(this, 'admin user ID', response);
	}
	throw new NodeApiError(this.getNode(), { body: body ?? null } as JsonObject, {
		message: `Organization "${externalOrganizationId}" has not approved API access yet (no admin user ID returned)`,
		description:
			'Access is approved the first time a user of that organization opens ExorLive through your Partner JWT link, or when its administrator activates your integration in the Admin tab.',
		httpCode: String(response.statusCode),
		itemIndex: this.getItemIndex(),
	});
}

/** The partner API key is the credential's client key unless the user gives another one. */
async function defaultPartnerApiKey(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (options.qs?.partnerApiKey !== undefined) return options;
	const { clientKey } = await this.getCredentials(CREDENTIAL_TYPE);
	return { ...options, qs: { ...options.qs, partnerApiKey: String(clientKey ?? '') } };
}

export const requestApiAccess: ExorLiveOperation = {
	name: 'Request API Access and Get Admin User ID',
	value: 'requestApiAccess',
	action: 'Request API access to a customer organization and get its admin user ID',
	description:
		"Get the admin user ID of a customer organization that approved your integration, by the customer's ID in your system. Use it as Act As User ID to work inside that organization.",
	path: '/osloapi/access/RequestAPIAccessForPartnerOrganizationAndGetAdminUserId',
	preSend: [defaultPartnerApiKey],
	fields: [
		{
			name: 'externalOrganizationId',
			label: 'External Organization ID',
			type: 'string',
			required: true,
			// The vendor's spelling, missing "i" included.
			send: { in: 'query', property: 'externalOrganizatonId' },
			placeholder: 'e.g. ace615c2',
			description:
				"The customer's ID in your system: the organizationId you send in the Partner JWT link payload",
		},
		{
			name: 'partnerApiKey',
			label: 'Partner API Key',
			type: 'string',
			typeOptions: { password: true },
			send: { in: 'query', property: 'partnerApiKey' },
			description: "Your partner API key. Default: the credential's Client Key.",
		},
	],
	output: [adminUserIdOutput],
};
