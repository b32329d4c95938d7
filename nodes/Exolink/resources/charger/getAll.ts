import { simplified } from '../../../shared/simplify';

/**
 * A charger has at least 14 fields (the docs page ends after the 14th); simplified to its IDs,
 * name, OCPP identity, provisioning and the hardware that tells chargers apart.
 */
export const chargerGetAllOutput = simplified(
	'id',
	'tenantId',
	'profileId',
	'displayName',
	'identity',
	'provisioned',
	'chargePointVendor',
	'chargePointModel',
	'firmwareVersion',
);
