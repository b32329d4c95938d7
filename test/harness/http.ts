/**
 * Records every request a node sends to one API host (through nock, so no real network is
 * touched) and answers each with the next scripted reply, so a test can assert the exact
 * method, path, query, headers and body of each request.
 */
import nock from 'nock';
import { sleep } from 'n8n-workflow';

export interface Reply {
	status?: number;
	/** The body, or a function of the request that makes it (e.g. to echo what was sent). */
	body?: unknown;
	headers?: Record<string, string>;
	/** Milliseconds to wait before answering (e.g. to make one item's request finish last). */
	delayMs?: number;
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	body: unknown;
}

export interface ExpectedRequest {
	method: string;
	/** Path as sent on the wire (still percent-encoded), without the query. */
	path: string;
	query?: Record<string, string | string[]>;
	/** Headers that must be present with exactly these values (names in lower case). */
	headers?: Record<string, string>;
	/** Headers that must not be sent (names in lower case). */
	absentHeaders?: string[];
	/** Parsed JSON body (or the raw text when it is not JSON); undefined = no body. */
	body?: unknown;
	reply?: Reply;
}

/** Identifies "the same request" regardless of arrival order: method, path and query. */
export function requestKey(
	request: Pick<RecordedRequest, 'method' | 'path'> & {
		query?: RecordedRequest['query'];
	},
): string {
	const query = Object.entries(request.query ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
	return `${request.method} ${request.path} ${JSON.stringify(query)}`;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;

function parseBody(raw: unknown): unknown {
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (typeof raw !== 'string') return raw;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

export class ApiMock {
	readonly requests: RecordedRequest[] = [];

	/** Arrivals (`> GET /path`) and answers (`< GET /path 200`), in the order they happened. */
	readonly log: string[] = [];

	/** Scripted replies; a keyed one answers only the request it was scripted for. */
	private readonly replies: Array<{ key?: string; reply: Reply }> = [];

	/** Answers what no scripted reply answers, from the request (e.g. a fault on one item only). */
	private responder?: (request: RecordedRequest) => Reply;

	private readonly scope: nock.Scope;

	constructor(readonly origin: string) {
		this.scope = nock(origin).persist();
		// eslint-disable-next-line @typescript-eslint/no-this-alias
		const mock = this;
		for (const method of METHODS) {
			this.scope
				.intercept(() => true, method)
				.reply(async function (uri, requestBody) {
					const { result, delayMs, entry } = mock.answer(
						method,
						uri,
						requestBody,
						this.req.headers,
					);
					if (delayMs) await sleep(delayMs);
					mock.log.push(`< ${entry} ${result[0]}`);
					return result;
				});
		}
	}

	/** Queues replies, answered in arrival order. */
	reply(...replies: Reply[]): this {
		this.replies.push(...replies.map((reply) => ({ reply })));
		return this;
	}

	/** Answers every request that no queued reply is left for, by a function of the request. */
	respond(responder: (request: RecordedRequest) => Reply): this {
		this.responder = responder;
		return this;
	}

	/**
	 * Queues the replies of expected requests, each kept for the request with its method, path
	 * and query: items of one node run side by side, so their requests may arrive in any order.
	 */
	expect(...requests: ExpectedRequest[]): this {
		this.replies.push(
			...requests.map((request) => ({
				key: requestKey({ query: {}, ...request }),
				reply: request.reply ?? { status: 200, body: {} },
			})),
		);
		return this;
	}

	private answer(
		method: string,
		uri: string,
		requestBody: unknown,
		rawHeaders: Record<string, string | string[]>,
	): {
		result: [number, string | Buffer, Record<string, string>];
		delayMs?: number;
		entry: string;
	} {
		const url = new URL(uri, this.origin);
		const query: Record<string, string | string[]> = {};
		for (const key of new Set(url.searchParams.keys())) {
			const values = url.searchParams.getAll(key);
			query[key] = values.length > 1 ? values : values[0];
		}
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(rawHeaders))
			headers[name.toLowerCase()] = String(value);
		const recorded: RecordedRequest = {
			method,
			path: url.pathname,
			query,
			headers,
			body: parseBody(requestBody),
		};
		this.requests.push(recorded);
		const entry = `${method} ${url.pathname}`;
		this.log.push(`> ${entry}`);
		const key = requestKey({ method, path: url.pathname, query });
		let index = this.replies.findIndex((entry) => entry.key === key);
		if (index < 0) index = this.replies.findIndex((entry) => entry.key === undefined);
		const reply = index < 0 ? this.responder?.(recorded) : this.replies.splice(index, 1)[0].reply;
		const answer = reply ?? {
			status: 599,
			body: { message: `Unexpected request ${method} ${url.pathname}: no reply scripted` },
		};
		const body = typeof answer.body === 'function' ? answer.body(recorded) : answer.body;
		const payload =
			Buffer.isBuffer(body) || typeof body === 'string'
				? body
				: body === undefined
					? ''
					: JSON.stringify(body);
		const headersOut = {
			...(body !== undefined && !Buffer.isBuffer(body) && typeof body !== 'string'
				? { 'content-type': 'application/json' }
				: {}),
			...answer.headers,
		};
		return { result: [answer.status ?? 200, payload, headersOut], delayMs: answer.delayMs, entry };
	}
}
