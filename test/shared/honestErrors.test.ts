/**
 * The errors as the editor shows them, on all three nodes, with and without On Error: Continue:
 * what n8n's WorkflowExecute records in the run data (the run's error, or the continued item's).
 * An input check is the node's own error: a NodeOperationError without an HTTP code and without
 * the "From <node>" details the editor shows for API errors (it shows them when the error has an
 * httpCode, raw `messages`, `context.data` or `extra`). A vendor error is a NodeApiError whose
 * code is the HTTP status.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { assertNoSecrets, assertRequests, type NodeSuite } from '../harness/cases';
import { runNode, type RunResult } from '../harness/engine';
import { ApiMock, type ExpectedRequest } from '../harness/http';
import { epilot } from '../epilot/suite';
import { exolink, rl } from '../exolink/suite';
import { adminHeaders, API_ORIGIN, AUTH_ORIGIN, storedCredential } from '../exorlive/suite';

type RecordedError = Error & IDataObject;

interface Shown {
	name: unknown;
	httpCode: unknown;
	message: unknown;
	description: unknown;
	fromNodeDetails: boolean;
}

/** The parts of a recorded error the editor's error panel reads. */
function shown(error: RecordedError | undefined): Shown {
	expect(error).toBeDefined();
	const { name, httpCode, message, description, messages, context, extra } = error!;
	const fromNodeDetails =
		Boolean(httpCode) ||
		(Array.isArray(messages) && messages.length > 0) ||
		Boolean((context as IDataObject | undefined)?.data) ||
		Boolean(extra);
	return { name, httpCode, message, description, fromNodeDetails };
}

/** The error as recorded: the run's (stopped) or the single continued item's. */
function recorded(result: RunResult, continueOnFail: boolean): RecordedError | undefined {
	if (!continueOnFail) return result.error;
	expect(result.error).toBeUndefined();
	expect(result.items).toHaveLength(1);
	expect(result.items[0].json).toEqual({ error: result.items[0].error?.message });
	return result.items[0].error as RecordedError | undefined;
}

interface Scenario {
	parameters: INodeParameters;
	requests: ExpectedRequest[];
	expected: Shown;
}

interface NodeScenarios {
	node: string;
	run: (scenario: Scenario, continueOnFail: boolean) => Promise<RunResult>;
	input: Scenario;
	vendor: Scenario;
}

const inputCheck = (message: string): Shown => ({
	name: 'NodeOperationError',
	httpCode: undefined,
	message,
	description: undefined,
	fromNodeDetails: false,
});

const NOT_FOUND_HINT = 'The resource was not found. Check the IDs used.';

const vendorError = (status: number, message: string, description?: string): Shown => ({
	name: 'NodeApiError',
	httpCode: String(status),
	message: `${message} (HTTP ${status})`,
	description,
	fromNodeDetails: true,
});

/** Runs the node with the API answering `requests` (and nothing else), checking what was sent. */
const viaSuite =
	(suite: NodeSuite) =>
	async ({ parameters, requests }: Scenario, continueOnFail: boolean) => {
		const api = new ApiMock(suite.origin);
		api.expect(...requests);
		const result = await runNode({
			node: suite.node,
			parameters,
			credentials: suite.credentials,
			continueOnFail,
		});
		assertRequests(api, requests, suite.headers);
		assertNoSecrets(result, suite.secrets);
		return result;
	};

// ExorLive sends through its request step (the paging hook), which handles errors itself.
const exorLive: NodeSuite = {
	node: 'exorLive',
	origin: API_ORIGIN,
	credentials: { exorLiveApi: storedCredential() },
	headers: adminHeaders,
	secrets: [String(adminHeaders.authorization).slice('Bearer '.length)],
};

const nodes: NodeScenarios[] = [
	{
		node: 'Epilot',
		run: viaSuite(epilot),
		input: {
			parameters: {
				resource: 'partnerUser',
				operation: 'create',
				orgId: rl('1'),
				email: 'not-an-email',
			},
			requests: [],
			expected: inputCheck('Email: "not-an-email" is not a valid email address'),
		},
		vendor: {
			parameters: { resource: 'partner', operation: 'approve', partnerId: 'p-1' },
			requests: [
				{
					method: 'POST',
					path: '/v1/partners/p-1/approve',
					reply: { status: 404, body: { message: 'Partner not found' } },
				},
			],
			expected: vendorError(404, 'Partner not found', NOT_FOUND_HINT),
		},
	},
	{
		node: 'Exolink',
		run: viaSuite(exolink),
		input: {
			parameters: {
				resource: 'tenantUser',
				operation: 'invite',
				tenant: 'abc123',
				email: 'not-an-email',
				role: 'user',
				language: 'en',
			},
			requests: [],
			expected: inputCheck('Email: "not-an-email" is not a valid email address'),
		},
		vendor: {
			parameters: { resource: 'tenant', operation: 'get', tenant: 'nope' },
			requests: [
				{
					method: 'GET',
					path: '/tenant/nope',
					reply: { status: 404, body: { message: 'Tenant not found' } },
				},
			],
			expected: vendorError(404, 'Tenant not found', NOT_FOUND_HINT),
		},
	},
	{
		node: 'ExorLive',
		run: async (scenario, continueOnFail) => {
			const auth = new ApiMock(AUTH_ORIGIN);
			const result = await viaSuite(exorLive)(scenario, continueOnFail);
			assertRequests(auth, []);
			return result;
		},
		input: {
			parameters: {
				resource: 'user',
				operation: 'lookup',
				actAsUserId: '12a',
				type: 'id',
				text: '5',
			},
			requests: [],
			expected: inputCheck(
				'Act As User ID: "12a" is not an ExorLive user ID (a positive whole number)',
			),
		},
		vendor: {
			// Lookup answers a 404 with no users; a 403 is an error.
			parameters: { resource: 'user', operation: 'lookup', type: 'id', text: '5' },
			requests: [
				{
					method: 'GET',
					path: '/api4/user/lookupuser',
					query: { type: 'id', text: '5' },
					reply: { status: 403, body: { Message: 'Access denied' } },
				},
			],
			expected: vendorError(
				403,
				'Access denied',
				'The credential is valid but lacks permission for this action.',
			),
		},
	},
];

describe.each(nodes)('$node errors as the editor shows them', ({ run, input, vendor }) => {
	describe.each([false, true])('On Error: Continue %s', (continueOnFail) => {
		it('an input check is the node’s own error, with no HTTP code', async () => {
			const result = await run(input, continueOnFail);
			expect(shown(recorded(result, continueOnFail))).toEqual(input.expected);
		});

		it('a vendor error carries the HTTP status as its code', async () => {
			const result = await run(vendor, continueOnFail);
			expect(shown(recorded(result, continueOnFail))).toEqual(vendor.expected);
		});
	});
});
