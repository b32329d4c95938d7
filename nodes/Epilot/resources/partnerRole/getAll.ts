import { simplifiedForTools } from '../../../shared/simplify';

/** A role has 5 fields (no Simplify switch); as a tool, its grants (often long) are left out. */
export const partnerRoleGetAllOutput = simplifiedForTools('id', 'slug', 'name', 'type');
