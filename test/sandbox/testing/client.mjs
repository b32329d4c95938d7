// Helpers for the sandbox's own tests (node:test): HTTP calls to the fakes and checks of their
// answers against the response schemas the vendor modules declare.
import assert from 'node:assert/strict';
import { request } from 'undici';

/**
 * One request: `body` is sent as JSON, `form` form-encoded. Answers `{ status, headers, body,
 * text }`, `body` parsed as JSON where the answer is JSON and the text otherwise.
 */
export async function send(url, { method = 'GET', headers = {}, body, form } = {}) {
	const res = await request(url, {
		method,
		headers: {
			...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
			...(body !== undefined ? { 'content-type': 'application/json; charset=utf-8' } : {}),
			...headers,
		},
		body: form
			? new URLSearchParams(form).toString()
			: body === undefined
				? undefined
				: JSON.stringify(body),
		headersTimeout: 5000,
		bodyTimeout: 5000,
	});
	const text = await res.body.text();
	let parsed;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		parsed = text;
	}
	return { status: res.statusCode, headers: res.headers, body: parsed, text };
}

/**
 * `call(method, path, body?, token?)` against `sandbox.urls[vendor]` with a bearer token
 * (`token` default; pass null for none).
 */
export function jsonClient(getSandbox, vendor, defaultToken) {
	return (method, path, body, token = defaultToken) =>
		send(`${getSandbox().urls[vendor]}${path}`, {
			method,
			body,
			headers: token ? { authorization: `Bearer ${token}` } : {},
		});
}

/** Fails when `body` does not match the success response schema the route declares (if any). */
export function assertResponseShape(sandbox, vendor, operationId, body) {
	const route = sandbox.vendors[vendor].routes.find((r) => r.operationId === operationId);
	if (!route.response) return;
	const check = route.response.safeParse(body);
	assert.ok(
		check.success,
		`${vendor} ${operationId} answer off its schema: ${check.error?.message}`,
	);
}
