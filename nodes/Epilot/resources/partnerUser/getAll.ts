import { simplifiedForTools } from '../../../shared/simplify';

/** A partner user has 6 fields (no Simplify switch); as a tool, the profile image is left out. */
export const partnerUserGetAllOutput = simplifiedForTools(
	'id',
	'name',
	'email',
	'status',
	'roles.id',
	'roles.name',
);
