import { exorLiveResource } from '../../operationSpecs';
import { getUserAccessStatus } from './accessStatus';
import { partnerChallenge } from './challenge';
import { linkOrganization } from './linkOrganization';

/** The older api4/Access methods; they always use the partner's own token. */
export const partnerAccessDescription = exorLiveResource('partnerAccess', {
	operations: [partnerChallenge, linkOrganization, getUserAccessStatus],
	default: 'getUserAccessStatus',
	actAs: 'none',
});
