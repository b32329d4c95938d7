import { simplified } from '../../../shared/simplify';

/**
 * An ExorLive Go profile has 12 fields (SetUserProfile's shape); simplified to its IDs, name,
 * email and tags. Image, height, weight, gender and birth date are left out.
 */
export const goClientGetProfileOutput = simplified(
	'Id',
	'CustomId',
	'Firstname',
	'Lastname',
	'Email',
	'UserTags',
);
