/** Custom API Call: every method, query and JSON body, output shapes, and the path checks. */
import { describeCases, type NodeCase } from '../harness/cases';
import { exolink, EXOLINK_TOKEN, jsonHeaders } from './suite';

const call = (parameters: Record<string, unknown>) => ({
	resource: 'customApiCall',
	operation: 'send',
	...parameters,
});

/** Refused before any request is sent. */
const refusedPath = (requestPath: string, message: string | RegExp): NodeCase => ({
	title: `refuses the path ${JSON.stringify(requestPath)} before sending`,
	parameters: call({ requestMethod: 'GET', requestPath }),
	requests: [],
	error: { message },
});

describeCases('Exolink Custom API Call', exolink, [
	{
		title:
			'GET with query parameters (a repeated name is sent repeated); an array becomes one item each',
		parameters: call({
			requestMethod: 'GET',
			requestPath: '/logs/abc123',
			requestQuery: {
				parameter: [
					{ name: 'from', value: '2024-01-01' },
					{ name: 'level', value: 'warn' },
					{ name: 'level', value: 'error' },
					{ name: '', value: '' },
				],
			},
		}),
		requests: [
			{
				method: 'GET',
				path: '/logs/abc123',
				query: { from: '2024-01-01', level: ['warn', 'error'] },
				body: undefined,
				reply: { body: [{ id: 1 }, { id: 2 }, 'text entry'] },
			},
		],
		output: [{ id: 1 }, { id: 2 }, { data: 'text entry' }],
	},
	{
		title: 'POST with a JSON body and query parameters',
		parameters: call({
			requestMethod: 'POST',
			requestPath: '/auth/login',
			requestQuery: { parameter: [{ name: 'remember', value: 'true' }] },
			requestBody: '{ "username": "ada@acme.test", "nested": { "list": [1, 2] } }',
		}),
		requests: [
			{
				method: 'POST',
				path: '/auth/login',
				query: { remember: 'true' },
				headers: jsonHeaders,
				body: { username: 'ada@acme.test', nested: { list: [1, 2] } },
				reply: { body: { ok: true } },
			},
		],
		output: [{ ok: true }],
	},
	{
		title: 'PUT with a JSON array body',
		parameters: call({
			requestMethod: 'PUT',
			requestPath: '/tenant/abc123/charger',
			requestBody: '[{"id": 1, "profileId": 4}]',
		}),
		requests: [
			{
				method: 'PUT',
				path: '/tenant/abc123/charger',
				headers: jsonHeaders,
				body: [{ id: 1, profileId: 4 }],
				reply: { status: 204 },
			},
		],
		output: [{ success: true }],
	},
	{
		title: 'PATCH with a body given by an expression as an object',
		parameters: call({
			requestMethod: 'PATCH',
			requestPath: '/domain/abc123',
			requestBody: '={{ { "customDomain": $json.domain } }}',
		}),
		input: [{ domain: 'wss://chargers.company.com/' }],
		requests: [
			{
				method: 'PATCH',
				path: '/domain/abc123',
				headers: jsonHeaders,
				body: { customDomain: 'wss://chargers.company.com/' },
				reply: { body: { customDomain: 'wss://chargers.company.com/' } },
			},
		],
		output: [{ customDomain: 'wss://chargers.company.com/' }],
	},
	{
		title: 'DELETE without a body; an empty answer becomes { success: true }',
		parameters: call({ requestMethod: 'DELETE', requestPath: '/lab/7', requestBody: '' }),
		requests: [{ method: 'DELETE', path: '/lab/7', body: undefined, reply: { status: 204 } }],
		output: [{ success: true }],
	},
	{
		title: 'DELETE with a JSON body',
		parameters: call({
			requestMethod: 'DELETE',
			requestPath: '/lab/7',
			requestBody: '{"force": true}',
		}),
		requests: [
			{ method: 'DELETE', path: '/lab/7', body: { force: true }, reply: { body: { deleted: 7 } } },
		],
		output: [{ deleted: 7 }],
	},
	{
		title: 'GET ignores a body left over from another method',
		parameters: call({
			requestMethod: 'GET',
			requestPath: '/static/config',
			requestBody: '{"a": 1}',
		}),
		requests: [
			{ method: 'GET', path: '/static/config', body: undefined, reply: { body: { a: 1 } } },
		],
		output: [{ a: 1 }],
	},
	{
		title: 'the path is sent as typed, percent-encoding included',
		parameters: call({ requestMethod: 'GET', requestPath: ' /public/a%2Fb ' }),
		requests: [{ method: 'GET', path: '/public/a%2Fb', reply: { body: { ok: 1 } } }],
		output: [{ ok: 1 }],
	},
	{
		title: 'a bad JSON body fails naming the field, before any request',
		parameters: call({
			requestMethod: 'POST',
			requestPath: '/auth/login',
			requestBody: '{"a": 1,',
		}),
		requests: [],
		error: { message: /^Body \(JSON\): is not valid JSON/ },
	},
	{
		title: 'with On Error: Continue, a bad JSON body fails only its own item',
		parameters: call({
			requestMethod: 'POST',
			requestPath: '/auth/login',
			requestBody: '={{ $json.body }}',
		}),
		input: [{ body: '{"a": 1}' }, { body: '{"a": ' }],
		continueOnFail: true,
		requests: [
			{ method: 'POST', path: '/auth/login', body: { a: 1 }, reply: { body: { ok: true } } },
		],
		output: [{ ok: true }, { error: expect.stringMatching(/^Body \(JSON\): is not valid JSON/) }],
	},
	{
		title: 'a JSON body that is not an object or array is refused',
		parameters: call({ requestMethod: 'POST', requestPath: '/auth/login', requestBody: '"text"' }),
		requests: [],
		error: { message: 'Body (JSON): must be a JSON object or array' },
	},
	{
		title: 'a query parameter with a value but no name is refused',
		parameters: call({
			requestMethod: 'GET',
			requestPath: '/logs',
			requestQuery: { parameter: [{ name: ' ', value: 'x' }] },
		}),
		requests: [],
		error: { message: 'Query Parameters, entry 1: a name is required' },
	},
	{
		title: 'an unknown method from an expression is refused',
		parameters: call({ requestMethod: '={{ "TRACE" }}', requestPath: '/logs' }),
		requests: [],
		error: { message: 'Method: must be one of DELETE, GET, PATCH, POST, PUT, not "TRACE"' },
	},
	refusedPath('https://evil.example/steal', 'Path: give only the path, not a full URL'),
	refusedPath('//evil.example/steal', 'Path: give only the path, not a full URL'),
	refusedPath('javascript:alert(1)', 'Path: give only the path, not a full URL'),
	refusedPath('tenant/abc123', 'Path: must start with "/"'),
	refusedPath('   ', 'Path: a value is required'),
	refusedPath('/\\evil.example', /^Path: must not contain spaces or backslashes/),
	refusedPath('/tenant/abc 123', /^Path: must not contain spaces or backslashes/),
	refusedPath('/tenant?x=1', 'Path: must not contain "?" or "#": use Query Parameters instead'),
	refusedPath('/tenant#x', 'Path: must not contain "?" or "#": use Query Parameters instead'),
	refusedPath('/tenant/../admin', 'Path: must not contain "." or ".." segments'),
	refusedPath('/tenant/%2e%2E/admin', 'Path: must not contain "." or ".." segments'),
	refusedPath('/./product', 'Path: must not contain "." or ".." segments'),
	{
		title: 'vendor errors come back as the readable NodeApiError with status and message',
		parameters: call({ requestMethod: 'GET', requestPath: '/lab/404' }),
		requests: [
			{
				method: 'GET',
				path: '/lab/404',
				reply: { status: 404, body: { message: 'Lab not found' } },
			},
		],
		error: { name: 'NodeApiError', message: 'Lab not found (HTTP 404)', httpCode: '404' },
	},
	{
		title: 'the token goes in the Authorization header only',
		parameters: call({ requestMethod: 'GET', requestPath: '/public/info' }),
		requests: [
			{
				method: 'GET',
				path: '/public/info',
				headers: { authorization: `Bearer ${EXOLINK_TOKEN}` },
				reply: { body: { version: '1.0.0' } },
			},
		],
		output: [{ version: '1.0.0' }],
	},
]);

describeCases(
	'Exolink Custom API Call on the mock server (base URL with a path)',
	{
		...exolink,
		origin: 'https://guides.exolink.com',
		credentials: {
			exolinkApi: {
				accessToken: EXOLINK_TOKEN,
				server: 'https://guides.exolink.com/_mock/apis/exolink_api',
			},
		},
	},
	[
		{
			title: 'the path is appended to the base URL path',
			parameters: call({ requestMethod: 'GET', requestPath: '/product' }),
			requests: [
				{ method: 'GET', path: '/_mock/apis/exolink_api/product', reply: { body: [{ id: 1 }] } },
			],
			output: [{ id: 1 }],
		},
		{
			title: 'operations use the same base URL',
			parameters: { resource: 'charger', operation: 'getAll', tenant: 'abc123' },
			requests: [
				{
					method: 'GET',
					path: '/_mock/apis/exolink_api/tenant/abc123/charger',
					reply: { body: [] },
				},
			],
			output: [],
		},
	],
);
