// End-to-end: n8n's AI Agent uses the three nodes as tools. The real n8n CLI (pinned in
// scripts/n8n.mjs) runs a Manual Trigger copy of examples/ai-partner-assistant.json once; its
// OpenAI Chat Model talks to the sandbox's scripted model (a test double for a model), which
// calls the Epilot, ExorLive and Exolink tools in turn, then one more time with an epilot
// organization that does not exist (404), and answers with what the tools returned.
// The checks read what reached the vendor fakes and what the agent sent to the model.
// Run with `npm run test:e2e`. Everything is bounded and always stopped.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { request } from 'undici';
import {
	DEFAULT_SCRIPT,
	EPILOT_SEED,
	EPILOT_TOKEN,
	EXOLINK_SEED,
	EXOLINK_TOKEN,
	EXORLIVE_CLIENT,
	EXORLIVE_SEED,
	MODEL_KEY,
	startSandbox,
} from '../sandbox/index.mjs';
import {
	N8N_LINE,
	N8N_VERSION,
	activateWorkflow,
	ensureN8n,
	exampleWorkflows,
	freePort,
	importIntoN8n,
	n8nCli,
	n8nEnv,
	profileDir,
	startN8n,
	waitForN8n,
} from '../../scripts/n8n.mjs';
import { eventually, manualCopy, outputOf, packedPackage, parseRun } from './helpers.mjs';

const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;
const QUESTION =
	'Who are the users of partner organization 200001 and of Exolink tenant abc123, and is kari@nordic-physio.example an ExorLive user?';
const CHAT_TRIGGER = '@n8n/n8n-nodes-langchain.chatTrigger';
/** The example's tools: tool name (from the node name), node, node type, vendor. */
const TOOLS = [
	['Epilot_Partner_Users', 'Epilot Partner Users', 'Epilot', 'epilot'],
	['ExorLive_User_Lookup', 'ExorLive User Lookup', 'ExorLive', 'exorlive'],
	['Exolink_Tenant_Users', 'Exolink Tenant Users', 'Exolink', 'exolink'],
];
/** The scripted conversation: the example's default script, then a call that fails with 404. */
const FAILING = { tool: 'Epilot_Partner_Users', arguments: { Partner_Organization: 'error-404' } };
// n8n 1.x's AI Agent ends the run on a tool's error instead of passing it to the model.
const SCRIPT = {
	steps: [...DEFAULT_SCRIPT.steps, ...(N8N_LINE.toolErrorsReachModel ? [FAILING] : [])],
};

let sandbox;
let packageDir;
let env;
let n8n;
let result;
/** What the agent sent to the model, one entry per chat-completions request. */
let modelRequests;

before(
	async () => {
		await ensureN8n();
		console.log(`# n8n ready after ${seconds()}`);
		packageDir = await packedPackage('e2e-agent');
		sandbox = await startSandbox({ port: 0 });
		rmSync(profileDir('e2e-agent'), { recursive: true, force: true });
		env = await n8nEnv({
			profile: 'e2e-agent',
			extensions: packageDir,
			port: await freePort(),
		});
		const example = exampleWorkflows({ sandboxOrigin: sandbox.origin }).find(
			(workflow) => workflow.id === 'aiPartnerAgent',
		);
		// What the Chat Trigger would emit for the question.
		const copy = manualCopy(
			example,
			{ sessionId: 'e2e-agent', action: 'sendMessage', chatInput: QUESTION },
			{ starters: [CHAT_TRIGGER] },
		);
		// The model's credential holds the sandbox's Base URL; the vendor credentials the fakes'.
		await importIntoN8n(env, {
			credentials: sandbox.credentials(),
			workflows: [copy, streamingChat(example)],
		});
		await activateWorkflow(env, STREAMING_ID);
		console.log(`# imported after ${seconds()}`);
		const answer = await sandbox.vendors.openai.control({
			method: 'PUT',
			path: '/script',
			body: SCRIPT,
		});
		assert.equal(answer.status ?? 200, 200, JSON.stringify(answer.body));
		const { stdout } = await n8nCli(['execute', `--id=${copy.id}`, '--rawOutput'], env);
		result = parseRun(stdout);
		modelRequests = sandbox.state.openai.requests;
		console.log(`# agent run finished after ${seconds()}`);
	},
	{ timeout: 45 * 60_000 },
);

after(async () => {
	await n8n?.stop();
	await sandbox?.stop();
	console.log(`# agent e2e finished in ${seconds()}`);
});

const STREAMING_ID = 'aiAgentStream';
const STREAMING_WEBHOOK = 'c4a1e7d2-5b3f-4c8e-9a6d-1f2e3d4c0aff';

/**
 * The example with its chat made public and answered as a stream: the AI Agent then streams,
 * and so does its OpenAI Chat Model (`stream: true`).
 */
function streamingChat(example) {
	return {
		...example,
		id: STREAMING_ID,
		name: `${example.name} (streaming chat)`,
		nodes: example.nodes.map((node) =>
			node.type === CHAT_TRIGGER
				? {
						...node,
						webhookId: STREAMING_WEBHOOK,
						parameters: { public: true, mode: 'webhook', options: { responseMode: 'streaming' } },
					}
				: node,
		),
	};
}

/** The tool messages the model received, by tool name, in the order of the calls. */
function toolResults() {
	const last = modelRequests.at(-1).messages;
	const names = new Map(
		last.flatMap((m) => (m.tool_calls ?? []).map((call) => [call.id, call.function.name])),
	);
	return last
		.filter((m) => m.role === 'tool')
		.map((m) => ({ tool: names.get(m.tool_call_id), content: String(m.content) }));
}

describe('an AI Agent calls the three nodes as tools (n8n execute, scripted model)', () => {
	test('the run succeeds and the model was asked once per step plus once for the answer', () => {
		assert.equal(result.status, 'success', JSON.stringify(result.data.resultData.error));
		assert.equal(modelRequests.length, SCRIPT.steps.length + 1);
		assert.deepEqual(
			modelRequests.slice(0, -1).map((r) => r.answer.tool_calls?.[0].function.name),
			SCRIPT.steps.map((step) => step.tool),
		);
		// The OpenAI Chat Model asks without streaming here (the agent streams only behind a
		// streaming Chat Trigger); the double serves both.
		assert.ok(modelRequests.every((r) => r.stream === false));
		assert.equal(modelRequests[0].messages.at(-1).content, QUESTION);
	});

	test("each tool's request reached the sandbox with the arguments the model chose", () => {
		const vendorCalls = sandbox.requests.filter((r) => r.vendor !== 'openai');
		const epilot = vendorCalls.filter((r) => r.operationId === 'getPartnerUsers');
		assert.deepEqual(
			epilot.map((r) => [r.method, r.path, r.status]),
			[
				['GET', `/v2/partners/${EPILOT_SEED.partnerOrgId}/users`, 200],
				...(SCRIPT.steps.includes(FAILING) ? [['GET', '/v2/partners/error-404/users', 404]] : []),
			],
		);
		assert.ok(epilot.every((r) => r.authorization === 'Bearer sandbox-epilot-token'));

		const lookup = vendorCalls.filter((r) => r.operationId === 'lookupUser');
		assert.deepEqual(
			lookup.map((r) => [r.query, r.status]),
			[[{ type: 'email', text: EXORLIVE_SEED.contactEmail }, 200]],
		);
		// Acting as the customer organization's admin, as the model asked: one token exchange.
		const admin = EXORLIVE_SEED.customers[0].adminUserId;
		assert.equal(sandbox.state.exorlive.exchangesByUser[admin], 1);

		const exolink = vendorCalls.filter((r) => r.operationId === 'list_tenant_users');
		assert.deepEqual(
			exolink.map((r) => [r.path, r.status]),
			[[`/tenant/${EXOLINK_SEED.tenant}/user`, 200]],
		);
		// Nothing else was sent to the vendors besides the token exchange.
		assert.deepEqual([...new Set(vendorCalls.map((r) => r.vendor))].sort(), [
			'epilot',
			'exolink',
			'exorlive',
		]);
	});

	test('the tool results came back to the model, and the answer contains them', () => {
		const results = toolResults();
		assert.deepEqual(
			results.map((r) => r.tool),
			SCRIPT.steps.map((step) => step.tool),
		);
		const [epilot, exorlive, exolink] = results.map((r) => JSON.parse(r.content));
		assert.ok(
			epilot.some((user) => user.id === EPILOT_SEED.userId || user.user_id === EPILOT_SEED.userId),
			JSON.stringify(epilot),
		);
		assert.deepEqual(
			exorlive.map((user) => [user.Id, user.Email]),
			[[EXORLIVE_SEED.contactId, EXORLIVE_SEED.contactEmail]],
		);
		assert.deepEqual(exolink.map((user) => user.username).sort(), [
			'ada@company.example',
			'bob@company.example',
			'vera@company.example',
		]);
		// The agent's output is the model's closing text, built from those results.
		const [{ output }] = outputOf(result, 'AI Agent');
		for (const { tool, content } of results) {
			assert.ok(output.includes(`- ${tool}: ${content}`), `${tool} result missing in:\n${output}`);
		}
		// The tool nodes ran inside the execution, as n8n shows them in the editor.
		for (const [, node] of TOOLS)
			assert.ok(result.data.resultData.runData[node], `${node} did not run`);
	});

	test(
		'a failing tool call (vendor 404) reaches the model as a readable error, not a stack trace',
		{
			skip:
				!N8N_LINE.toolErrorsReachModel &&
				`n8n ${N8N_VERSION}'s AI Agent ends the run on a tool error`,
		},
		() => {
			const failed = toolResults().at(-1);
			assert.equal(failed.tool, FAILING.tool);
			// n8n 2.40 hands the failed item on: one `{ error }` with the node's message.
			const [item, ...more] = JSON.parse(failed.content);
			assert.deepEqual(more, []);
			assert.deepEqual(Object.keys(item), ['error']);
			assert.match(item.error, /\(HTTP 404\)$/, 'the HTTP status is part of the message');
			assert.match(item.error, /^Simulated HTTP 404/, "the vendor's message is passed on");
			assert.doesNotMatch(failed.content, /\bat .+\(|node_modules|\.js:\d+|\\n/);
			assert.ok(item.error.length < 400, item.error);
			// The agent carried on and reported it.
			const [{ output }] = outputOf(result, 'AI Agent');
			assert.match(output, /Epilot_Partner_Users: \[\{"error":"Simulated HTTP 404/);
		},
	);

	test('no secret of the vendor credentials, nor a token issued during the run, is sent to the model', () => {
		const secrets = sandbox
			.credentials()
			.filter((credential) => credential.type !== 'openAiApi')
			.flatMap((credential) =>
				Object.entries(credential.data)
					.filter(
						([key, value]) => /token|secret|key|password/i.test(key) && typeof value === 'string',
					)
					.map(([, value]) => value),
			);
		const { tokens, refreshTokens } = sandbox.state.exorlive;
		const issued = [...Object.keys(tokens), ...Object.keys(refreshTokens)];
		assert.ok(secrets.length >= 4 && issued.length >= 2, 'the check has something to look for');
		const sent = JSON.stringify(
			sandbox.requests.filter((r) => r.vendor === 'openai').map((r) => r.body),
		);
		for (const secret of [...secrets, ...issued]) {
			assert.ok(!sent.includes(secret), `a secret (${secret.slice(0, 12)}…) was sent to the model`);
		}
		assert.doesNotMatch(sent, /sbx-(at|rt|code|ak)-/);
		// The only credential the model's endpoint saw is its own key.
		assert.ok(
			sandbox.requests
				.filter((r) => r.vendor === 'openai')
				.every((r) => r.authorization === `Bearer ${MODEL_KEY}`),
		);
	});
});

describe("the tools answer with Output: Simplified (the example's choice)", () => {
	/** What the vendor fake answers the same call with, read directly after the run. */
	async function rawAnswer(vendorPath, headers) {
		const res = await request(`${sandbox.origin}${vendorPath}`, { headers });
		const body = await res.body.json();
		assert.equal(res.statusCode, 200, JSON.stringify(body));
		return body;
	}
	/** The first tool message of each tool (the failing call comes later). */
	const messageOf = (tool) => toolResults().find((r) => r.tool === tool).content;
	const pick = (record, fields) =>
		Object.fromEntries(fields.filter((field) => field in record).map((f) => [f, record[f]]));

	test("Epilot: id, name, email, status and each role's id and name; smaller than the raw answer", async () => {
		const { results } = await rawAnswer(`/epilot/v2/partners/${EPILOT_SEED.partnerOrgId}/users`, {
			authorization: `Bearer ${EPILOT_TOKEN}`,
		});
		const content = messageOf('Epilot_Partner_Users');
		const expected = results.map((user) => ({
			...pick(user, ['id', 'name', 'email', 'status']),
			roles: user.roles.map((role) => pick(role, ['id', 'name'])),
		}));
		assert.deepEqual(JSON.parse(content), expected);
		for (const user of JSON.parse(content)) {
			assert.deepEqual(
				Object.keys(user),
				['id', 'name', 'email', 'status', 'roles'].filter((key) => key in user),
			);
		}
		const raw = JSON.stringify(results);
		// Without the roles' slugs: 164 bytes for the seeded user, 187 raw.
		assert.ok(content.length <= 175, `${content.length} bytes`);
		assert.ok(raw.length > 175, `raw: ${raw.length} bytes`);
	});

	test('ExorLive: IDs, role and its name, name, email, custom ID; smaller than the raw answer', async () => {
		const admin = EXORLIVE_SEED.customers[0].adminUserId;
		const [token] = Object.entries(sandbox.state.exorlive.tokens).find(
			([, grant]) => grant.userId === admin,
		);
		const query = new URLSearchParams({ type: 'email', text: EXORLIVE_SEED.contactEmail });
		const answer = await rawAnswer(`/exorlive/api/api4/user/lookupuser?${query}`, {
			authorization: `Bearer ${token}`,
			'exorlive-client': EXORLIVE_CLIENT.clientName,
		});
		// One user object as documented (a list when the sandbox assumes one).
		const raw = Array.isArray(answer) ? answer : [answer];
		const content = messageOf('ExorLive_User_Lookup');
		const [user, ...more] = JSON.parse(content);
		assert.deepEqual(more, []);
		assert.deepEqual(Object.keys(user), [
			'Id',
			'OrganizationId',
			'DepartmentId',
			'Role',
			'RoleName',
			'Firstname',
			'Lastname',
			'Email',
			'CustomId',
		]);
		const { RoleName, ...kept } = user;
		assert.equal(RoleName, 'Contact With Login');
		assert.deepEqual(
			kept,
			pick(raw[0], [
				'Id',
				'OrganizationId',
				'DepartmentId',
				'Role',
				'Firstname',
				'Lastname',
				'Email',
				'CustomId',
			]),
		);
		// The national ID number and the address stay with ExorLive.
		assert.doesNotMatch(content, /OfficialId|Address|DateOfBirth/);
		// 197 bytes for the seeded contact; the vendor's answer alone is twice that.
		assert.ok(content.length <= 250, `${content.length} bytes`);
		assert.ok(JSON.stringify(raw).length > 250, `raw: ${JSON.stringify(raw).length} bytes`);
	});

	test('Exolink: the five documented fields of a tenant user, nothing more', async () => {
		const raw = await rawAnswer(`/exolink/tenant/${EXOLINK_SEED.tenant}/user`, {
			authorization: `Bearer ${EXOLINK_TOKEN}`,
		});
		const content = messageOf('Exolink_Tenant_Users');
		const kept = ['userId', 'username', 'givenName', 'familyName', 'role'];
		assert.deepEqual(
			JSON.parse(content),
			raw.map((user) => pick(user, kept)),
		);
		for (const user of JSON.parse(content)) {
			assert.deepEqual(
				Object.keys(user),
				kept.filter((key) => key in user),
			);
		}
		// Exolink documents five fields for a tenant user, all kept: no larger raw answer here.
		assert.ok(content.length <= 450, `${content.length} bytes`);
	});
});

describe('what the model sees of each tool', () => {
	const requireFromPackage = () => createRequire(path.join(packageDir, 'package.json'));
	/** The node type's own description, from the package users install. */
	const nodeType = (name) => {
		const module = requireFromPackage()(`./dist/nodes/${name}/${name}.node.js`);
		return new module[name]().description;
	};
	/** n8n's editor names a parameter the model fills after its display name. */
	const editorKey = (displayName) => displayName.replace(/[^a-zA-Z0-9-]/g, '_').slice(0, 63);
	const oneSentence = (text) =>
		typeof text === 'string' &&
		/^[A-Z]/.test(text) &&
		text.length >= 15 &&
		text.length <= 200 &&
		!/[.!?]\s+\S/.test(text);
	const readable = (text) =>
		typeof text === 'string' &&
		text.trim().split(/\s+/).length >= 4 &&
		!/\b[a-z]+[A-Z][A-Za-z]*\b/.test(text.replace(/https?:\/\/\S+|wss?:\/\/\S+/g, '')) &&
		!/<[a-z][^>]*>/i.test(text);

	for (const [toolName, , typeName] of TOOLS) {
		test(`${toolName}: one-sentence description; every parameter named and described from the node`, () => {
			const sentTools = modelRequests[0].tools;
			const tool = sentTools.find((t) => t.name === toolName);
			assert.ok(tool, `the agent did not offer ${toolName}: ${sentTools.map((t) => t.name)}`);
			const type = nodeType(typeName);
			assert.ok(
				oneSentence(tool.description),
				`tool description: ${JSON.stringify(tool.description)}`,
			);
			assert.ok(tool.description.endsWith(` in ${type.defaults.name}`), tool.description);
			// With "Set Manually", the description starts as the node's own description.
			assert.ok(oneSentence(type.description.replace(/ \(.*\)$/, '')), type.description);

			const { properties, required, type: schemaType } = tool.parameters;
			assert.equal(schemaType, 'object');
			assert.ok(Object.keys(properties).length >= 1);
			assert.deepEqual([...required].sort(), Object.keys(properties).sort());
			for (const [key, schema] of Object.entries(properties)) {
				const parameter = type.properties.find(
					(p) => editorKey(p.displayName) === key && p.displayOptions,
				);
				assert.ok(parameter, `${key}: no parameter of ${typeName} has this display name`);
				assert.match(key, /^[A-Z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/, `${key}: not made of words`);
				assert.equal(schema.type, 'string');
				assert.equal(schema.description, parameter.description, `${key}: not the node's text`);
				assert.ok(readable(schema.description), `${key}: ${JSON.stringify(schema.description)}`);
				// A model must send an option's value: the description names every one.
				for (const option of parameter.options ?? []) {
					assert.ok(
						schema.description.includes(String(option.value)),
						`${key}: the description does not name the value ${option.value}`,
					);
				}
			}
		});
	}
});

describe('the same agent behind a streaming public chat (n8n start)', () => {
	let chunks;
	let streamedRequests;
	before(
		async () => {
			// A new conversation with the default script (the three tools).
			sandbox.reset();
			n8n = startN8n(env);
			const base = await waitForN8n(n8n, env, 240_000);
			console.log(`# n8n started after ${seconds()}`);
			const text = await eventually(async () => {
				const res = await request(`${base}/webhook/${STREAMING_WEBHOOK}/chat`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({
						action: 'sendMessage',
						sessionId: 'e2e-stream',
						chatInput: QUESTION,
					}),
					headersTimeout: 120_000,
					bodyTimeout: 120_000,
				});
				const body = await res.body.text();
				assert.equal(res.statusCode, 200, body);
				return body;
			}, 30_000);
			// One JSON object per line: begin/end per agent step, `item` chunks of the answer.
			chunks = text
				.split('\n')
				.filter(Boolean)
				.map((line) => JSON.parse(line));
			streamedRequests = sandbox.state.openai.requests;
			console.log(`# streaming chat answered after ${seconds()}`);
		},
		{ timeout: 360_000 },
	);

	test('the model is asked with stream: true and its streamed tool calls run the tools', () => {
		assert.equal(streamedRequests.length, DEFAULT_SCRIPT.steps.length + 1);
		assert.ok(streamedRequests.every((r) => r.stream === true));
		const reached = sandbox.requests
			.filter((r) => r.vendor !== 'openai' && r.status === 200)
			.map((r) => r.operationId);
		for (const operation of ['getPartnerUsers', 'lookupUser', 'list_tenant_users']) {
			assert.ok(reached.includes(operation), `${operation} not called: ${reached}`);
		}
	});

	test("the chat receives the model's answer as a stream, with every tool's result", () => {
		const answer = chunks
			.filter((chunk) => chunk.type === 'item')
			.map((chunk) => chunk.content)
			.join('');
		assert.ok(chunks.filter((chunk) => chunk.type === 'item').length > 1, 'not streamed');
		assert.equal(answer, streamedRequests.at(-1).answer.content);
		for (const step of DEFAULT_SCRIPT.steps) assert.ok(answer.includes(`- ${step.tool}: [{`));
		assert.ok(answer.includes(EXORLIVE_SEED.contactEmail));
	});
});
