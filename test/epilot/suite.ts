import type { NodeSuite } from '../harness/cases';

export const EPILOT_ORIGIN = 'https://partner-directory-api.sls.epilot.io';
export const EPILOT_BEARER = 'epilot-test-token-4f1c9b';

export const epilot: NodeSuite = {
	node: 'epilot',
	origin: EPILOT_ORIGIN,
	credentials: { epilotApi: { accessToken: EPILOT_BEARER } },
	headers: { authorization: `Bearer ${EPILOT_BEARER}`, accept: 'application/json' },
	secrets: [EPILOT_BEARER],
};

export const jsonHeaders = { 'content-type': 'application/json' };
