// Routes written by hand, for vendors without an OpenAPI file: the same shape as the routes
// routesFromOpenApi (openapi.mjs) makes and the server (server.mjs) serves.
import { z } from 'zod';

/** A query schema that takes no parameters at all. */
export const NO_QUERY = z.object({}).strict();

/**
 * One route: `query` and `body` are zod schemas (a body schema makes the body required),
 * `response` the success answer's schema for the self-tests, `public` skips authentication,
 * `assumed` marks an answer the vendor does not document (see `assumedAnswer`),
 * `magic: false` turns off the magic error values (`error-<status>`) for this route.
 */
export function handRoute(
	{
		method,
		path,
		operationId,
		query = NO_QUERY,
		body,
		response,
		public: isPublic = false,
		assumed,
		magic = true,
	},
	handler,
) {
	return {
		method,
		path,
		operationId,
		public: isPublic,
		magic,
		query,
		body,
		bodyRequired: Boolean(body),
		response,
		assumed,
		handler,
	};
}

/**
 * An answer the vendor does not document, named so a test can opt into it:
 * - `name`: `<vendor>.<what>`, e.g. `exolink.inviteAnswer`;
 * - `vendorSays`: what the vendor's page says (or that it says nothing);
 * - `weAssume`: what the sandbox sends when the assumption is on;
 * - `documented(result)`: the answer when it is off, the least the vendor could plausibly send
 *   (default: the same status with an empty body).
 * Routes carry it as `assumed`; a vendor lists answer parts outside one route (an error body)
 * in its `assumptions`. The sandbox's `answers` option decides which are on.
 */
export function assumedAnswer({ name, vendorSays, weAssume, documented = emptyAnswer }) {
	if (!/^[a-z]+\.[A-Za-z]+$/.test(name)) throw new Error(`Bad assumption name: ${name}`);
	return { name, vendorSays, weAssume, documented };
}

/** The same status and headers, no body. */
export function emptyAnswer(result) {
	return { status: result.status ?? 200, headers: result.headers };
}
