import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeRequestSend,
	IN8nRequestOperations,
} from 'n8n-workflow';

/**
 * Sends an operation's request as n8n prepared it (request defaults, fields, preSend), with
 * `options` changed as given, and returns the operation's output (its postReceive actions run).
 */
export type SendRequest = (options: RequestOptions) => Promise<INodeExecutionData[]>;

/** An operation's request options as n8n prepared them (its URL may come from the base URL). */
export type RequestOptions = DeclarativeRestApiSettings.HttpRequestOptions;

/** What an operation does in place of n8n sending its request once. */
export type RequestStep = (
	this: IExecutePaginationFunctions,
	options: RequestOptions,
	send: SendRequest,
) => Promise<INodeExecutionData[]>;

/** Routing parts that hand an operation's sending to a node's code. */
export interface TakenOver {
	send: Pick<INodeRequestSend, 'paginate'>;
	operations: IN8nRequestOperations;
}

/*
 * n8n's declarative engine sends each operation's request itself. The one place where it lets a
 * node take over (send with other headers, send again, or send nothing) is the paging hook:
 * `routing.operations.pagination` as a function, with `routing.send.paginate`. This file is the
 * only one of the package that uses that hook for anything but paging; paging itself is
 * nodes/shared/pagination.ts. Per-request retries (e.g. on 429/503) belong here too.
 */

/** Routing parts that make `step` send the operation's request (e.g. as another user, retrying once). */
export function sentBy(step: RequestStep): TakenOver {
	return {
		send: { paginate: true },
		operations: {
			async pagination(
				this: IExecutePaginationFunctions,
				requestData: DeclarativeRestApiSettings.ResultOptions,
			): Promise<INodeExecutionData[]> {
				return await step.call(
					this,
					requestData.options,
					async (options) => await this.makeRoutingRequest({ ...requestData, options }),
				);
			},
		},
	};
}

/**
 * Routing parts for an operation the node computes itself and that sends no request of its
 * own (n8n would otherwise send one): `run` returns the operation's output.
 */
export function computedBy(
	run: (this: IExecutePaginationFunctions) => Promise<INodeExecutionData[]>,
): TakenOver {
	return {
		send: { paginate: true },
		operations: {
			async pagination(this: IExecutePaginationFunctions): Promise<INodeExecutionData[]> {
				return await run.call(this);
			},
		},
	};
}
