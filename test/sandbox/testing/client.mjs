// Helpers for the sandbox's own tests (node:test): JSON calls to one vendor and checks of its
// answers against the response schemas the vendor module declares.
import assert from 'node:assert/strict';
import { request } from 'undici';

/**
 * `call(method, path, body?, token?)` against `sandbox.urls[vendor]` with a bearer token
 * (`token` default; pass null for none), answering `{ status, headers, body }`.
 */
export function jsonClient(getSandbox, vendor, defaultToken) {
	return async function call(method, path, body, token = defaultToken) {
		const res = await request(`${getSandbox().urls[vendor]}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				...(token ? { authorization: `Bearer ${token}` } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			headersTimeout: 5000,
			bodyTimeout: 5000,
		});
		const text = await res.body.text();
		return {
			status: res.statusCode,
			headers: res.headers,
			body: text ? JSON.parse(text) : undefined,
		};
	};
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
