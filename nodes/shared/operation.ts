import type {
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { throwOnErrorStatus } from './errors';
import { checkedAs, checkFieldTypes } from './fieldTypes';
import { preSendKeepingErrors, sendPaged, sendWithRetries } from './requestStep';
import { requiredValues, type RequiredParameter } from './validation';
import { deletedOutput } from './output';
import {
	checkSelectedFields,
	simplifiedOutput,
	simplifiedPages,
	withOutputSpec,
	type OutputSpec,
} from './simplify';

/*
 * Why: every operation of the nodes is built from an OperationSpec here, so all get the same
 * routing: type checks and path parameters first, sending through the request step (retries,
 * output checks, pairing, redaction), readable HTTP errors, and Simplify/Output where they apply.
 */

export interface OperationSpec {
	/** Option name shown in the operation list, e.g. "Get Many". */
	name: string;
	/** Stable value stored in saved workflows. Never rename. */
	value: string;
	/** Sentence-case action text: shown in the node picker and used as the AI tool's purpose. */
	action: string;
	description: string;
	method: IHttpRequestMethods;
	/** Path with `{parameterName}` placeholders; every placeholder is required and URL-encoded. */
	path: string;
	/** Extra request checks or body builders, run before sending and after the path checks. */
	preSend?: PreSendAction[];
	/** Post-receive actions run after the HTTP status check. */
	postReceive?: PostReceiveAction[];
	/**
	 * Paging of a list operation (see pagination.ts), or a follow-up of the request (e.g. a
	 * look-up after a write); it is sent through the request step.
	 */
	pagination?: Parameters<typeof sendPaged>[0];
	/** Kept fields of an operation returning records: Simplify, and Output as an AI tool. */
	output?: OutputSpec;
	/** The output actions judge the HTTP status themselves (e.g. 404 = not found). */
	checksStatus?: boolean;
	/** A delete: outputs `{ deleted: true }` and the path parameters it was given. */
	deletes?: boolean;
}

const PLACEHOLDER = /\{(\w+)\}/g;

function pathParameters(path: string): string[] {
	return Array.from(path.matchAll(PLACEHOLDER), (match) => match[1]);
}

/**
 * preSend filling `/v2/partners/{orgId}`: each parameter read once, checked and URL-encoded. Not a
 * `$parameter[...]` URL: n8n would evaluate it, and each expression parameter in it, once more.
 */
function fillPath(path: string, parameters: RequiredParameter[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const values = requiredValues(this, parameters);
		let index = 0;
		const url = path.replace(PLACEHOLDER, () => encodeURIComponent(String(values[index++])));
		return { ...options, url };
	};
}

/**
 * Creates the operation-option builder for one node. `labels` maps every path parameter name
 * to its display name, so "missing value" errors name the field as the user sees it.
 */
export function operationBuilder(labels: Record<string, string>) {
	return (spec: OperationSpec): INodePropertyOptions => {
		const required = pathParameters(spec.path).map((name) => {
			const label = labels[name];
			if (!label) throw new Error(`No label for path parameter "${name}" of ${spec.value}`);
			return { name, label, format: 'pathSegment' as const };
		});
		const check = checkFieldTypes();
		const preSend = [
			checkedAs(
				preSendKeepingErrors([
					check,
					...(required.length ? [fillPath(spec.path, required)] : []),
					...(spec.preSend ?? []),
					...(spec.output ? [checkSelectedFields] : []),
				]),
				check,
			),
		];
		const { output, pagination } = spec;
		// Paged records are simplified once all pages are in; others by the last post-receive.
		const sending =
			typeof pagination === 'function'
				? sendPaged(output ? simplifiedPages(output, pagination) : pagination)
				: sendWithRetries();
		const postReceive = [
			...(spec.checksStatus ? [] : [throwOnErrorStatus]),
			...(spec.postReceive ?? []),
			...(spec.deletes ? [deletedOutput(pathParameters(spec.path))] : []),
			...(output && typeof pagination !== 'function' ? [simplifiedOutput(output)] : []),
		];
		return withOutputSpec(
			{
				name: spec.name,
				value: spec.value,
				action: spec.action,
				description: spec.description,
				routing: {
					// A path with parameters is completed by fillPath before the request is sent.
					request: { method: spec.method, url: spec.path },
					send: { ...(preSend.length ? { preSend } : {}), ...sending.send },
					output: { postReceive },
					operations: sending.operations,
				},
			},
			output,
		);
	};
}

/** The "Operation" dropdown of one resource; its options come from `operationBuilder`. */
export function operationProperty(
	resource: string,
	defaultOperation: string,
	options: INodePropertyOptions[],
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

/**
 * `requestDefaults` of a JSON API node (HTTP errors left to `throwOnErrorStatus`). `except`:
 * statuses n8n must still see (401, where the credential refreshes its token on it; n8n 2.x only).
 */
export function jsonRequestDefaults(
	baseURL: string,
	{ except, contentType = 'application/json' }: { except?: number[]; contentType?: string } = {},
): NonNullable<INodeTypeDescription['requestDefaults']> {
	return {
		baseURL,
		headers: { Accept: 'application/json', 'Content-Type': contentType },
		json: true,
		ignoreHttpStatusErrors: except?.length ? { ignore: true, except } : true,
	};
}
