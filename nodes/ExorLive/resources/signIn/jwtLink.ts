import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { InputError } from '../../../shared/validation';
import { CREDENTIAL_TYPE } from '../../client';
import { checkedValue, type CheckedValue } from '../../exorLiveFields';
import { SigningSetupError, signJwt } from './jwt';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['signIn'], operation: ['createJwtLink'] };

export const signInCreateJwtLinkDescription: INodeProperties[] = [
	{
		displayName: 'Organization ID',
		name: 'organizationId',
		type: 'string',
		default: '',
		required: true,
		description:
			'Your ID of the customer organization (clinic, centre); later used as External Organization ID',
		displayOptions: { show },
	},
	{
		displayName: 'Organization Name',
		name: 'organizationName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
	},
	{
		displayName: 'Employee ID',
		name: 'employeeId',
		type: 'string',
		default: '',
		required: true,
		description: 'Your ID of the logged-in employee',
		displayOptions: { show },
	},
	{
		displayName: 'Employee First Name',
		name: 'employeeFirstname',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
	},
	{
		displayName: 'Employee Last Name',
		name: 'employeeLastname',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
	},
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		default: '',
		required: true,
		description: 'Your ID of the contact (patient, member) in focus',
		displayOptions: { show },
	},
	{
		displayName: 'Contact First Name',
		name: 'contactFirstname',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
	},
	{
		displayName: 'Contact Last Name',
		name: 'contactLastname',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show },
	},
	additionalFields(show, [
		{
			displayName: 'Contact Birthdate',
			name: 'contactBirthdate',
			type: 'string',
			default: '',
			placeholder: 'YYYY-MM-DD',
		},
		{
			displayName: 'Contact Diagnosis',
			name: 'contactDiagnosis',
			type: 'string',
			default: '',
			placeholder: 'e.g. L02',
		},
		{
			displayName: 'Contact Email',
			name: 'contactEmail',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Contact Gender',
			name: 'contactGender',
			type: 'string',
			default: '',
			placeholder: 'e.g. male',
		},
		{
			displayName: 'Contact Middle Name',
			name: 'contactMiddlename',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Contact Mobile',
			name: 'contactMobile',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Contact SSN',
			name: 'contactSsn',
			type: 'string',
			default: '',
			description: 'National ID number; ExorLive prefers it for matching',
		},
		{
			displayName: 'Employee Email',
			name: 'employeeEmail',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Employee Username',
			name: 'employeeUsername',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Extra Claims (JSON)',
			name: 'extraClaims',
			type: 'json',
			default: '{}',
			description: 'Further claims ExorLive agreed with you, merged into the payload',
		},
		{
			displayName: 'Token Lifetime (Seconds)',
			name: 'lifetimeSeconds',
			type: 'number',
			default: 0,
			description: 'How long the signed payload is valid (exp claim). Default: 300.',
		},
	]),
];

const DEFAULT_JWT_ENDPOINT = 'https://sso.exorlive.com/partner/payload';

/** A payload field: parameter name = claim name (contact fields: `contact` + Claim). */
const claim = (name: string, label: string, extra: Partial<CheckedValue> = {}): CheckedValue => ({
	name,
	label,
	type: 'string',
	...extra,
});

const required = { required: true };

/** The claims, checked in this order when the payload is built (the fields above show them). */
const employeeFields = [
	claim('organizationId', 'Organization ID', required),
	claim('organizationName', 'Organization Name', required),
	claim('employeeId', 'Employee ID', required),
	claim('employeeFirstname', 'Employee First Name', required),
	claim('employeeLastname', 'Employee Last Name', required),
	claim('employeeUsername', 'Employee Username'),
	claim('employeeEmail', 'Employee Email', { check: 'email' }),
];

const contactFields = [
	claim('contactId', 'Contact ID', required),
	claim('contactFirstname', 'Contact First Name', required),
	claim('contactLastname', 'Contact Last Name', required),
	claim('contactMiddlename', 'Contact Middle Name'),
	claim('contactSsn', 'Contact SSN'),
	claim('contactBirthdate', 'Contact Birthdate', { check: 'date' }),
	claim('contactGender', 'Contact Gender'),
	claim('contactMobile', 'Contact Mobile'),
	claim('contactEmail', 'Contact Email', { check: 'email' }),
	claim('contactDiagnosis', 'Contact Diagnosis'),
];

const extraFields: CheckedValue[] = [
	{ name: 'extraClaims', label: 'Extra Claims (JSON)', type: 'json' },
	{ name: 'lifetimeSeconds', label: 'Token Lifetime (Seconds)', type: 'number', check: 'positive' },
];

const contactClaim = (name: string) => name.charAt(7).toLowerCase() + name.slice(8);

/** Builds the documented payload, adds iat/exp, signs it and sends it as the `payload` form field. */
export async function signedPayload(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const claims: IDataObject = {};
	for (const spec of employeeFields) {
		const value = checkedValue(this, spec);
		if (value !== undefined) claims[spec.name] = value as string;
	}
	const contact: IDataObject = {};
	for (const spec of contactFields) {
		const value = checkedValue(this, spec);
		if (value !== undefined) contact[contactClaim(spec.name)] = value as string;
	}
	claims.contact = contact;
	const [extra, lifetime] = extraFields.map((spec) => checkedValue(this, spec));
	const now = Math.floor(Date.now() / 1000);
	const payload = {
		...claims,
		...((extra as IDataObject) ?? {}),
		iat: now,
		exp: now + Number(lifetime ?? 300),
	};
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	// A signing problem is the credential's setup, not the vendor's: the node's own error.
	let jwt: string | undefined;
	let problem = 'The JWT could not be signed';
	try {
		jwt = signJwt(credentials, payload);
	} catch (error) {
		if (error instanceof SigningSetupError) problem = error.message;
	}
	if (jwt === undefined) {
		throw new InputError(this.getNode(), problem, { itemIndex: this.getItemIndex() });
	}
	const url = String(credentials.jwtEndpoint || DEFAULT_JWT_ENDPOINT).trim();
	return { ...options, url, body: new URLSearchParams({ payload: jwt }).toString() };
}
