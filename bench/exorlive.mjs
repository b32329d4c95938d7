// ExorLive benchmarks: User Lookup for 1,000 items, the token exchange included (node, HTTP
// Request node, raw undici), the number of token exchanges the node makes for them, and the
// same run in a process that has issued many tokens before.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { Agent, request } from 'undici';
import { EXORLIVE_CLIENT, EXORLIVE_SEED } from '../test/sandbox/index.mjs';
import { countExpressions, expectItems } from './engine.mjs';
import { interleaved, pairedRatios, summary } from './lib.mjs';

const require = createRequire(import.meta.url);

export const ITEMS = 1000;
const USER = String(EXORLIVE_SEED.adminUserId);

const input = () => Array.from({ length: ITEMS }, () => ({ userId: USER }));

/** The sandbox's own credential (what `npm run dev` imports), no token stored yet. */
const credentials = (sandbox) => ({ exorLiveApi: sandbox.credentials.exorLiveApi });

/** User Lookup by ID, the ID mapped from the item. */
const lookupParameters = {
	resource: 'user',
	operation: 'lookup',
	type: 'id',
	text: '={{ $json.userId }}',
};

const httpRequestParameters = (sandbox) => ({
	method: 'GET',
	url: `${sandbox.urls.exorliveApi}/api4/user/lookupuser`,
	authentication: 'predefinedCredentialType',
	nodeCredentialType: 'exorLiveApi',
	sendQuery: true,
	specifyQuery: 'keypair',
	queryParameters: {
		parameters: [
			{ name: 'type', value: 'id' },
			{ name: 'text', value: '={{ $json.userId }}' },
		],
	},
	options: {},
});

const exchanges = async (sandbox) =>
	(await sandbox.control('GET', '/state')).exorlive.tokenExchanges;

/**
 * The token cache lives in the package's credential module for the life of the n8n process, so
 * "token included" means a fresh process: before each timed run (untimed) the package's modules
 * and the harness are loaded anew, as after an n8n restart.
 */
function variant(context, label, options, prepare = async () => {}) {
	let harness;
	return {
		before: async () => {
			harness = await context.freshHarness();
			await harness.loadPackage();
			await prepare();
		},
		run: async () => {
			const before = await exchanges(context.sandbox);
			const result = expectItems(
				await harness.runNode({
					...options(),
					credentials: credentials(context.sandbox),
					input: input(),
				}),
				ITEMS,
				label,
			);
			return { exchanges: (await exchanges(context.sandbox)) - before, result };
		},
	};
}

/** The floor: the two-step token exchange, then 1,000 lookups on a keep-alive undici agent. */
function undiciLookup(sandbox, agent) {
	const auth = sandbox.urls.exorliveAuth;
	const api = sandbox.urls.exorliveApi;
	// The credential's default scope, from the built package (built by the bench before this runs).
	const { DEFAULT_SCOPE } = require('../dist/nodes/ExorLive/auth/settings.js');
	return async () => {
		const authorize = new URL(`${auth}/Providers/OAuth/Authorize.aspx`);
		for (const [key, value] of Object.entries({
			user_id: USER,
			response_type: 'code',
			client_id: EXORLIVE_CLIENT.clientKey,
			client_secret: EXORLIVE_CLIENT.clientSecret,
			redirect_uri: EXORLIVE_CLIENT.redirectUri,
			scope: DEFAULT_SCOPE,
		}))
			authorize.searchParams.set(key, value);
		const { code } = await (await request(authorize, { dispatcher: agent })).body.json();
		const issued = await request(`${auth}/Providers/OAuth/Token.ashx`, {
			method: 'POST',
			dispatcher: agent,
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'authorization_code',
				client_id: EXORLIVE_CLIENT.clientKey,
				client_secret: EXORLIVE_CLIENT.clientSecret,
				code,
				redirect_uri: EXORLIVE_CLIENT.redirectUri,
			}).toString(),
		});
		const { access_token: token } = await issued.body.json();
		if (!token) throw new Error('undici: no token');
		return await Promise.all(
			input().map(async (item) => {
				const response = await request(
					`${api}/api4/user/lookupuser?type=id&text=${encodeURIComponent(item.userId)}`,
					{
						dispatcher: agent,
						headers: {
							authorization: `Bearer ${token}`,
							'exorlive-client': EXORLIVE_CLIENT.clientName,
							accept: 'application/json',
						},
					},
				);
				const body = await response.body.json();
				if (response.statusCode !== 200) throw new Error(`undici: HTTP ${response.statusCode}`);
				return body;
			}),
		);
	};
}

export async function perItemCost(context) {
	const { sandbox, http, log } = context;
	const agent = new Agent({ keepAliveTimeout: 30_000 });
	const tokenExchanges = [];
	const node = variant(context, 'ExorLive node', () => ({
		node: 'exorLive',
		parameters: lookupParameters,
	}));
	const httpNode = variant(context, 'HTTP Request node', () => ({
		node: 'httpRequest',
		nodeType: http.nodeType,
		nodeTypeName: http.nodeTypeName,
		typeVersion: http.typeVersion,
		parameters: httpRequestParameters(sandbox),
	}));
	try {
		const times = await interleaved(
			{
				node: {
					before: node.before,
					run: async () => tokenExchanges.push((await node.run()).exchanges),
				},
				httpRequestNode: httpNode,
				undici: undiciLookup(sandbox, agent),
			},
			{ log: (message) => log(`exorlive per-item cost: ${message}`) },
		);
		const counted = async ({ before, run }) => {
			await before();
			return (await countExpressions(run)) / ITEMS;
		};
		return {
			expressionsPerItem: { node: await counted(node), httpRequestNode: await counted(httpNode) },
			node: summary(times.node),
			httpRequestNode: summary(times.httpRequestNode),
			undici: summary(times.undici),
			nodeVsHttpRequestNode: pairedRatios(times.node, times.httpRequestNode),
			nodeVsUndici: pairedRatios(times.node, times.undici),
			// Warm-up included: every run starts without a token.
			tokenExchanges: summary(tokenExchanges),
		};
	} finally {
		await agent.close();
	}
}

/** Tokens issued in the process before the timed run, as by a long-running n8n. */
export const ISSUED = 1000;

const random = () => randomBytes(24).toString('base64url');

/** An exchange answered at once, in memory: only its issuing counts here. */
const instantExchange = async (options) =>
	String(options.url).endsWith('Authorize.aspx')
		? { statusCode: 200, body: { code: random() } }
		: { statusCode: 200, body: { access_token: random(), expires_in: '7200' } };

/**
 * Issues `ISSUED` tokens through the package's own exchange (loaded by the fresh harness), for
 * `credentialCount` credentials (the sandbox's when `own`, else ones with other client secrets),
 * spread over user ids.
 */
async function issueTokens(sandbox, { own, credentialCount }) {
	const { authSettings } = require('../dist/nodes/ExorLive/auth/settings.js');
	const { exchangeToken } = require('../dist/nodes/ExorLive/auth/tokenExchange.js');
	const base = authSettings(sandbox.credentials.exorLiveApi);
	for (let i = 0; i < ISSUED; i++) {
		const c = i % credentialCount;
		const settings = own ? base : { ...base, clientSecret: `other-client-secret-${c}` };
		await exchangeToken(instantExchange, settings, String(100000 + i));
	}
}

/**
 * User Lookup (1,000 items) in a fresh process, and after `ISSUED` tokens were issued in it:
 * to 50 other credentials (none of them is this run's), or to this run's own credential for
 * other users (all of them are this run's to redact).
 */
export async function issuedTokens(context) {
	const { sandbox, log } = context;
	const options = () => ({ node: 'exorLive', parameters: lookupParameters });
	const times = await interleaved(
		{
			fresh: variant(context, 'ExorLive node', options),
			otherCredentials: variant(context, 'ExorLive node', options, () =>
				issueTokens(sandbox, { own: false, credentialCount: 50 }),
			),
			ownCredential: variant(context, 'ExorLive node', options, () =>
				issueTokens(sandbox, { own: true, credentialCount: 1 }),
			),
		},
		{ log: (message) => log(`exorlive after issued tokens: ${message}`) },
	);
	return {
		issued: ISSUED,
		fresh: summary(times.fresh),
		otherCredentials: summary(times.otherCredentials),
		ownCredential: summary(times.ownCredential),
		otherVsFresh: pairedRatios(times.otherCredentials, times.fresh),
		ownVsFresh: pairedRatios(times.ownCredential, times.fresh),
	};
}
