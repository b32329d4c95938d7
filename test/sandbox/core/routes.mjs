// Routes written by hand, for vendors without an OpenAPI file: the same shape as the routes
// routesFromOpenApi (openapi.mjs) makes and the server (server.mjs) serves.
import { z } from 'zod';

/** A query schema that takes no parameters at all. */
export const NO_QUERY = z.object({}).strict();

/**
 * One route: `query` and `body` are zod schemas (a body schema makes the body required),
 * `response` the success answer's schema for the self-tests, `public` skips authentication,
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
		handler,
	};
}
