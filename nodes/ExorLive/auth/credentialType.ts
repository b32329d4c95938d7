import { ExorLiveApi } from '../../../credentials/ExorLiveApi.credentials';
import { redactSecretsOf } from '../../shared/redaction';

/** The ExorLive credential type; its secrets are redacted from the node's errors and output. */
export const CREDENTIAL_TYPE = redactSecretsOf({
	credential: new ExorLiveApi(),
	// A Basic header carries key and secret together.
	combined: ({ clientKey, clientSecret }) =>
		typeof clientKey === 'string' && typeof clientSecret === 'string' && clientSecret
			? [`${clientKey}:${clientSecret}`]
			: [],
	// Tokens exchanged at run time are filed under the client secret they were exchanged with.
	issuer: ({ clientSecret }) => clientSecret,
});
