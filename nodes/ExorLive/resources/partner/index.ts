import { exorLiveResource } from '../../operationSpecs';
import { getGoInvitationLink } from './goInvitationLink';
import { requestApiAccess } from './requestApiAccess';

export const partnerDescription = exorLiveResource('partner', {
	operations: [getGoInvitationLink, requestApiAccess],
	default: 'requestApiAccess',
	actAs: 'optional',
});
