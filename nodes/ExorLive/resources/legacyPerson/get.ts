import { simplified } from '../../../shared/simplify';

/**
 * A person has the 25 fields SetPersonDetails takes (addresses, phones, culture, height,
 * weight and more); simplified to its IDs, name, email, type and whether it is activated.
 */
export const legacyPersonGetOutput = simplified(
	'Id',
	'CustomId',
	'Firstname',
	'Lastname',
	'Email',
	'Type',
	'DepartmentId',
	'IsActivated',
);
