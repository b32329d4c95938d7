import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { InputError } from '../../../shared/validation';
import { fieldValue, type FieldSpec } from '../../fieldSpecs';
import { CREDENTIAL_TYPE, toValue } from '../../client';
import type { ExorLiveOperation } from '../../operationSpecs';
import { SigningSetupError, signJwt } from './jwt';

const DEFAULT_JWT_ENDPOINT = 'https://sso.exorlive.com/partner/payload';

/** A payload field: parameter name = claim name (contact fields: `contact` + Claim). */
const claim = (name: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
	name,
	label,
	type: 'string',
	...extra,
});

const required = { required: true };

const employeeFields = [
	claim('organizationId', 'Organization ID', {
		...required,
		description:
			'Your ID of the customer organization (clinic, centre); later used as External Organization ID',
	}),
	claim('organizationName', 'Organization Name', required),
	claim('employeeId', 'Employee ID', {
		...required,
		description: 'Your ID of the logged-in employee',
	}),
	claim('employeeFirstname', 'Employee First Name', required),
	claim('employeeLastname', 'Employee Last Name', required),
	claim('employeeUsername', 'Employee Username'),
	claim('employeeEmail', 'Employee Email', { check: 'email' }),
];

const contactFields = [
	claim('contactId', 'Contact ID', {
		...required,
		description: 'Your ID of the contact (patient, member) in focus',
	}),
	claim('contactFirstname', 'Contact First Name', required),
	claim('contactLastname', 'Contact Last Name', required),
	claim('contactMiddlename', 'Contact Middle Name'),
	claim('contactSsn', 'Contact SSN', {
		description: 'National ID number; ExorLive prefers it for matching',
	}),
	claim('contactBirthdate', 'Contact Birthdate', { check: 'date', placeholder: 'YYYY-MM-DD' }),
	claim('contactGender', 'Contact Gender', { placeholder: 'e.g. male' }),
	claim('contactMobile', 'Contact Mobile'),
	claim('contactEmail', 'Contact Email', { check: 'email' }),
	claim('contactDiagnosis', 'Contact Diagnosis', { placeholder: 'e.g. L02' }),
];

const extraFields: FieldSpec[] = [
	{
		name: 'extraClaims',
		label: 'Extra Claims (JSON)',
		type: 'json',
		description: 'Further claims ExorLive agreed with you, merged into the payload',
	},
	{
		name: 'lifetimeSeconds',
		label: 'Token Lifetime (Seconds)',
		type: 'number',
		check: 'positive',
		description: 'How long the signed payload is valid (exp claim). Default: 300.',
	},
];

const contactClaim = (name: string) => name.charAt(7).toLowerCase() + name.slice(8);

/** Builds the documented payload, adds iat/exp, signs it and sends it as the `payload` form field. */
async function signedPayload(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const claims: IDataObject = {};
	for (const spec of employeeFields) {
		const value = fieldValue(this, spec);
		if (value !== undefined) claims[spec.name] = value as string;
	}
	const contact: IDataObject = {};
	for (const spec of contactFields) {
		const value = fieldValue(this, spec);
		if (value !== undefined) contact[contactClaim(spec.name)] = value as string;
	}
	claims.contact = contact;
	const [extra, lifetime] = extraFields.map((spec) => fieldValue(this, spec));
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

export const createJwtLink: ExorLiveOperation = {
	name: 'Create Partner JWT Link',
	value: 'createJwtLink',
	action: 'Create a single sign-on link to ExorLive with a signed partner JWT',
	description:
		"Sign the employee, organization and contact in focus as a JWT and post it to ExorLive's partner endpoint, which answers with the URL to open. A customer organization's first jump also approves your API access to it. ExorLive does not name the JWT algorithm or claims: the node signs HS256 or RS256 with the credential's key and adds iat and exp.",
	method: 'POST',
	request: {
		// ExorLive answers an AJAX POST with the URL to open (a plain form POST gets an HTML page);
		// X-Requested-With is how AJAX posts are commonly told apart (an assumption, see README).
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			'X-Requested-With': 'XMLHttpRequest',
		},
		// Another host, no token of the credential: a 401 is the endpoint's answer, not a reason
		// to renew the token.
		ignoreHttpStatusErrors: true,
	},
	plain: true,
	fields: [...employeeFields, ...contactFields, ...extraFields],
	preSend: [signedPayload],
	output: [toValue({ key: 'url', candidates: ['url', 'link', 'redirectUrl'], url: true })],
};
