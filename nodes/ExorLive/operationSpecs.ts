import type {
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';
import { operationBuilder, operationProperty } from '../shared/operation';
import { computedBy, sentBy, type TakenOver } from '../shared/requestStep';
import { refusedToken, sendAsActingUser, toItems, type ActAs } from './client';
import { actAsField, applyFields, fieldProperties, type FieldSpec } from './fieldSpecs';

/** Request parts an operation sets besides method and path (values may be expressions). */
interface RequestParts {
	qs?: IDataObject;
	headers?: IDataObject;
	ignoreHttpStatusErrors?: boolean;
}

export type LocalRun = (this: IExecutePaginationFunctions) => Promise<INodeExecutionData[]>;

export interface ExorLiveOperation {
	name: string;
	/** Stored in saved workflows. Never rename. */
	value: string;
	/** Sentence case; the AI tool description. */
	action: string;
	description: string;
	method?: IHttpRequestMethods;
	path?: string;
	request?: RequestParts;
	fields?: FieldSpec[];
	/** Runs after the fields are checked and placed. */
	preSend?: PreSendAction[];
	/** Replaces the default output (one item per record of the answer). */
	output?: PostReceiveAction[];
	/** The output actions judge the HTTP status themselves (e.g. 404 = not found). */
	checksStatus?: boolean;
	/** Overrides the resource's Act As setting for this operation. */
	actAs?: ActAs;
	/** For operations computed in the node (no request of their own). */
	local?: LocalRun;
	/** Sent by n8n as it is, with no token (the Partner JWT link goes to another host). */
	plain?: boolean;
	/** Fields the table cannot describe (binary output names and the like). */
	extraFields?: INodeProperties[];
}

// ExorLive paths carry no path parameters: every id goes in the query or the body.
const build = operationBuilder({});

function operationOption(spec: ExorLiveOperation, actAs: ActAs): INodePropertyOptions {
	const method = spec.method ?? 'GET';
	const option = build({
		name: spec.name,
		value: spec.value,
		action: spec.action,
		description: spec.description,
		method,
		path: spec.path ?? '',
		preSend: [applyFields(spec.fields ?? [], method), ...(spec.preSend ?? [])],
		postReceive: spec.output ?? [toItems()],
	});
	const routing = option.routing!;
	const withRequest = {
		...option,
		routing: {
			...routing,
			request: { ...routing.request, ...spec.request },
			...(spec.checksStatus ? { output: { postReceive: spec.output } } : {}),
		},
	};
	if (spec.plain) return withRequest;
	if (spec.local) return takenOverBy(withRequest, computedBy(spec.local));
	return sentAsActingUser(withRequest, actAs);
}

function takenOverBy(option: INodePropertyOptions, takenOver: TakenOver): INodePropertyOptions {
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
 * An operation whose request goes out through the ExorLive request step (client.ts), as the
 * user acted as (or with the credential's own token); also used for the Custom API Call.
 */
export function sentAsActingUser(option: INodePropertyOptions, actAs: ActAs): INodePropertyOptions {
	const taken = takenOverBy(option, sentBy(sendAsActingUser(actAs)));
	const output = taken.routing!.output?.postReceive ?? [];
	return {
		...taken,
		routing: { ...taken.routing, output: { postReceive: [refusedToken, ...output] } },
	};
}

/** Operation selector, Act As field and the fields of every operation of one resource. */
export function exorLiveResource(
	resource: string,
	config: { operations: ExorLiveOperation[]; default: string; actAs: ActAs },
): INodeProperties[] {
	const actAsOf = (spec: ExorLiveOperation) =>
		spec.local || spec.plain ? 'none' : (spec.actAs ?? config.actAs);
	const options = config.operations
		.map((spec) => operationOption(spec, actAsOf(spec)))
		.sort((a, b) => a.name.localeCompare(b.name));
	const fields: INodeProperties[] = [];
	for (const actAs of ['optional', 'required'] as const) {
		const values = config.operations
			.filter((spec) => actAsOf(spec) === actAs)
			.map((spec) => spec.value);
		if (values.length)
			fields.push(actAsField({ resource: [resource], operation: values }, actAs === 'required'));
	}
	for (const spec of config.operations) {
		const show = { resource: [resource], operation: [spec.value] };
		fields.push(...fieldProperties(show, spec.fields ?? []));
		fields.push(
			...(spec.extraFields ?? []).map((field) => ({
				...field,
				displayOptions: { show: { ...show, ...field.displayOptions?.show } },
			})),
		);
	}
	return [operationProperty(resource, config.default, options), ...fields];
}
