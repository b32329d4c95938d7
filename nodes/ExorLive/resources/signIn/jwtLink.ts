import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';
import { InputError } from '../../../shared/validation';
import { CREDENTIAL_TYPE } from '../../client';
import { checkedValue, type FieldChecks } from '../../exorLiveFields';
import { SigningSetupError, signJwt } from './jwt';
import { additionalFields } from '../../../shared/fieldBuilders';

const show = { resource: ['signIn'], operation: ['createJwtLink'] };

/** A claim's field: text. */
const claimField = (
	displayName: string,
	name: string,
	more: Partial<INodeProperties> = {},
): INodeProperties => ({ displayName, name, type: 'string', default: '', ...more });

/** A claim the payload must carry, shown at the top. */
const required = (description: string): Partial<INodeProperties> => ({
	required: true,
	description,
	displayOptions: { show },
});

const extraClaims: INodeProperties = {
	displayName: 'Extra Claims (JSON)',
	name: 'extraClaims',
	type: 'json',
	default: '{}',
	description: 'Further claims ExorLive agreed with you, merged into the payload',
};

const lifetimeSeconds: INodeProperties = {
	displayName: 'Token Lifetime (Seconds)',
	name: 'lifetimeSeconds',
	type: 'number',
	default: 0,
	description: 'How long the signed payload is valid (exp claim). Default: 300.',
};

const DEFAULT_JWT_ENDPOINT = 'https://sso.exorlive.com/partner/payload';

type Claim = [INodeProperties, FieldChecks?];

/**
 * The payload's claims, each with its field, checked and written in this order: parameter name =
 * claim name (contact fields: `contact` + Claim).
 */
const employeeClaims: Claim[] = [
	[
		claimField(
			'Organization ID',
			'organizationId',
			required(
				'Your ID of the customer organization (clinic, centre); later used as External Organization ID',
			),
		),
	],
	[
		claimField(
			'Organization Name',
			'organizationName',
			required('Name of the customer organization, e.g. Tatooine'),
		),
	],
	[claimField('Employee ID', 'employeeId', required('Your ID of the logged-in employee'))],
	[
		claimField(
			'Employee First Name',
			'employeeFirstname',
			required('First name of the logged-in employee'),
		),
	],
	[
		claimField(
			'Employee Last Name',
			'employeeLastname',
			required('Last name of the logged-in employee'),
		),
	],
	[
		claimField('Employee Username', 'employeeUsername', {
			description: 'Username of the logged-in employee, e.g. mando',
		}),
	],
	[
		claimField('Employee Email', 'employeeEmail', {
			description: 'Email address of the logged-in employee',
		}),
		{ check: 'email' },
	],
];

const contactClaims: Claim[] = [
	[
		claimField(
			'Contact ID',
			'contactId',
			required('Your ID of the contact (patient, member) in focus'),
		),
	],
	[claimField('Contact First Name', 'contactFirstname', required('First name of the contact'))],
	[claimField('Contact Last Name', 'contactLastname', required('Last name of the contact'))],
	[
		claimField('Contact Middle Name', 'contactMiddlename', {
			description: 'Middle name of the contact',
		}),
	],
	[
		claimField('Contact SSN', 'contactSsn', {
			description: 'National ID number; ExorLive prefers it for matching',
		}),
	],
	[
		claimField('Contact Birthdate', 'contactBirthdate', {
			placeholder: 'YYYY-MM-DD',
			description: 'Birthdate of the contact in the form YYYY-MM-DD, e.g. 1969-11-13',
		}),
		{ check: 'date' },
	],
	[
		claimField('Contact Gender', 'contactGender', {
			placeholder: 'e.g. male',
			description: 'Gender of the contact as text, e.g. male',
		}),
	],
	[
		claimField('Contact Mobile', 'contactMobile', {
			description: 'Mobile phone number of the contact, e.g. 99900000',
		}),
	],
	[
		claimField('Contact Email', 'contactEmail', {
			description: 'Email address of the contact; ExorLive can pre-fill it',
		}),
		{ check: 'email' },
	],
	[
		claimField('Contact Diagnosis', 'contactDiagnosis', {
			placeholder: 'e.g. L02',
			description: 'Diagnosis of the contact, e.g. L02',
		}),
	],
];

const claimFields = [...employeeClaims, ...contactClaims].map(([field]) => field);
const optional = [...claimFields.filter((field) => !field.required), extraClaims, lifetimeSeconds];

/**
 * The required claims on top, in payload order; the others in Additional Fields, A to Z
 * (compared plainly: the first localeCompare loads ICU's collator, about 20 ms at start-up).
 */
export const signInCreateJwtLinkDescription: INodeProperties[] = [
	...claimFields.filter((field) => field.required),
	additionalFields(
		show,
		optional.sort((a, b) => (a.displayName < b.displayName ? -1 : 1)),
	),
];

const contactClaim = (name: string) => name.charAt(7).toLowerCase() + name.slice(8);

/** Builds the documented payload with iat/exp, signs it, sends it as the `payload` form field. */
export async function signedPayload(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const claims: IDataObject = {};
	for (const [field, checks] of employeeClaims) {
		const value = checkedValue(this, field, checks);
		if (value !== undefined) claims[field.name] = value as string;
	}
	const contact: IDataObject = {};
	for (const [field, checks] of contactClaims) {
		const value = checkedValue(this, field, checks);
		if (value !== undefined) contact[contactClaim(field.name)] = value as string;
	}
	claims.contact = contact;
	const extra = checkedValue(this, extraClaims);
	const lifetime = checkedValue(this, lifetimeSeconds, { check: 'positive' });
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
