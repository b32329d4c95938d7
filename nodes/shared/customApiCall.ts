import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { bodyItems } from './bodyItems';
import { throwOnErrorStatus } from './errors';
import { bindFieldTypes } from './fieldTypes';
import { operationProperty } from './operation';
import { fieldsKeepingErrors, sendWithRetries } from './requestStep';
import { noContent } from './output';
import { inputError, isBlank, itemParameter, parseJson } from './validation';

/*
 * Why: every node offers a "Custom API Call" resource for what its operations do not cover. It
 * goes through routing and the request step like any operation, so it uses the node's credential
 * and `requestDefaults.baseURL`; vendor errors become readable NodeApiErrors only with
 * `ignoreHttpStatusErrors: true` there (all nodes of the package have it). Parameter names are
 * prefixed `request…` to stay clear of the node's own fields.
 */

/** Stored in saved workflows: never rename. */
export const CUSTOM_API_CALL_RESOURCE = 'customApiCall';
const OPERATION = 'send';

const METHODS: IHttpRequestMethods[] = ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'];

export interface CustomApiCallSpec {
	/** The API's name as users know it, e.g. "Acme". */
	apiName: string;
	/** An example path under the credential's base URL, e.g. "/tenant/abc123/charger". */
	pathExample: string;
	/** Extra sentence for the resource description, e.g. which endpoints only this reaches. */
	hint?: string;
}

const show = { resource: [CUSTOM_API_CALL_RESOURCE], operation: [OPERATION] };

// "." and ".." segments (also percent-encoded) would be resolved by the URL parser.
const DOT_SEGMENT = /^(\.|%2e){1,2}$/i;

/**
 * The path must stay under the credential's base URL, which carries the token: a full URL, a
 * protocol-relative `//host` or a backslash could send the request (and the token) elsewhere.
 */
function checkedPath(ctx: IExecuteSingleFunctions, value: unknown): string {
	const label = 'Path';
	const path = String(value ?? '').trim();
	if (!path) throw inputError(ctx, label, 'a value is required');
	if (/^[a-z][a-z\d+.-]*:/i.test(path) || path.startsWith('//')) {
		throw inputError(
			ctx,
			label,
			'give only the path, not a full URL',
			'The server comes from the credential, e.g. /tenant/abc123 instead of https://host/tenant/abc123.',
		);
	}
	if (!path.startsWith('/')) throw inputError(ctx, label, 'must start with "/"');
	if (/[\s\\]/.test(path)) {
		throw inputError(ctx, label, 'must not contain spaces or backslashes (percent-encode them)');
	}
	if (/[?#]/.test(path)) {
		throw inputError(ctx, label, 'must not contain "?" or "#": use Query Parameters instead');
	}
	if (path.split('/').some((segment) => DOT_SEGMENT.test(segment))) {
		throw inputError(ctx, label, 'must not contain "." or ".." segments');
	}
	return path;
}

function queryFrom(ctx: IExecuteSingleFunctions): IDataObject {
	const { parameter = [] } = itemParameter(ctx, 'requestQuery', {}) as {
		parameter?: Array<{ name?: string; value?: string }>;
	};
	const qs: Record<string, string | string[]> = {};
	parameter.forEach(({ name, value }, index) => {
		const key = String(name ?? '').trim();
		if (!key) {
			if (isBlank(value)) return;
			throw inputError(ctx, `Query Parameters, entry ${index + 1}`, 'a name is required');
		}
		const text = String(value ?? '');
		const existing = qs[key];
		// A repeated name is sent repeated (a=1&a=2), see arrayFormat below.
		qs[key] = existing === undefined ? text : ([] as string[]).concat(existing, text);
	});
	return qs;
}

function bodyFrom(ctx: IExecuteSingleFunctions): unknown {
	const label = 'Body (JSON)';
	const raw = itemParameter(ctx, 'requestBody', '');
	if (isBlank(raw)) return undefined;
	const body = parseJson(ctx, raw, label);
	if (body === null || typeof body !== 'object') {
		throw inputError(ctx, label, 'must be a JSON object or array');
	}
	return body;
}

async function buildCustomRequest(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const method = String(itemParameter(this, 'requestMethod', 'GET')).toUpperCase();
	if (!METHODS.includes(method as IHttpRequestMethods)) {
		throw inputError(this, 'Method', `must be one of ${METHODS.join(', ')}, not "${method}"`);
	}
	const url = checkedPath(this, itemParameter(this, 'requestPath', ''));
	const qs = queryFrom(this);
	const body = method === 'GET' ? undefined : bodyFrom(this);
	return {
		...options,
		method: method as IHttpRequestMethods,
		url,
		qs,
		body: body as IHttpRequestOptions['body'],
		arrayFormat: 'repeat',
	};
}

function resourceOption(spec: CustomApiCallSpec): INodePropertyOptions {
	return {
		name: 'Custom API Call',
		value: CUSTOM_API_CALL_RESOURCE,
		description: [`Send any request to the ${spec.apiName} API`, spec.hint]
			.filter(Boolean)
			.join('. '),
	};
}

function customApiCallProperties(spec: CustomApiCallSpec): INodeProperties[] {
	const sending = sendWithRetries();
	return [
		operationProperty(CUSTOM_API_CALL_RESOURCE, OPERATION, [
			{
				name: 'Send Request',
				value: OPERATION,
				action: `Send a request to any ${spec.apiName} API endpoint`,
				description: `Call any endpoint of the ${spec.apiName} API with the credential's token: choose the method, the path under the credential's server, query parameters and a JSON body`,
				routing: {
					send: { preSend: [buildCustomRequest], ...sending.send },
					output: {
						postReceive: [throwOnErrorStatus, noContent({ success: true }), bodyItems],
					},
					operations: sending.operations,
				},
			},
		]),
		{
			displayName: 'Method',
			name: 'requestMethod',
			type: 'options',
			options: METHODS.map((method) => ({ name: method, value: method })),
			default: 'GET',
			description: 'HTTP method of the request, as the API documents it for the path',
			displayOptions: { show },
		},
		{
			displayName: 'Path',
			name: 'requestPath',
			type: 'string',
			required: true,
			default: '',
			placeholder: `e.g. ${spec.pathExample}`,
			description:
				"Path under the credential's server, starting with /. It is sent as typed: percent-encode special characters in IDs yourself.",
			displayOptions: { show },
		},
		{
			displayName: 'Query Parameters',
			name: 'requestQuery',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Query Parameter',
			default: {},
			description: 'Name and value pairs sent in the URL after ?, each URL-encoded',
			displayOptions: { show },
			options: [
				{
					displayName: 'Parameter',
					name: 'parameter',
					values: [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							description: 'Name of the query parameter, e.g. limit',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'Value of the query parameter, as text',
						},
					],
				},
			],
		},
		{
			displayName: 'Body (JSON)',
			name: 'requestBody',
			type: 'json',
			default: '',
			description: 'JSON object or array to send. Leave empty to send no body.',
			displayOptions: { show: { ...show, requestMethod: METHODS.filter((m) => m !== 'GET') } },
		},
	];
}

/**
 * Adds the resource and its fields, e.g.
 * `properties: withCustomApiCall([resource, ...descriptions], { apiName, pathExample, hint })`.
 */
export function withCustomApiCall(
	properties: INodeProperties[],
	spec: CustomApiCallSpec,
): INodeProperties[] {
	const resources = properties.filter((p) => p.name === 'resource' && p.type === 'options');
	if (resources.length !== 1) {
		throw new Error('withCustomApiCall needs exactly one "resource" parameter');
	}
	const [resource] = resources;
	// Last, after the node's own resources in their order, as n8n lists its Custom API Call.
	const options = [...(resource.options as INodePropertyOptions[]), resourceOption(spec)];
	return bindFieldTypes(
		fieldsKeepingErrors([
			...properties.map((property) =>
				property === resource ? { ...resource, options } : property,
			),
			...customApiCallProperties(spec),
		]),
	);
}
