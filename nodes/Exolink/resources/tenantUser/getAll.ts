import { simplifiedForTools } from '../../../shared/simplify';

/** A tenant user has 5 fields (no Simplify switch); as a tool, all five are what it needs. */
export const tenantUserGetAllOutput = simplifiedForTools(
	'userId',
	'username',
	'givenName',
	'familyName',
	'role',
);
