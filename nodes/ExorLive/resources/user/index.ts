import { exorLiveResource } from '../../operationSpecs';
import { createOrUpdateUser } from './createOrUpdate';
import { setEventCallbackUrl } from './eventCallbackUrl';
import { lookupUser } from './lookup';

export const userDescription = exorLiveResource('user', {
	operations: [lookupUser, createOrUpdateUser, setEventCallbackUrl],
	default: 'lookup',
	actAs: 'optional',
});
