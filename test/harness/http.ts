/**
 * Records every request a node sends to one API host (through nock, so no real network is
 * touched) and answers each with the next scripted reply, so a test can assert the exact
 * method, path, query, headers and body of each request.
 */
import nock from 'nock';

export interface Reply {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
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

	private readonly replies: Reply[] = [];

	private readonly scope: nock.Scope;

	constructor(readonly origin: string) {
		this.scope = nock(origin).persist();
		// eslint-disable-next-line @typescript-eslint/no-this-alias
		const mock = this;
		for (const method of METHODS) {
			this.scope.intercept(() => true, method).reply(function (uri, requestBody) {
				return mock.answer(method, uri, requestBody, this.req.headers);
			});
		}
	}

	/** Queues replies, answered in order. */
	reply(...replies: Reply[]): this {
		this.replies.push(...replies);
		return this;
	}

	private answer(
		method: string,
		uri: string,
		requestBody: unknown,
		rawHeaders: Record<string, string | string[]>,
	): [number, string | Buffer, Record<string, string>] {
		const url = new URL(uri, this.origin);
		const query: Record<string, string | string[]> = {};
		for (const key of new Set(url.searchParams.keys())) {
			const values = url.searchParams.getAll(key);
			query[key] = values.length > 1 ? values : values[0];
		}
		const headers: Record<string, string> = {};
		for (const [name, value] of Object.entries(rawHeaders)) headers[name.toLowerCase()] = String(value);
		this.requests.push({ method, path: url.pathname, query, headers, body: parseBody(requestBody) });
		const reply = this.replies.shift() ?? {
			status: 599,
			body: { message: `Unexpected request ${method} ${url.pathname}: no reply scripted` },
		};
		const body = reply.body;
		const payload = Buffer.isBuffer(body) || typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body);
		const headersOut = {
			...(body !== undefined && !Buffer.isBuffer(body) && typeof body !== 'string'
				? { 'content-type': 'application/json' }
				: {}),
			...reply.headers,
		};
		return [reply.status ?? 200, payload, headersOut];
	}

}

// nock patches Node's http module, which jest shares between the test files run in one worker
// while each file loads its own nock: unpatch when a file is done, or the stale copy swallows the
// next file's requests.
afterAll(() => nock.restore());

export function resetMocks(): void {
	nock.cleanAll();
}

export function blockRealNetwork(): void {
	nock.disableNetConnect();
	nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
}
