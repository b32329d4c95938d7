import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { CREDENTIAL_TYPE, scalarIn, unexpectedAnswer, unwrap } from '../../client';
import { isBlank, itemParameter } from '../../../shared/validation';
import { exorLiveField } from '../../exorLiveFields';
import { additionalFields } from '../../../shared/fieldBuilders';

const CANDIDATES = ['adminUserId', 'userId', 'id'];

/** `{ adminUserId, externalOrganizationId }`; 0, null or an empty answer: "not approved yet". */
export async function adminUserIdOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const externalOrganizationId = String(itemParameter(this, 'externalOrganizationId')).trim();
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
export async function sendPartnerApiKey(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { partnerApiKey: given } = itemParameter(this, 'additionalFields', {}) as IDataObject;
	const partnerApiKey = isBlank(given)
		? String((await this.getCredentials(CREDENTIAL_TYPE)).clientKey ?? '')
		: String(given).trim();
	return { ...options, qs: { ...options.qs, partnerApiKey } };
}

const show = { resource: ['partner'], operation: ['requestApiAccess'] };

export const partnerRequestApiAccessDescription: INodeProperties[] = [
	exorLiveField(
		{
			displayName: 'External Organization ID',
			name: 'externalOrganizationId',
			type: 'string',
			default: '',
			required: true,
			description:
				"The customer's ID in your system: the organizationId you send in the Partner JWT link payload",
			placeholder: 'e.g. ace615c2',
			displayOptions: { show },
		},
		// The vendor's spelling, missing "i" included.
		{ query: 'externalOrganizatonId' },
	),
	additionalFields(show, [
		{
			// Sent by sendPartnerApiKey, which falls back to the credential's client key.
			displayName: 'Partner API Key',
			name: 'partnerApiKey',
			type: 'string',
			default: '',
			description: "Your partner API key. Default: the credential's Client Key.",
			typeOptions: { password: true },
		},
	]),
];
