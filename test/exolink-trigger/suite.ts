/**
 * Exolink Trigger fixtures: the vendor as the poll tests see it (credential with a Custom URL on
 * Exolink's host, `GET /tenant/{tenant}/user` answering a bare array) and tenant users.
 */
import type { IDataObject } from 'n8n-workflow';
import type { PollVendor } from '../harness/pollTrigger';
import { exolink, EXOLINK_ORIGIN, EXOLINK_TOKEN } from '../exolink/suite';

export const exolinkTrigger: PollVendor = {
	node: 'exolinkTrigger',
	origin: EXOLINK_ORIGIN,
	credentials: {
		exolinkApi: { accessToken: EXOLINK_TOKEN, server: 'custom', customUrl: ` ${EXOLINK_ORIGIN}/ ` },
	},
	headers: { authorization: `Bearer ${EXOLINK_TOKEN}`, accept: 'application/json' },
	secrets: exolink.secrets,
	listPath: (tenant) => `/tenant/${encodeURIComponent(tenant)}/user`,
	answer: (users) => ({ body: users }),
};

/** The tenant most tests watch. */
export const TENANT = 'abc123';
/** A second tenant, whose domain prefix needs URL-encoding (a space and a slash). */
export const TENANT_2 = 'north fleet/2';

/** A tenant user as List Tenant Users returns them. */
export function tenantUser(userId: string, givenName: string, role: string): IDataObject {
	return {
		userId,
		username: `${givenName.toLowerCase()}@fleet.test`,
		givenName,
		familyName: 'Tester',
		role,
	};
}
