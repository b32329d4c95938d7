/**
 * The credential used by nodes on n8n's older `request` helper, which give the address as `uri`
 * (n8n's HTTP Request node with "Predefined Credential Type: ExorLive API" is one).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';
import { oneOffNodeDescription, runNode } from '../harness/engine';
import { assertRequests } from '../harness/cases';
import { ApiMock } from '../harness/http';
import {
	ADMIN_BEARER,
	ADMIN_ID,
	adminHeaders,
	API_ORIGIN,
	AUTH_ORIGIN,
	credentialData,
	exchange,
} from './suite';

const OTHER_ORIGIN = 'https://elsewhere.example';

/** A node that sends one GET per item to the item's `uri` with `requestWithAuthentication`. */
const legacyNode: INodeType = {
	description: oneOffNodeDescription('legacyRequest', 'exorLiveApi'),
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let index = 0; index < items.length; index++) {
			// The deprecated helper is what this test is about: the HTTP Request node still uses it.
			// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
			const json = await this.helpers.requestWithAuthentication.call(
				this,
				'exorLiveApi',
				{ method: 'GET', uri: String(items[index].json.uri), json: true },
				undefined,
				index,
			);
			output.push({ json });
		}
		return [output];
	},
};

describe('ExorLive credential with legacy `uri` requests', () => {
	it('exchanges a token and sends it with the client header to the API host, nothing elsewhere', async () => {
		const credentials = credentialData();
		const api = new ApiMock(API_ORIGIN);
		const auth = new ApiMock(AUTH_ORIGIN);
		const other = new ApiMock(OTHER_ORIGIN);
		const lookup = {
			method: 'GET',
			path: '/api4/user/lookupuser',
			query: { type: 'id', text: String(ADMIN_ID) },
			reply: { body: { Id: ADMIN_ID } },
		};
		const elsewhere = { method: 'GET', path: '/hook', reply: { body: { ok: true } } };
		api.expect(lookup);
		auth.expect(...exchange(credentials, ADMIN_ID, ADMIN_BEARER));
		other.expect(elsewhere);

		const result = await runNode({
			node: 'legacyRequest',
			nodeType: legacyNode,
			parameters: {},
			credentials: { exorLiveApi: credentials },
			input: [
				{ uri: `${API_ORIGIN}/api4/user/lookupuser?type=id&text=${ADMIN_ID}` },
				{ uri: `${OTHER_ORIGIN}/hook` },
			],
		});

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json)).toEqual([{ Id: ADMIN_ID }, { ok: true }]);
		assertRequests(api, [lookup], {
			authorization: adminHeaders.authorization,
			'exorlive-client': adminHeaders['exorlive-client'],
		});
		expect(other.requests).toHaveLength(1);
		expect(other.requests[0].headers.authorization).toBeUndefined();
		expect(other.requests[0].headers['exorlive-client']).toBeUndefined();
	});
});
