import type {
	IHttpRequestMethods,
	INodeProperties,
	INodePropertyOptions,
	INodeTypeDescription,
	IN8nRequestOperations,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { throwOnErrorStatus } from './errors';
import { requireParameters } from './validation';

export interface OperationSpec {
	/** Option name shown in the operation list, e.g. "Get Many". */
	name: string;
	/** Stable value stored in saved workflows. Never rename. */
	value: string;
	/** Sentence-case action text: shown in the node picker and used as the AI tool's purpose. */
	action: string;
	description: string;
	method: IHttpRequestMethods;
	/** Path with `{parameterName}` placeholders; every placeholder is URL-encoded and required. */
	path: string;
	/** Extra request checks or body builders, run before sending and after the path checks. */
	preSend?: PreSendAction[];
	/** Post-receive actions run after the HTTP status check. */
	postReceive?: PostReceiveAction[];
	pagination?: IN8nRequestOperations['pagination'];
}

/** `/v2/partners/{orgId}` -> an n8n expression that URL-encodes each path parameter. */
export function pathExpression(path: string): string {
	const url = path.replace(
		/\{(\w+)\}/g,
		(_, name: string) => `{{ encodeURIComponent(String($parameter["${name}"] ?? "")) }}`,
	);
	return `=${url}`;
}

function pathParameters(path: string): string[] {
	return Array.from(path.matchAll(/\{(\w+)\}/g), (match) => match[1]);
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
		const preSend = [
			...(required.length ? [requireParameters(required)] : []),
			...(spec.preSend ?? []),
		];
		return {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: {
				request: { method: spec.method, url: pathExpression(spec.path) },
				send: {
					...(preSend.length ? { preSend } : {}),
					...(spec.pagination ? { paginate: true } : {}),
				},
				output: { postReceive: [throwOnErrorStatus, ...(spec.postReceive ?? [])] },
				...(spec.pagination ? { operations: { pagination: spec.pagination } } : {}),
			},
		};
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
 * `requestDefaults` of a JSON API node. HTTP errors are not thrown by n8n but turned into
 * readable NodeApiErrors by each operation's `throwOnErrorStatus`; `except` lists statuses n8n
 * must still see itself (401, when the credential refreshes its token on it).
 */
export function jsonRequestDefaults(
	baseURL: string,
	except?: number[],
): NonNullable<INodeTypeDescription['requestDefaults']> {
	return {
		baseURL,
		headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		json: true,
		ignoreHttpStatusErrors: except?.length ? { ignore: true, except } : true,
	};
}
