import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IN8nRequestOperations,
	INodeExecutionData,
	INodeRequestSend,
	PostReceiveAction,
} from 'n8n-workflow';

/*
 * Why: n8n's declarative engine sends each operation's request itself. The one place where it
 * lets a node take over (send with other headers, send again, or send nothing) is the paging
 * hook. Each thing the package relies on about that hook is one function here, with the n8n-core
 * file it relies on; test/engine/reliances.test.ts checks each on every n8n line the package
 * supports.
 */

/** What an operation's paging hook gets from n8n and returns: the operation's output. */
export type Pagination = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/** Routing parts that hand an operation's sending to a node's code. */
export interface TakenOver {
	send: Pick<INodeRequestSend, 'paginate'>;
	operations: IN8nRequestOperations;
}

/**
 * Routing parts that make n8n call `hook` once per item instead of sending the request; `hook`
 * sends with `this.makeRoutingRequest` (as often as it likes, or never). Relies on
 * n8n-core execution-engine/routing-node.js `makeRequest`: `send.paginate` with a function as
 * `operations.pagination` calls it with a context that has `makeRoutingRequest`.
 */
export function takeOverSending(hook: Pagination): TakenOver {
	return { send: { paginate: true }, operations: { pagination: hook } };
}

/**
 * Makes `action` the first post-receive action of every answer `makeRoutingRequest` gets for
 * this request. Relies on routing-node.js `makeRoutingRequest` running the actions listed in
 * the `requestData.postReceive` it is given (the list n8n built from the operation and its
 * fields) on each answer.
 */
export function runFirstOnEveryAnswer(
	requestData: DeclarativeRestApiSettings.ResultOptions,
	action: PostReceiveAction,
): void {
	requestData.postReceive.unshift({ data: { parameterValue: undefined }, actions: [action] });
}
