import type { FieldSpec } from '../../fieldSpecs';

/**
 * Helpers for the legacy JSON web services (`/WebServices/V1/*.svc/*`, all POST JSON). ExorLive's
 * samples send their top-level values as strings, so numbers and flags go out as strings too.
 */
export const v1 = (service: string, method: string) => `/WebServices/V1/${service}.svc/${method}`;

export const LEGACY = 'Legacy (WebServices V1): ';

/** Notes for the V1 operations whose answers ExorLive names but does not document. */
export const UNDOCUMENTED_FIELDS = ' ExorLive names the answer but does not document its fields.';
export const UNDOCUMENTED_ANSWER = ' ExorLive does not document the answer.';

export const param = (
	name: string,
	label: string,
	type: FieldSpec['type'],
	extra: Partial<FieldSpec> = {},
): FieldSpec => ({
	name,
	label,
	type,
	asString: true,
	send: { in: 'body', property: name },
	...extra,
});

/** A field of an object in the body (`person.Email`, `query.Location`). */
export const member =
	(object: string, asString: boolean) =>
	(
		name: string,
		label: string,
		type: FieldSpec['type'],
		extra: Partial<FieldSpec> = {},
	): FieldSpec => ({
		name,
		label,
		type,
		...(asString ? { asString } : {}),
		send: { in: 'body', property: `${object}.${name}` },
		...extra,
	});

export const personId = param('personId', 'Person ID', 'number', {
	required: true,
	check: 'positive',
	description: 'ExorLive user ID',
});

export const customId = param('customId', 'Custom ID', 'string', {
	required: true,
	description: 'Your own ID for the person',
});
