// Self-test of the scripted model (a test double for a model, not a vendor): OpenAI's
// chat-completions shape, plain and streamed; the script played turn by turn; validation,
// authentication and the request record.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { send } from './testing/client.mjs';
import { startSandbox } from './index.mjs';
import scriptedModel, { DEFAULT_SCRIPT, MODEL_KEY } from './doubles/scripted-model.mjs';

let sandbox;
before(async () => {
	sandbox = await startSandbox({ port: 0, vendors: [scriptedModel] });
});
after(() => sandbox.stop());
beforeEach(() => sandbox.reset());

const chat = (body, key = MODEL_KEY) =>
	send(`${sandbox.urls.openai}/chat/completions`, {
		method: 'POST',
		body,
		headers: key ? { authorization: `Bearer ${key}` } : {},
	});
const fn = (name) => ({
	type: 'function',
	function: {
		name,
		description: `${name} in the sandbox`,
		parameters: { type: 'object', properties: {} },
	},
});
const tools = DEFAULT_SCRIPT.steps.map((step) => fn(step.tool));
const question = [
	{ role: 'system', content: 'You are a helpful assistant' },
	{ role: 'user', content: 'Who are the users?' },
];

/** Plays the conversation as an agent would: answers every tool call with `result(call)`. */
async function converse(messages, result, { stream = false } = {}) {
	const answers = [];
	for (let turn = 0; turn < 10; turn++) {
		const res = await chat({ model: 'sandbox-scripted-model', messages, tools, stream });
		assert.equal(res.status, 200, res.text);
		const message = stream ? fromStream(res.text) : res.body.choices[0].message;
		answers.push(message);
		if (!message.tool_calls) return answers;
		messages = [
			...messages,
			{ role: 'assistant', content: null, tool_calls: message.tool_calls },
			...message.tool_calls.map((call) => ({
				role: 'tool',
				tool_call_id: call.id,
				content: result(call),
			})),
		];
	}
	throw new Error('the conversation did not end');
}

/** The assistant message a streamed answer adds up to. */
function fromStream(text) {
	const events = text.split('\n\n').filter(Boolean);
	assert.equal(events.at(-1), 'data: [DONE]');
	const message = { content: '' };
	for (const event of events.slice(0, -1)) {
		const chunk = JSON.parse(event.replace(/^data: /, ''));
		assert.equal(chunk.object, 'chat.completion.chunk');
		const delta = chunk.choices[0]?.delta ?? {};
		message.content += delta.content ?? '';
		for (const part of delta.tool_calls ?? []) {
			message.tool_calls ??= [];
			const call = (message.tool_calls[part.index] ??= {
				id: part.id,
				type: 'function',
				function: { name: part.function.name, arguments: '' },
			});
			call.function.arguments += part.function.arguments;
		}
	}
	return message;
}

describe('the default script', () => {
	for (const stream of [false, true]) {
		test(`calls each tool in turn, then answers with their results${stream ? ' (streamed)' : ''}`, async () => {
			const answers = await converse(
				question,
				(call) => JSON.stringify({ result: `${call.function.name} says hi` }),
				{ stream },
			);
			assert.deepEqual(
				answers
					.slice(0, -1)
					.map((m) => [m.tool_calls[0].function.name, m.tool_calls[0].function.arguments]),
				DEFAULT_SCRIPT.steps.map((s) => [s.tool, JSON.stringify(s.arguments)]),
			);
			const last = answers.at(-1);
			for (const step of DEFAULT_SCRIPT.steps) {
				assert.ok(
					last.content.includes(`- ${step.tool}: {"result":"${step.tool} says hi"}`),
					last.content,
				);
			}
			// Every request is recorded with the tool definitions it carried.
			const { requests } = sandbox.state.openai;
			assert.equal(requests.length, DEFAULT_SCRIPT.steps.length + 1);
			assert.deepEqual(
				requests[0].tools,
				tools.map((t) => t.function),
			);
			assert.equal(requests[0].stream, stream);
			assert.equal(requests.at(-1).messages.filter((m) => m.role === 'tool').length, 3);
		});
	}

	test('a plain answer has the chat.completion shape', async () => {
		const res = await chat({ model: 'sandbox-scripted-model', messages: question, tools });
		assert.equal(res.body.object, 'chat.completion');
		assert.equal(res.body.choices[0].finish_reason, 'tool_calls');
		assert.equal(res.body.choices[0].message.role, 'assistant');
		assert.match(res.body.choices[0].message.tool_calls[0].id, /^call_/);
		assert.deepEqual(Object.keys(res.body.usage).sort(), [
			'completion_tokens',
			'prompt_tokens',
			'total_tokens',
		]);
	});
});

test('a tool the agent does not offer is named in a text answer, not called', async () => {
	const res = await chat({ model: 'm', messages: question, tools: [fn('Something_Else')] });
	const { message, finish_reason } = res.body.choices[0];
	assert.equal(finish_reason, 'stop');
	assert.match(
		message.content,
		/script calls "Epilot_Partner_Users", but the agent offers "Something_Else"/,
	);
});

test('a script set through the control endpoint is played, and reset restores the default', async () => {
	const script = {
		steps: [{ tool: 'Exolink_Tenant_Users', arguments: { Tenant_Domain_Prefix: 'error-404' } }],
	};
	const put = await send(`${sandbox.origin}/_sandbox/openai/script`, {
		method: 'PUT',
		body: script,
	});
	assert.equal(put.status, 200, put.text);
	// Magic values in the conversation do not fail the model's own request.
	const answers = await converse(question, () => 'There was an error: "HTTP 404 Not found"');
	assert.equal(answers[0].tool_calls[0].function.arguments, '{"Tenant_Domain_Prefix":"error-404"}');
	assert.match(answers.at(-1).content, /Exolink_Tenant_Users: There was an error: "HTTP 404/);
	const bad = await send(`${sandbox.origin}/_sandbox/openai/script`, {
		method: 'PUT',
		body: { steps: [{ name: 'x' }] },
	});
	assert.equal(bad.status, 400);
	sandbox.reset();
	const get = await send(`${sandbox.origin}/_sandbox/openai/script`);
	assert.deepEqual(get.body, DEFAULT_SCRIPT);
});

test('`call <Tool> {json}` lines in the user message take the place of the script', async () => {
	const messages = [
		{ role: 'user', content: 'call Exolink_Tenant_Users {"Tenant_Domain_Prefix":"xyz789"}' },
	];
	const answers = await converse(messages, () => '[]');
	assert.equal(answers.length, 2);
	assert.equal(answers[0].tool_calls[0].function.arguments, '{"Tenant_Domain_Prefix":"xyz789"}');
});

describe('requests off the API shape are refused like OpenAI refuses them', () => {
	test('without the key: 401 with an OpenAI error body', async () => {
		const res = await chat({ model: 'm', messages: question }, 'wrong-key');
		assert.equal(res.status, 401);
		assert.equal(res.body.error.code, 'invalid_api_key');
	});
	for (const [what, body, field] of [
		['no messages', { model: 'm' }, /messages/],
		['an unknown field', { model: 'm', messages: question, temprature: 1 }, /temprature/],
		[
			'a role that does not exist',
			{ model: 'm', messages: [{ role: 'robot', content: 'x' }] },
			/role/,
		],
		[
			'a tool name OpenAI refuses',
			{ model: 'm', messages: question, tools: [fn('has spaces')] },
			/name/,
		],
		[
			'a tool result without its call id',
			{ model: 'm', messages: [...question, { role: 'tool', content: 'x' }] },
			/tool_call_id/,
		],
	]) {
		test(`${what}: 400 naming the field`, async () => {
			const res = await chat(body);
			assert.equal(res.status, 400, res.text);
			assert.match(res.body.error.message, field);
		});
	}
	test('refused requests are not played (no record)', async () => {
		await chat({ model: 'm' });
		assert.equal(sandbox.state.openai.requests.length, 0);
		assert.equal(sandbox.requests.at(-1).status, 400);
	});
});

test('GET /v1/models lists the scripted model (the credential test and the model list use it)', async () => {
	const res = await send(`${sandbox.urls.openai}/models`, {
		headers: { authorization: `Bearer ${MODEL_KEY}` },
	});
	assert.equal(res.status, 200);
	assert.deepEqual(
		res.body.data.map((m) => m.id),
		['sandbox-scripted-model'],
	);
});

test('credentials() gives the model an n8n OpenAI credential whose Base URL is the sandbox', () => {
	assert.deepEqual(sandbox.credentials(), [
		{
			id: 'sandboxModel00001',
			name: 'Scripted model (sandbox)',
			type: 'openAiApi',
			data: { apiKey: MODEL_KEY, url: sandbox.urls.openai },
		},
	]);
});
