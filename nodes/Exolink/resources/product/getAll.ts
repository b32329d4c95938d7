import { simplified } from '../../../shared/simplify';

/** A product has 11 fields; simplified to its names, price and whether it is on sale. */
export const productGetAllOutput = simplified(
	'id',
	'name',
	'displayName',
	'description',
	'active',
	'price',
);
