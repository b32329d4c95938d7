import { simplifiedForTools } from '../../../shared/simplify';

/** A user has 9 fields (no Simplify switch); as a tool, the MFA flag and timestamps are cut. */
export const userGetOutput = simplifiedForTools(
	'userId',
	'username',
	'email',
	'givenName',
	'familyName',
	'perms',
);
