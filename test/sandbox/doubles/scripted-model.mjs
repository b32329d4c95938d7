// A TEST DOUBLE FOR A MODEL, not a vendor fake: an OpenAI-compatible chat-completions endpoint
// (`POST /openai/v1/chat/completions`, plus `GET /openai/v1/models` for the model list and the
// credential test) that plays a scripted conversation, so n8n's AI Agent with its OpenAI Chat
// Model can call this package's nodes as tools without the internet or a real model.
//
// The script is a list of steps `{ tool, arguments }`. After the user's message, each answer
// calls the next step's tool (one tool call per answer); once every step has a tool result, the
// answer is text built from those results. Steps come from, first to last that is set:
// lines `call <Tool_Name> {json arguments}` in the user's message, the script set through
// `PUT /_sandbox/openai/script`, or DEFAULT_SCRIPT (the tools of
// examples/ai-partner-assistant.json). Every request is recorded (`state.requests`) with the
// tool definitions the agent sent, for the tests to read.
import { z } from 'zod';
import { handRoute } from '../core/routes.mjs';
import { HttpError } from '../core/server.mjs';

/** The API key the double accepts (its n8n credential is "Scripted model (sandbox)"). */
export const MODEL_KEY = 'sandbox-model-key';
export const MODEL_ID = 'sandbox-scripted-model';

/** The conversation the example's agent plays unless told otherwise. */
export const DEFAULT_SCRIPT = {
	steps: [
		{ tool: 'Epilot_Partner_Users', arguments: { Partner_Organization: '200001' } },
		{
			tool: 'ExorLive_User_Lookup',
			arguments: {
				Act_As_User_ID: '600101',
				Search_By: 'email',
				Search_Text: 'kari@nordic-physio.example',
			},
		},
		{ tool: 'Exolink_Tenant_Users', arguments: { Tenant_Domain_Prefix: 'abc123' } },
	],
};

const scriptSchema = z
	.object({
		steps: z
			.array(
				z
					.object({
						tool: z.string().min(1),
						arguments: z.record(z.unknown()).default({}),
					})
					.strict(),
			)
			.max(20),
	})
	.strict();

// The request shape of OpenAI's Chat Completions API, as far as an agent uses it. Content may
// be text or a list of parts; sampling options are accepted and ignored.
const text = z.union([
	z.string(),
	z.array(z.object({ type: z.string(), text: z.string().optional() }).passthrough()),
]);
const toolCall = z
	.object({
		id: z.string().min(1),
		type: z.literal('function'),
		function: z.object({ name: z.string().min(1), arguments: z.string() }).strict(),
	})
	.strict();
const message = z.discriminatedUnion('role', [
	z.object({ role: z.literal('system'), content: text, name: z.string().optional() }).strict(),
	z.object({ role: z.literal('developer'), content: text, name: z.string().optional() }).strict(),
	z.object({ role: z.literal('user'), content: text, name: z.string().optional() }).strict(),
	z
		.object({
			role: z.literal('assistant'),
			content: text.nullable().optional(),
			name: z.string().optional(),
			tool_calls: z.array(toolCall).optional(),
			refusal: z.string().nullable().optional(),
		})
		.strict(),
	z.object({ role: z.literal('tool'), content: text, tool_call_id: z.string().min(1) }).strict(),
]);
const tool = z
	.object({
		type: z.literal('function'),
		function: z
			.object({
				// OpenAI's rule for function names.
				name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/),
				description: z.string().optional(),
				parameters: z.record(z.unknown()).optional(),
				strict: z.boolean().nullable().optional(),
			})
			.strict(),
	})
	.strict();
const chatRequest = z
	.object({
		model: z.string().min(1),
		messages: z.array(message).min(1),
		tools: z.array(tool).optional(),
		tool_choice: z.unknown().optional(),
		parallel_tool_calls: z.boolean().optional(),
		stream: z.boolean().optional(),
		stream_options: z.object({ include_usage: z.boolean().optional() }).strict().optional(),
		temperature: z.number().optional(),
		top_p: z.number().optional(),
		n: z.number().int().optional(),
		presence_penalty: z.number().optional(),
		frequency_penalty: z.number().optional(),
		max_tokens: z.number().int().optional(),
		max_completion_tokens: z.number().int().optional(),
		response_format: z.unknown().optional(),
		reasoning_effort: z.string().optional(),
		seed: z.number().int().optional(),
		stop: z.union([z.string(), z.array(z.string())]).optional(),
		user: z.string().optional(),
		logprobs: z.boolean().optional(),
		top_logprobs: z.number().int().optional(),
		service_tier: z.string().optional(),
		store: z.boolean().optional(),
		metadata: z.record(z.string()).optional(),
	})
	.strict();

const contentText = (content) =>
	Array.isArray(content) ? content.map((part) => part.text ?? '').join('') : (content ?? '');

/** `call <Tool_Name> {json}` lines of a user message, as script steps. */
function stepsInMessage(content) {
	const steps = [];
	for (const match of contentText(content).matchAll(/^call\s+([\w-]+)\s*(\{.*\})?\s*$/gm)) {
		let args = {};
		try {
			args = match[2] ? JSON.parse(match[2]) : {};
		} catch {
			throw new HttpError(400, `Scripted model: the arguments of "call ${match[1]}" are not JSON`);
		}
		steps.push({ tool: match[1], arguments: args });
	}
	return steps;
}

/**
 * The next answer of the conversation: the next step's tool call, or the closing text built
 * from the tool results since the last user message.
 */
function nextAnswer(body, script, callId) {
	const lastUser = body.messages.findLastIndex((m) => m.role === 'user');
	const turn = body.messages.slice(lastUser + 1);
	const fromMessage = stepsInMessage(body.messages[lastUser]?.content);
	const steps = fromMessage.length ? fromMessage : script.steps;
	const done = turn.filter((m) => m.role === 'assistant' && m.tool_calls?.length).length;
	const offered = (body.tools ?? []).map((t) => t.function.name);
	if (done < steps.length) {
		const step = steps[done];
		if (!offered.includes(step.tool)) {
			return {
				content: `Scripted model: the script calls "${step.tool}", but the agent offers ${
					offered.length ? offered.map((n) => `"${n}"`).join(', ') : 'no tools'
				}.`,
			};
		}
		return {
			tool_calls: [
				{
					id: callId,
					type: 'function',
					function: { name: step.tool, arguments: JSON.stringify(step.arguments) },
				},
			],
		};
	}
	const names = new Map(
		turn.flatMap((m) => (m.tool_calls ?? []).map((c) => [c.id, c.function.name])),
	);
	const results = turn
		.filter((m) => m.role === 'tool')
		.map((m) => `- ${names.get(m.tool_call_id) ?? m.tool_call_id}: ${contentText(m.content)}`);
	return {
		content: results.length
			? `Here is what the tools returned:\n${results.join('\n')}`
			: 'Scripted model: nothing to call, no tool results to report.',
	};
}

/** The answer as one `chat.completion` object. */
function completion(id, model, answer) {
	return {
		id,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [
			{
				index: 0,
				message: {
					role: 'assistant',
					content: answer.content ?? null,
					...(answer.tool_calls ? { tool_calls: answer.tool_calls } : {}),
					refusal: null,
				},
				logprobs: null,
				finish_reason: answer.tool_calls ? 'tool_calls' : 'stop',
			},
		],
		usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
	};
}

/** The same answer as server-sent `chat.completion.chunk` events, the way OpenAI streams. */
function streamed(id, model, answer, includeUsage) {
	const created = Math.floor(Date.now() / 1000);
	const chunk = (delta, finish = null, extra = {}) => ({
		id,
		object: 'chat.completion.chunk',
		created,
		model,
		choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
		...extra,
	});
	const chunks = [chunk({ role: 'assistant', content: answer.tool_calls ? null : '' })];
	if (answer.tool_calls) {
		answer.tool_calls.forEach((call, index) => {
			chunks.push(
				chunk({
					tool_calls: [
						{
							index,
							id: call.id,
							type: 'function',
							function: { name: call.function.name, arguments: '' },
						},
					],
				}),
				chunk({ tool_calls: [{ index, function: { arguments: call.function.arguments } }] }),
			);
		});
	} else {
		for (const piece of answer.content.match(/[\s\S]{1,200}/g) ?? []) {
			chunks.push(chunk({ content: piece }));
		}
	}
	chunks.push(chunk({}, answer.tool_calls ? 'tool_calls' : 'stop'));
	if (includeUsage) {
		chunks.push({
			id,
			object: 'chat.completion.chunk',
			created,
			model,
			choices: [],
			usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
		});
	}
	return `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`;
}

const seed = () => ({ script: structuredClone(DEFAULT_SCRIPT), requests: [], completions: 0 });

export default function scriptedModel() {
	let state = seed();

	const routes = [
		handRoute(
			{
				method: 'POST',
				path: '/v1/chat/completions',
				operationId: 'createChatCompletion',
				body: chatRequest,
				// Tool arguments and results may hold the sandbox's magic values (`error-404`):
				// they are the conversation, not a request to fail.
				magic: false,
			},
			({ body }) => {
				const id = `chatcmpl-sandbox-${++state.completions}`;
				const answer = nextAnswer(body, state.script, `call_sandbox_${state.completions}`);
				state.requests.push({
					at: new Date().toISOString(),
					model: body.model,
					stream: Boolean(body.stream),
					messages: body.messages,
					tools: (body.tools ?? []).map((t) => t.function),
					answer,
				});
				if (!body.stream) return { body: completion(id, body.model, answer) };
				return {
					headers: { 'content-type': 'text/event-stream; charset=utf-8' },
					raw: streamed(id, body.model, answer, body.stream_options?.include_usage),
				};
			},
		),
		handRoute({ method: 'GET', path: '/v1/models', operationId: 'listModels' }, () => ({
			body: {
				object: 'list',
				data: [{ id: MODEL_ID, object: 'model', created: 1767225600, owned_by: 'sandbox' }],
			},
		})),
	];

	return {
		name: 'openai',
		/** Shown wherever the sandbox lists what it serves: this is no vendor. */
		label: 'scripted model (test double, not a vendor)',
		token: MODEL_KEY,
		routes,
		get state() {
			return state;
		},
		reset() {
			state = seed();
		},
		urls: (origin) => ({ openai: `${origin}/openai/v1` }),
		authenticate(headers) {
			if (headers.authorization !== `Bearer ${MODEL_KEY}`) {
				throw new HttpError(
					401,
					`Incorrect API key provided (the sandbox model takes ${MODEL_KEY})`,
				);
			}
		},
		// OpenAI's error body.
		errorBody: (status, message) => ({
			error: {
				message,
				type: status === 401 ? 'invalid_request_error' : 'sandbox_error',
				param: null,
				code: status === 401 ? 'invalid_api_key' : null,
			},
		}),
		/** `GET`/`PUT /_sandbox/openai/script`: the steps the next conversations play. */
		control({ method, path, body }) {
			if (path !== '/script') return undefined;
			if (method === 'GET') return { body: state.script };
			if (method === 'PUT') {
				const check = scriptSchema.safeParse(body);
				if (!check.success) return { status: 400, body: { message: check.error.message } };
				state.script = check.data;
				return { body: state.script };
			}
			return { status: 405, body: { message: 'Method not allowed' } };
		},
		credentials: (urls) => [
			{
				id: 'sandboxModel00001',
				name: 'Scripted model (sandbox)',
				type: 'openAiApi',
				data: { apiKey: MODEL_KEY, url: urls.openai },
			},
		],
	};
}
