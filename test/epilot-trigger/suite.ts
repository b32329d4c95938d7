/**
 * Epilot Trigger fixtures: the vendor as the poll tests see it (credential with a Custom URL on
 * epilot's host, `GET /v2/partners/{orgId}/users` answering `{ results }`) and partner users.
 */
import type { IDataObject } from 'n8n-workflow';
import type { PollVendor } from '../harness/pollTrigger';
import { epilot, EPILOT_BEARER, EPILOT_ORIGIN } from '../epilot/suite';

export const epilotTrigger: PollVendor = {
	node: 'epilotTrigger',
	origin: EPILOT_ORIGIN,
	credentials: {
		epilotApi: { accessToken: EPILOT_BEARER, server: 'custom', customUrl: `${EPILOT_ORIGIN}/` },
	},
	headers: { authorization: `Bearer ${EPILOT_BEARER}`, accept: 'application/json' },
	secrets: epilot.secrets,
	listPath: (orgId) => `/v2/partners/${encodeURIComponent(orgId)}/users`,
	answer: (users) => ({ body: { results: users } }),
};

/** The organization most tests watch. */
export const ORG = '200001';
/** A second organization, whose ID needs URL-encoding (a space and a slash). */
export const ORG_2 = 'acme partners/7';

export const SALES = `${ORG}:partner_sales`;
export const VIEWER = `${ORG}:partner_viewer`;

/** A partner user as epilot lists them. */
export function partnerUser(
	id: string,
	name: string,
	status: 'Active' | 'Pending',
	roleIds: string[] = [],
): IDataObject {
	return {
		id,
		name,
		email: `${name.toLowerCase()}@partner.test`,
		status,
		roles: roleIds.map((roleId) => ({ id: roleId, slug: roleId.split(':')[1] })),
	};
}
