import { exorLiveResource } from '../../operationSpecs';
import { getAuthKey } from './authKey';
import { createJwtLink } from './jwtLink';
import { buildSignInUrlOperation } from './signInUrl';

export const signInDescription = exorLiveResource('signIn', {
	operations: [getAuthKey, buildSignInUrlOperation, createJwtLink],
	default: 'buildSignInUrl',
	actAs: 'optional',
});
