import type { NodeSuite } from '../harness/cases';

export const EPILOT_ORIGIN = 'https://partner-directory-api.sls.epilot.io';
export const EPILOT_TOKEN = 'epilot-dummy-token-4f1c9b';

export const epilot: NodeSuite = {
	node: 'epilot',
	origin: EPILOT_ORIGIN,
	credentials: { epilotApi: { accessToken: EPILOT_TOKEN } },
	headers: { authorization: `Bearer ${EPILOT_TOKEN}`, accept: 'application/json' },
	secrets: [EPILOT_TOKEN],
};

export const jsonHeaders = { 'content-type': 'application/json' };
