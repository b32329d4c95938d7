/**
 * Table-driven tests for any node of the package: a case names the parameters, input items,
 * expected requests (with scripted replies) and the expected output items or error. The same
 * runner serves ExorLive, Exolink and Epilot.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';
import { ApiMock, requestKey, type ExpectedRequest } from './http';
import { runNode, type RunResult } from './engine';

export interface ExpectedError {
	message?: string | RegExp;
	description?: string | RegExp;
	httpCode?: string | null;
	/** Class name of the error that reaches the user. */
	name?: 'NodeApiError' | 'NodeOperationError';
}

export interface NodeCase {
	title: string;
	parameters: INodeParameters;
	input?: IDataObject[];
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	/** Run the node's AI tool variant. */
	tool?: boolean;
	requests: ExpectedRequest[];
	output?: IDataObject[];
	error?: ExpectedError;
}

export interface NodeSuite {
	node: string;
	origin: string;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Headers every request of this node must carry (lower-case names). */
	headers?: Record<string, string>;
	/** Values that must never show up in output items or errors. */
	secrets: string[];
}

function inKeyOrder<T extends { method: string; path: string; query?: ExpectedRequest['query'] }>(
	list: T[],
): T[] {
	return list
		.map((request, index) => ({ request, index, key: requestKey(request) }))
		.sort((a, b) => (a.key === b.key ? a.index - b.index : a.key < b.key ? -1 : 1))
		.map(({ request }) => request);
}

export function assertRequests(
	mock: ApiMock,
	expected: ExpectedRequest[],
	defaultHeaders: Record<string, string> = {},
): void {
	// Requests to different endpoints may arrive in any order (items run side by side): compare
	// in a stable order by endpoint, keeping the order of requests to the same endpoint.
	const recorded = inKeyOrder(mock.requests);
	const ordered = inKeyOrder(expected);
	const sent = recorded.map(({ method, path, query, body }) => ({ method, path, query, body }));
	const wanted = ordered.map(({ method, path, query, body }) => ({
		method,
		path,
		query: query ?? {},
		body,
	}));
	expect(sent).toEqual(wanted);
	ordered.forEach((request, index) => {
		const headers = recorded[index].headers;
		const required = { ...defaultHeaders, ...request.headers };
		for (const [name, value] of Object.entries(required)) {
			expect({ header: name, value: headers[name] }).toEqual({ header: name, value });
		}
		for (const name of request.absentHeaders ?? []) {
			expect({ header: name, value: headers[name] }).toEqual({ header: name, value: undefined });
		}
	});
}

export function assertError(result: RunResult, expected: ExpectedError): void {
	expect(result.error).toBeDefined();
	const error = result.error!;
	if (expected.name) expect(error.name).toBe(expected.name);
	if (expected.message instanceof RegExp) expect(error.message).toMatch(expected.message);
	else if (expected.message !== undefined) expect(error.message).toBe(expected.message);
	if (expected.description instanceof RegExp)
		expect(String(error.description)).toMatch(expected.description);
	else if (expected.description !== undefined) expect(error.description).toBe(expected.description);
	if (expected.httpCode !== undefined) expect(error.httpCode ?? null).toBe(expected.httpCode);
}

/** Everything a user can see of an error: message, description, context, cause, stack. */
export function visibleError(error: (Error & IDataObject) | undefined) {
	return (
		error && {
			message: error.message,
			description: error.description,
			context: error.context,
			cause: error.cause,
			stack: error.stack,
			serialized: JSON.parse(JSON.stringify(error)),
		}
	);
}

/** Everything a user can see of a run: output items, errors (with cause and context). */
export function visibleText(result: RunResult): string {
	return JSON.stringify({
		items: result.items,
		error: visibleError(result.error),
		runData: result.run.data.resultData,
	});
}

/** Every form a secret may be echoed in: as is, URI- and form-encoded, base64 (Basic). */
export function secretForms(secret: string): string[] {
	return [
		secret,
		encodeURIComponent(secret),
		new URLSearchParams({ s: secret }).toString().slice(2),
		Buffer.from(secret).toString('base64'),
	];
}

/** The text holds none of the secrets in any form a vendor may echo them in. */
export function assertNoSecretForms(text: string, secrets: string[]): void {
	for (const form of secrets.flatMap(secretForms)) {
		expect(text.includes(form) ? form : 'absent').toBe('absent');
	}
}

export function assertNoSecrets(result: RunResult, secrets: string[]): void {
	const text = visibleText(result);
	for (const secret of secrets) expect(text.includes(secret) ? secret : 'absent').toBe('absent');
}

export async function runCase(suite: NodeSuite, testCase: NodeCase): Promise<RunResult> {
	const mock = new ApiMock(suite.origin);
	mock.expect(...testCase.requests);
	const result = await runNode({
		node: suite.node,
		parameters: testCase.parameters,
		input: testCase.input,
		credentials: testCase.credentials ?? suite.credentials,
		continueOnFail: testCase.continueOnFail,
		tool: testCase.tool,
	});
	assertRequests(mock, testCase.requests, suite.headers);
	if (testCase.error) assertError(result, testCase.error);
	else {
		expect(result.error).toBeUndefined();
	}
	if (testCase.output) expect(result.items.map((item) => item.json)).toEqual(testCase.output);
	assertNoSecrets(result, suite.secrets);
	return result;
}

/** Registers one jest test per case. */
export function describeCases(title: string, suite: NodeSuite, cases: NodeCase[]): void {
	describe(title, () => {
		for (const testCase of cases) {
			it(testCase.title, async () => {
				await runCase(suite, testCase);
			});
		}
	});
}
