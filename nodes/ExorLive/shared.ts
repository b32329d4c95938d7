import type {
	DeclarativeRestApiSettings,
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
import { actAsField, actAsRequest } from './actAs';
import { applyFields, fieldProperties, type FieldSpec } from './fields';
import { toItems } from './responses';

export { CREDENTIAL_TYPE } from './actAs';

/** Request parts an operation sets besides method and path (values may be expressions). */
interface RequestParts {
	baseURL?: string;
	url?: string;
	qs?: IDataObject;
	headers?: IDataObject;
}

export type LocalRun = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

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
	/** Fields the table cannot describe (binary output names and the like). */
	extraFields?: INodeProperties[];
}

/** Whether operations of a resource can (optional) or must (required) act as another user. */
export type ActAs = 'none' | 'optional' | 'required';

// ExorLive paths carry no path parameters: every id goes in the query or the body.
const build = operationBuilder({});

export const API_BASE_URL = '={{ String($credentials.apiBaseUrl).trim().replace(/\\/+$/, "") }}';
export const AUTH_BASE_URL = '={{ String($credentials.authBaseUrl).trim().replace(/\\/+$/, "") }}';

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
		pagination: spec.local ?? actAsRequest(actAs),
	});
	const routing = option.routing!;
	return {
		...option,
		routing: {
			...routing,
			request: { ...routing.request, ...spec.request },
			...(spec.checksStatus ? { output: { postReceive: spec.output } } : {}),
		},
	};
}

/** Operation selector, Act As field and the fields of every operation of one resource. */
export function exorLiveResource(
	resource: string,
	config: { operations: ExorLiveOperation[]; default: string; actAs: ActAs },
): INodeProperties[] {
	const actAsOf = (spec: ExorLiveOperation) => (spec.local ? 'none' : (spec.actAs ?? config.actAs));
	const options = config.operations
		.map((spec) => operationOption(spec, actAsOf(spec)))
		.sort((a, b) => a.name.localeCompare(b.name));
	const fields: INodeProperties[] = [];
	for (const actAs of ['optional', 'required'] as const) {
		const values = config.operations.filter((spec) => actAsOf(spec) === actAs).map((spec) => spec.value);
		if (values.length) fields.push(actAsField({ resource: [resource], operation: values }, actAs === 'required'));
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
