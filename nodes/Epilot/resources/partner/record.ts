import { simplified } from '../../../shared/simplify';

/**
 * The partner record (12 fields) that Approve, Reject, Invite and Get by Invitation Token answer
 * with; simplified to its IDs, company, addresses and status. The invitation token is left out.
 */
export const partnerOutput = simplified(
	'id',
	'organization_id',
	'partner_org_id',
	'company_name',
	'email',
	'invitation_email',
	'signed_up_email',
	'owner_email',
	'status',
);
