import type {
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodePropertyOptions,
	PostReceiveAction,
} from 'n8n-workflow';
import { operationBuilder, type OperationSpec } from '../shared/operation';
import type { TakenOver } from '../shared/engine/requestHook';
import { computeWithoutRequest, sendThrough, type RequestStep } from '../shared/requestStep';
import { refusedToken } from './auth/renewal';
import { sendAsActingUser, toItems, type ActAs } from './client';
import { sharedFieldPlaces, type SharedPlaces } from './exorLiveFields';

/*
 * Why: every ExorLive operation is built here, so each goes out through the ExorLive request step
 * (client.ts) with the token of the user acted as, unless it is computed in the node (`local`)
 * or sent by n8n as it is (`plain`).
 */

export type LocalRun = (this: IExecutePaginationFunctions) => Promise<INodeExecutionData[]>;

export interface ExorLiveOperationSpec
	extends Omit<OperationSpec, 'method' | 'path' | 'pagination' | 'postReceive'> {
	/** Default GET. */
	method?: IHttpRequestMethods;
	/** ExorLive paths carry no path parameters: every id goes in the query or the body. */
	path?: string;
	/** Whose token the request carries: the credential's (`none`), or an Act As User ID. */
	actAs?: ActAs;
	/** Request parts besides method and path (values may be expressions). */
	request?: { qs?: IDataObject; headers?: IDataObject; ignoreHttpStatusErrors?: boolean };
	/** The output; default one item per record of the answer. */
	postReceive?: PostReceiveAction[];
	/** Computed in the node: no request of its own. */
	local?: LocalRun;
	/** Sent by n8n as it is, with no token (the Partner JWT link goes to another host). */
	plain?: boolean;
	/** Where this operation sends the ID fields several operations share, by field name. */
	places?: SharedPlaces;
}

const build = operationBuilder({});

export function exorLiveOperation(spec: ExorLiveOperationSpec): INodePropertyOptions {
	const { actAs = 'none', request, local, plain, places, ...operation } = spec;
	const postReceive = operation.postReceive ?? [toItems()];
	const option = build({
		...operation,
		preSend: [...(places ? [sharedFieldPlaces(places)] : []), ...(operation.preSend ?? [])],
		method: operation.method ?? 'GET',
		path: operation.path ?? '',
		postReceive,
	});
	const routing = option.routing!;
	const withRequest = {
		...option,
		routing: {
			...routing,
			request: { ...routing.request, ...request },
		},
	};
	if (plain) return withRequest;
	if (local) return handledBy(withRequest, computeWithoutRequest(local));
	return sentAsActingUser(withRequest, actAs, withJsonBody(sendAsActingUser(actAs)));
}

function handledBy(option: INodePropertyOptions, takenOver: TakenOver): INodePropertyOptions {
	const routing = option.routing!;
	return {
		...option,
		routing: {
			...routing,
			send: { ...routing.send, ...takenOver.send },
			operations: takenOver.operations,
		},
	};
}

/**
 * A POST with an empty body goes out as `{}`, which ExorLive's JSON services expect; done here as
 * n8n runs the fields' preSends (which leave out empty values) after the operation's.
 */
function withJsonBody(step: RequestStep): RequestStep {
	return async function (this, options, send) {
		const { body } = options;
		const empty =
			options.method === 'POST' &&
			(body === undefined ||
				(typeof body === 'object' && body !== null && !Object.keys(body).length));
		return await step.call(this, empty ? { ...options, body: '{}' } : options, send);
	};
}

/** `option` sent through the ExorLive request step as `actAs`; also used for Custom API Call. */
export function sentAsActingUser(
	option: INodePropertyOptions,
	actAs: ActAs,
	step: RequestStep = sendAsActingUser(actAs),
): INodePropertyOptions {
	const taken = handledBy(option, sendThrough(step));
	const output = taken.routing!.output?.postReceive ?? [];
	return {
		...taken,
		routing: { ...taken.routing, output: { postReceive: [refusedToken, ...output] } },
	};
}

// ---------------------------------------------------------------------------------------------
// Legacy JSON web services (`/WebServices/V1/*.svc/*`, all POST JSON). ExorLive's samples send
// their top-level values as strings, so numbers and flags go out as text (`asText`) too.

export const v1 = (service: string, method: string) => `/WebServices/V1/${service}.svc/${method}`;

export const LEGACY = 'Legacy (WebServices V1): ';

/** Notes for the V1 operations whose answers ExorLive names but does not document. */
export const UNDOCUMENTED_FIELDS = ' ExorLive names the answer but does not document its fields.';
export const UNDOCUMENTED_ANSWER = ' ExorLive does not document the answer.';
