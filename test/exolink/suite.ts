import type { NodeSuite } from '../harness/cases';

export const EXOLINK_ORIGIN = 'https://api.exolink.cloud';
export const EXOLINK_TOKEN = 'exolink-dummy-token-7d2e1a';

export const exolink: NodeSuite = {
	node: 'exolink',
	origin: EXOLINK_ORIGIN,
	credentials: { exolinkApi: { accessToken: EXOLINK_TOKEN } },
	headers: { authorization: `Bearer ${EXOLINK_TOKEN}`, accept: 'application/json' },
	secrets: [EXOLINK_TOKEN],
};

export const jsonHeaders = { 'content-type': 'application/json' };

/** A resource locator value as n8n stores it for "By ID". */
export const rl = (value: string) => ({ __rl: true, mode: 'id', value });
