// Turns an OpenAPI 3.0 document into the sandbox's routes: one per operation, each with zod
// schemas built from the spec (request body, query parameters, and the success response for
// self-checks), so the fake accepts exactly what the vendor documents and nothing hand-copied
// can drift from it.
import { z } from 'zod';

/** Follows `$ref`s (local ones only: `#/components/...`). */
function resolver(spec) {
	const lookup = (ref) => {
		if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, not ${ref}`);
		const target = ref
			.slice(2)
			.split('/')
			.reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
		if (!target) throw new Error(`Unresolvable $ref ${ref}`);
		return target;
	};
	return (schema) => {
		let current = schema;
		for (let hops = 0; current?.$ref; hops++) {
			if (hops > 20) throw new Error(`$ref loop at ${schema.$ref}`);
			current = lookup(current.$ref);
		}
		return current ?? {};
	};
}

/**
 * Merges `allOf` parts into one schema (properties and `required` united; a property defined
 * twice is merged too). A part that is a union (`anyOf`/`oneOf`) is distributed: the rest is
 * merged into each alternative. This keeps objects closed (unknown keys rejected) while
 * following allOf's "must satisfy every part".
 */
function merge(parts, resolve) {
	const flat = parts
		.map(resolve)
		.flatMap((part) => (part.allOf ? [merge(part.allOf, resolve), omit(part, 'allOf')] : [part]));
	const union = flat.find((part) => part.anyOf || part.oneOf);
	if (union) {
		const rest = flat.filter((part) => part !== union);
		const alternatives = union.anyOf ?? union.oneOf;
		return {
			anyOf: alternatives.map((alt) =>
				merge([...rest, omit(union, 'anyOf', 'oneOf'), alt], resolve),
			),
		};
	}
	const result = {};
	for (const part of flat) {
		for (const [key, value] of Object.entries(part)) {
			if (key === 'properties') {
				result.properties ??= {};
				for (const [name, prop] of Object.entries(value)) {
					result.properties[name] = result.properties[name]
						? merge([result.properties[name], prop], resolve)
						: prop;
				}
			} else if (key === 'required') {
				result.required = [...new Set([...(result.required ?? []), ...value])];
			} else if (key === 'items' && result.items) {
				result.items = merge([result.items, value], resolve);
			} else {
				result[key] = value;
			}
		}
	}
	return result;
}

function omit(object, ...keys) {
	return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

/**
 * Builds a zod schema. `closed: true` (requests) rejects properties the spec does not name, so
 * a typo in a node's field name fails loudly; responses stay open, as OpenAPI objects are.
 * `closed: 'strip'` drops the properties the spec does not name (what the vendor documents).
 */
export function schemaToZod(spec, schema, { closed = true } = {}) {
	const resolve = resolver(spec);
	const build = (raw, depth = 0) => {
		if (depth > 40) throw new Error('Schema nests too deeply (a recursive $ref?)');
		let s = resolve(raw);
		if (s.allOf) s = merge([s], resolve);
		let out;
		const alternatives = s.anyOf ?? s.oneOf;
		if (alternatives) {
			const options = alternatives.map((alt) => build(alt, depth + 1));
			out = options.length === 1 ? options[0] : z.union(options);
		} else if (s.enum) {
			out = s.enum.every((v) => typeof v === 'string')
				? z.enum(s.enum)
				: z.union(s.enum.map((v) => z.literal(v)));
		} else if (s.type === 'string') {
			let str = z.string();
			if (s.format === 'email') str = str.email();
			if (s.format === 'uri') str = str.url();
			if (s.pattern) str = str.regex(new RegExp(s.pattern), `must match ${s.pattern}`);
			if (s.minLength !== undefined) str = str.min(s.minLength);
			if (s.maxLength !== undefined) str = str.max(s.maxLength);
			out = str;
		} else if (s.type === 'integer' || s.type === 'number') {
			let num = z.number();
			if (s.type === 'integer') num = num.int();
			if (s.minimum !== undefined) num = num.gte(s.minimum);
			if (s.maximum !== undefined) num = num.lte(s.maximum);
			out = num;
		} else if (s.type === 'boolean') {
			out = z.boolean();
		} else if (s.type === 'array') {
			let arr = z.array(build(s.items ?? {}, depth + 1));
			if (s.minItems !== undefined) arr = arr.min(s.minItems);
			if (s.maxItems !== undefined) arr = arr.max(s.maxItems);
			out = arr;
		} else if (s.type === 'object' || s.properties || s.required) {
			const required = new Set(s.required ?? []);
			const shape = {};
			for (const [name, prop] of Object.entries(s.properties ?? {})) {
				const field = build(prop, depth + 1);
				shape[name] = required.has(name) ? field : field.optional();
			}
			for (const name of required) {
				shape[name] ??= z.any().refine((value) => value !== undefined, 'Required');
			}
			const object = z.object(shape);
			// An object without named properties is free-form: the spec documents no keys to cut.
			const freeForm = !s.properties || s.additionalProperties === true;
			if (freeForm || !closed) out = object.passthrough();
			else out = closed === 'strip' ? object : object.strict();
		} else {
			out = z.any();
		}
		return s.nullable ? out.nullable() : out;
	};
	return build(schema);
}

/** Query parameters arrive as strings: numbers and booleans are coerced before checking. */
function queryToZod(spec, parameters) {
	const resolve = resolver(spec);
	const shape = {};
	for (const parameter of parameters.map(resolve).filter((p) => p.in === 'query')) {
		const s = resolve(parameter.schema ?? {});
		let field = schemaToZod(spec, s);
		if (s.type === 'integer' || s.type === 'number')
			field = z.preprocess((v) => (v === undefined ? v : Number(v)), field);
		if (s.type === 'boolean')
			field = z.preprocess((v) => (v === undefined ? v : v === 'true'), field);
		shape[parameter.name] = parameter.required ? field : field.optional();
	}
	return z.object(shape).passthrough();
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * One route per spec operation, its handler taken from `handlers[operationId]`. Every
 * operation needs a handler, so the fake cannot silently miss one the spec has.
 */
export function routesFromOpenApi(spec, handlers) {
	const resolve = resolver(spec);
	const routes = [];
	for (const [path, item] of Object.entries(spec.paths)) {
		for (const method of METHODS) {
			const op = item[method];
			if (!op) continue;
			const handler = handlers[op.operationId];
			if (!handler) throw new Error(`No sandbox handler for ${op.operationId} (${method} ${path})`);
			const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])];
			const requestBody = op.requestBody && resolve(op.requestBody);
			const bodySchema = requestBody?.content?.['application/json']?.schema;
			const success = Object.keys(op.responses).find((code) => code.startsWith('2'));
			const responseSchema = resolve(op.responses[success])?.content?.['application/json']?.schema;
			routes.push({
				method: method.toUpperCase(),
				path,
				operationId: op.operationId,
				public: Array.isArray(op.security) && op.security.length === 0,
				body: bodySchema && schemaToZod(spec, bodySchema),
				bodyRequired: Boolean(requestBody?.required),
				query: queryToZod(spec, parameters),
				response: responseSchema && schemaToZod(spec, responseSchema, { closed: false }),
				// The answer cut to what the spec documents (the sandbox's documented mode).
				documentedBody: responseSchema && schemaToZod(spec, responseSchema, { closed: 'strip' }),
				handler,
			});
		}
	}
	for (const operationId of Object.keys(handlers)) {
		if (!routes.some((route) => route.operationId === operationId)) {
			throw new Error(`Sandbox handler ${operationId} matches no operation of the spec`);
		}
	}
	return routes;
}
