// The sandbox's HTTP core: one loopback server, each vendor fake mounted under `/<vendor>`,
// shared routing, JSON and form bodies, request validation, magic error ids, an optional
// latency, vendor control endpoints and a request log.
// Vendor modules (../vendors/*.mjs) only describe routes, state and their error shape.
import { createHash } from 'node:crypto';
import http from 'node:http';
import { assumptionsOfMounted } from './assumptions.mjs';

const HOST = '127.0.0.1';
const MAX_BODY = 1024 * 1024;
const MAX_LOG = 2000;

/** Statuses a request can force with a magic value `error-<status>` (see README "Sandbox"). */
export const MAGIC_STATUSES = [400, 401, 403, 404, 409, 422, 429, 500];
const MAGIC = /^error-(\d{3})(?![0-9])/;

/** Thrown by handlers; the vendor module turns it into its own error body. */
export class HttpError extends Error {
	constructor(status, message, details) {
		super(message);
		this.status = status;
		this.details = details;
	}
}

function compile(path) {
	const names = [];
	const source = path
		.split('/')
		.map((segment) =>
			segment.replace(/\{([^}]+)\}|[^{}]+/g, (part, name) => {
				if (name) {
					names.push(name);
					return '([^/]+)';
				}
				return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			}),
		)
		.join('/');
	return { regex: new RegExp(`^${source}$`), names, literal: names.length === 0 };
}

/** Finds the first magic value in the path, the query or any string of the body. */
function findMagic(values) {
	for (const value of values) {
		if (typeof value === 'string') {
			const match = MAGIC.exec(value);
			if (match && MAGIC_STATUSES.includes(Number(match[1]))) return Number(match[1]);
		} else if (value && typeof value === 'object') {
			const found = findMagic(Object.values(value));
			if (found) return found;
		}
	}
	return undefined;
}

function zodMessage(error, where) {
	return error.issues
		.map((issue) => {
			const path = issue.path
				.map((key, i) => (typeof key === 'number' ? `[${key}]` : i ? `.${key}` : key))
				.join('');
			return `${path || where}: ${issue.message}`;
		})
		.join('; ');
}

/** The request body's bytes, up to MAX_BODY. */
async function readRaw(req) {
	const chunks = [];
	let size = 0;
	for await (const chunk of req) {
		size += chunk.length;
		if (size > MAX_BODY) throw new HttpError(413, 'Request body too large');
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}

/**
 * The request body: form-encoded (`application/x-www-form-urlencoded`) becomes an object of
 * strings, anything else is parsed as JSON. An empty body is `undefined`.
 */
async function readBody(req) {
	const text = (await readRaw(req)).toString('utf8');
	if (!text.trim()) return undefined;
	if (/application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')) {
		return Object.fromEntries(new URLSearchParams(text));
	}
	try {
		return JSON.parse(text);
	} catch {
		throw new HttpError(400, 'Request body is not valid JSON');
	}
}

/** Resolves after `ms` milliseconds (0: at once). */
const delay = (ms) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : undefined);

/**
 * Runs one request through a vendor: route match, auth, magic errors, validation, handler.
 * Returns `{ status, body, headers, operationId }`, or `raw` (a string or Buffer sent as is,
 * with the content type from `headers`) in place of a JSON `body`.
 * `authenticate(headers, { query, path, route })` may return who is calling; handlers get it
 * as `auth`.
 */
async function handle(vendor, method, path, query, headers, readJson, seen, assumes) {
	const candidates = vendor.routes.filter((route) => route.compiled.regex.test(path));
	// Literal routes win over templated ones (`assignables:search` is not a partner id).
	candidates.sort((a, b) => Number(b.compiled.literal) - Number(a.compiled.literal));
	const route = candidates.find((r) => r.method === method);
	if (!route) {
		throw new HttpError(
			candidates.length ? 405 : 404,
			candidates.length ? 'Method not allowed' : 'Not found',
		);
	}
	// Failed requests are logged with their operation too.
	seen.operationId = route.operationId;
	const match = route.compiled.regex.exec(path);
	const params = Object.fromEntries(
		route.compiled.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]),
	);
	const body = await readJson();
	const auth = route.public
		? undefined
		: await vendor.authenticate(headers, { query, path, route });
	const magic =
		route.magic === false
			? undefined
			: findMagic([...Object.values(params), ...Object.values(query), body]);
	if (magic) {
		throw new HttpError(magic, `Simulated HTTP ${magic} (magic value error-${magic})`, {
			retryAfter: magic === 429 ? 1 : undefined,
		});
	}
	const queryCheck = route.query.safeParse(query);
	if (!queryCheck.success)
		throw new HttpError(400, `Invalid query: ${zodMessage(queryCheck.error, 'query')}`);
	if (route.body && (body !== undefined || route.bodyRequired)) {
		const bodyCheck = route.body.safeParse(body);
		if (!bodyCheck.success)
			throw new HttpError(400, `Invalid request body: ${zodMessage(bodyCheck.error, 'body')}`);
	}
	const answer = await route.handler({ params, query: queryCheck.data, body, headers, auth });
	const result = { status: 200, headers: {}, ...answer };
	return { headers: {}, ...documentedOnly(route, result, assumes), operationId: route.operationId };
}

/**
 * What the vendor documents of an answer: an assumed answer that is off is replaced by its
 * documented form; a spec route's JSON body is cut to the properties the spec names.
 */
function documentedOnly(route, result, assumes) {
	if (route.assumed && !assumes(route.assumed.name)) return route.assumed.documented(result);
	if (route.documentedBody && result.body !== undefined && result.raw === undefined) {
		const cut = route.documentedBody.safeParse(result.body);
		if (!cut.success) {
			throw new Error(
				`Sandbox answer of ${route.operationId} does not match the spec: ${zodMessage(cut.error, 'body')}`,
			);
		}
		return { ...result, body: cut.data };
	}
	return result;
}

/**
 * Which undocumented answers are on: `documented` (none: every answer is what the vendor
 * documents, or the least it could plausibly send), `assumed` (all), or a comma-separated list
 * of assumption names (those only, e.g. `exolink.inviteAnswer`).
 */
export function answersMode(answers = process.env.SANDBOX_ANSWERS ?? 'documented') {
	const list = Array.isArray(answers)
		? answers
		: String(answers)
				.split(',')
				.map((name) => name.trim())
				.filter(Boolean);
	if (list.length === 1 && list[0] === 'assumed') return { label: 'assumed', assumes: () => true };
	if (!list.length || (list.length === 1 && list[0] === 'documented')) {
		return { label: 'documented', assumes: () => false };
	}
	const names = new Set(list);
	return { label: list.join(','), assumes: (name) => names.has(name) };
}

/** One line for people: which answers the running sandbox gives. */
export function describeAnswers(sandbox) {
	const on = sandbox.assumptions.filter(
		(a) => sandbox.answers === 'assumed' || sandbox.answers.split(',').includes(a.name),
	);
	if (sandbox.answers === 'documented') {
		return `documented only (${sandbox.assumptions.length} assumed answers off; SANDBOX_ANSWERS=assumed turns them on, see docs/sandbox-assumptions.md)`;
	}
	return `documented, plus ${on.length} assumed answer(s): ${sandbox.answers === 'assumed' ? 'all' : sandbox.answers} (docs/sandbox-assumptions.md)`;
}

/**
 * Starts the sandbox on 127.0.0.1. `vendors` are vendor factories (default: all of
 * ../vendors/index.mjs, plus the scripted model, a test double in ../doubles/);
 * `options` is passed to each (e.g. `{ assignables: 300 }`).
 * `latencyMs` (default: env SANDBOX_LATENCY_MS, else 0) delays every vendor response.
 * `answers` (default: env SANDBOX_ANSWERS, else `documented`): see `answersMode`.
 */
export async function startSandbox({ port = 0, vendors, options = {}, latencyMs, answers } = {}) {
	const checkLatency = (ms) => {
		const value = Number(ms);
		if (!Number.isFinite(value) || value < 0) throw new Error(`Bad latency: ${ms}`);
		return value;
	};
	let latency = checkLatency(latencyMs ?? process.env.SANDBOX_LATENCY_MS ?? 0);
	const mode = answersMode(answers);
	const factories = vendors ?? [
		...(await import('../vendors/index.mjs')).vendors,
		(await import('../doubles/scripted-model.mjs')).default,
	];
	const mounted = factories.map((factory) => {
		const vendor = factory({ ...options, assumes: mode.assumes });
		for (const route of vendor.routes) route.compiled = compile(route.path);
		return vendor;
	});
	const assumptions = assumptionsOfMounted(mounted);
	const known = new Set(assumptions.map((a) => a.name));
	for (const name of mode.label.split(',')) {
		if (!['assumed', 'documented'].includes(name) && !known.has(name)) {
			throw new Error(`Unknown sandbox assumption "${name}" (known: ${[...known].join(', ')})`);
		}
	}
	const requests = [];
	const inbox = [];
	/** Live state of every vendor, by vendor name (e.g. `state().epilot.partners`). */
	const state = () => Object.fromEntries(mounted.map((v) => [v.name, v.state]));
	/** Seed state again, and an empty request log and inbox. */
	const reset = () => {
		for (const vendor of mounted) vendor.reset();
		requests.length = 0;
		inbox.length = 0;
	};
	const log = (entry) => {
		requests.push(entry);
		if (requests.length > MAX_LOG) requests.splice(0, requests.length - MAX_LOG);
	};

	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url, `http://${HOST}`);
		const [, prefix, ...rest] = url.pathname.split('/');
		const path = `/${rest.join('/')}`;
		const query = Object.fromEntries(url.searchParams);
		const send = (status, body, headers = {}, raw = undefined) => {
			const text = raw ?? (body === undefined ? '' : JSON.stringify(body));
			res.writeHead(status, {
				...(text.length && raw === undefined
					? { 'content-type': 'application/json; charset=utf-8' }
					: {}),
				...headers,
			});
			res.end(text);
		};

		if (prefix === '_sandbox') {
			try {
				return await control(req, path, query, send);
			} catch (error) {
				const status = error instanceof HttpError ? error.status : 500;
				return send(status, {
					message: error instanceof HttpError ? error.message : String(error.stack),
				});
			}
		}
		const vendor = mounted.find((v) => v.name === prefix);
		let body;
		const readJson = async () => (body = await readBody(req));
		let result;
		const seen = {};
		try {
			if (!vendor) throw new HttpError(404, `No sandbox vendor at /${prefix}`);
			result = await handle(
				vendor,
				req.method,
				path,
				query,
				req.headers,
				readJson,
				seen,
				mode.assumes,
			);
		} catch (error) {
			const status = error instanceof HttpError ? error.status : 500;
			const message = error instanceof HttpError ? error.message : `Sandbox bug: ${error.stack}`;
			const headers = error.details?.retryAfter
				? { 'retry-after': String(error.details.retryAfter) }
				: {};
			result = {
				status,
				headers,
				operationId: seen.operationId,
				body: vendor ? vendor.errorBody(status, message, error.details) : { message },
			};
		}
		await delay(latency);
		log({
			at: new Date().toISOString(),
			vendor: prefix,
			operationId: result.operationId,
			method: req.method,
			path,
			query,
			authorization: req.headers.authorization,
			body,
			status: result.status,
		});
		send(result.status, result.body, result.headers, result.raw);
	});

	// Small, explicit limits: the sandbox serves tests and a developer, never the internet.
	server.requestTimeout = 15_000;
	server.headersTimeout = 10_000;
	server.keepAliveTimeout = 1_000;

	/**
	 * `/_sandbox/{state,requests,reset}`, and each vendor's own control endpoints under
	 * `/_sandbox/<vendor>/...` (its `control({ method, path, query, body })`, answering
	 * `{ status, body }` or undefined for an unknown path).
	 */
	async function control(req, path, query, send) {
		if (req.method === 'GET' && path === '/requests') return send(200, requests);
		// What `npm run dev` imports into n8n, for clients in another process (the engine tests).
		if (req.method === 'GET' && path === '/credentials') return send(200, credentials());
		if (req.method === 'GET' && path === '/state') return send(200, state());
		if (req.method === 'GET' && path === '/assumptions') {
			return send(
				200,
				assumptions.map(({ name, operationId, vendorSays, weAssume }) => ({
					name,
					operationId,
					vendorSays,
					weAssume,
					on: mode.assumes(name),
				})),
			);
		}
		if (req.method === 'POST' && path === '/reset') {
			reset();
			return send(204);
		}
		// The inbox stands for the user's own system in the examples (e.g. where ready workout
		// PDFs are forwarded): it keeps what it receives, whatever the content type.
		if (path === '/inbox' && req.method === 'GET') return send(200, inbox);
		if (path === '/inbox' && req.method === 'POST') {
			const bytes = await readRaw(req);
			inbox.push({
				at: new Date().toISOString(),
				query,
				contentType: req.headers['content-type'],
				size: bytes.length,
				sha256: createHash('sha256').update(bytes).digest('hex'),
				head: bytes.subarray(0, 8).toString('latin1'),
			});
			return send(201, { received: bytes.length });
		}
		const [, name, ...rest] = path.split('/');
		const vendor = mounted.find((v) => v.name === name);
		if (vendor?.control) {
			const body = await readBody(req);
			const answer = await vendor.control({
				method: req.method,
				path: `/${rest.join('/')}`,
				query,
				body,
			});
			if (answer) return send(answer.status ?? 200, answer.body);
		}
		return send(404, { message: 'Unknown sandbox control path' });
	}

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, HOST, resolve);
	});
	const origin = `http://${HOST}:${server.address().port}`;
	const urls = Object.assign({}, ...mounted.map((vendor) => vendor.urls(origin)));
	/** n8n credentials pointing at this sandbox, in n8n's export format. */
	function credentials() {
		return mounted.flatMap((vendor) => vendor.credentials?.(urls) ?? []);
	}
	return {
		origin,
		urls,
		get latencyMs() {
			return latency;
		},
		/** Changes the delay of every vendor response from now on (e.g. to keep executions in flight). */
		setLatency(ms) {
			latency = checkLatency(ms);
		},
		/** `documented`, `assumed` or the list of assumptions that are on. */
		answers: mode.label,
		/** Every undocumented answer the sandbox knows, on or off. */
		assumptions,
		requests,
		/** Live state of every vendor, by vendor name (e.g. `state.epilot.partners`). */
		get state() {
			return state();
		},
		vendors: Object.fromEntries(mounted.map((v) => [v.name, v])),
		/** n8n credentials pointing at this sandbox, for `n8n import:credentials`. */
		credentials,
		/** What the inbox (`POST /_sandbox/inbox`) received, oldest first. */
		inbox,
		reset,
		stop: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
