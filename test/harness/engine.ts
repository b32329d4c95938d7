/**
 * Runs the built package (dist/) the way n8n's server does: the node types come from n8n-core's
 * PackageDirectoryLoader, a workflow holding the node is executed by WorkflowExecute, and the
 * credentials helper below applies generic `authenticate` and `preAuthentication` like n8n's.
 */
import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PackageDirectoryLoader,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	INodeTypeDescription,
	IVersionedNodeType,
	IRequestOptionsSimplified,
	IRun,
	IWorkflowExecuteAdditionalData,
	ICredentials,
	IConnections,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';
import {
	createRunExecutionData,
	deepCopy,
	ICredentialsHelper,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';

let loaderPromise: Promise<PackageDirectoryLoader> | undefined;

/** The package as n8n loads it: package.json "n8n" section, compiled files in dist/. */
export async function loadPackage(): Promise<PackageDirectoryLoader> {
	loaderPromise ??= (async () => {
		const loader = new PackageDirectoryLoader('.');
		await loader.loadAll();
		return loader;
	})();
	return await loaderPromise;
}

/** Stands in for n8n's credential store; preAuthentication writes its tokens back here. */
export class CredentialStore {
	private readonly records = new Map<
		string,
		{ type: string; data: ICredentialDataDecryptedObject }
	>();

	updates = 0;

	set(type: string, data: ICredentialDataDecryptedObject): INodeCredentialsDetails {
		const id = String(this.records.size + 1);
		this.records.set(id, { type, data: { ...data } });
		return { id, name: `${type} ${id}` };
	}

	get(id: string) {
		const record = this.records.get(id);
		if (!record) throw new Error(`No credential ${id}`);
		return record;
	}

	update(id: string, data: ICredentialDataDecryptedObject) {
		this.updates++;
		this.get(id).data = { ...data };
	}
}

function credentialTypeOf(loader: PackageDirectoryLoader, name: string): ICredentialType {
	return loader.getCredential(name).type;
}

class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly loader: PackageDirectoryLoader,
		private readonly store: CredentialStore,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return credentialTypeOf(this.loader, name).extends ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = credentialTypeOf(this.loader, typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [outerKey, values] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(values as Record<string, string>)) {
					const resolved =
						typeof value === 'string' && value.startsWith('=')
							? workflow!.expression.getSimpleParameterValue(
									node!,
									value,
									'internal',
									{ $credentials: credentials },
									undefined,
									'',
								)
							: value;
					target[outerKey] ??= {};
					target[outerKey][key] = resolved ? String(resolved) : '';
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = credentialTypeOf(this.loader, typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		const testing = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !testing) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output?.[expirable.name] === undefined) return undefined;
		const details = node.credentials?.[typeName];
		if (details?.id) {
			this.store.update(details.id, {
				...this.store.get(details.id).data,
				...(output as ICredentialDataDecryptedObject),
			});
		}
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const { data } = this.store.get(nodeCredentials.id!);
		// n8n fills in the defaults of fields the user never touched.
		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			data as INodeParameters,
			true,
			false,
			null,
			null,
		);
		return { ...(withDefaults as ICredentialDataDecryptedObject), ...data };
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.update(nodeCredentials.id!, data);
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string) {
		return credentialTypeOf(this.loader, type).properties;
	}
}

export interface RunOptions {
	/** Node name inside the package, e.g. "epilot". */
	node: string;
	parameters: INodeParameters;
	/** Credential type -> data. Each run gets fresh credentials unless `store` is shared. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** JSON of the input items; one empty item by default. */
	input?: IDataObject[];
	continueOnFail?: boolean;
	/** Node settings of the node under test (Retry On Fail and its tries). */
	settings?: Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>;
	/** Share a store across runs to see tokens persisted by preAuthentication. */
	store?: CredentialStore;
	/**
	 * Node type override: the credential test's temporary node, or a node from outside the
	 * package (the benchmarks run n8n's HTTP Request node through the same engine).
	 */
	nodeType?: INodeType | IVersionedNodeType;
	/** Type name of `nodeType` in the workflow, as n8n registers it; its description's name unless given. */
	nodeTypeName?: string;
	/** Version of the node in the workflow; 1 unless given. */
	typeVersion?: number;
	/** Run the node's AI tool variant (`<node>Tool`), as n8n builds it from `usableAsTool`. */
	tool?: boolean;
	/**
	 * Parameters of further nodes of the same type and credentials, connected in a line after
	 * the first: one execution runs them all, and the result is the last node's output.
	 */
	then?: INodeParameters[];
}

export interface RunResult {
	items: INodeExecutionData[];
	error?: Error & IDataObject;
	run: IRun;
	store: CredentialStore;
}

export function nodeTypesFor(
	loader: PackageDirectoryLoader,
	extra?: INodeType | IVersionedNodeType,
	extraName = extra?.description.name,
): INodeTypes {
	const strip = (type: string) => type.slice(loader.packageName.length + 1);
	const byName = (type: string): INodeType | IVersionedNodeType =>
		extra && type === extraName ? extra : (loader.getNode(strip(type)).type as INodeType);
	return {
		getByName: byName,
		getByNameAndVersion: (type: string, version?: number) =>
			NodeHelpers.getVersionedNodeType(byName(type), version),
		getKnownTypes: () => loader.known.nodes,
	} as INodeTypes;
}

const BASE = 'http://localhost:5678';

/** What n8n's server hands to an execution, with this file's credentials helper. */
export function makeAdditionalData(
	loader: PackageDirectoryLoader,
	store: CredentialStore,
	hooks?: ExecutionLifecycleHooks,
	currentNodeParameters?: INodeParameters,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		currentNodeParameters,
		credentialsHelper: new TestCredentialsHelper(loader, store),
		executionId: '1',
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${BASE}/rest`,
		instanceBaseUrl: BASE,
		formBaseUrl: `${BASE}/form`,
		formWaitingBaseUrl: `${BASE}/form-waiting`,
		formTestBaseUrl: `${BASE}/form-test`,
		webhookBaseUrl: `${BASE}/webhook`,
		webhookWaitingBaseUrl: `${BASE}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE}/webhook-test`,
		mcpBaseUrl: `${BASE}/mcp`,
		mcpTestBaseUrl: `${BASE}/mcp-test`,
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** What a trigger harness starts from: a trigger node of the package and its credentials. */
export interface TriggerOptions {
	/** Node name inside the package, e.g. "exorLiveTrigger". */
	node: string;
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
}

/**
 * The trigger under test as a node of a workflow (named "Trigger"), its credentials stored in a
 * new store; `extra` adds to the node (its ID, webhook ID).
 */
export async function triggerNode(
	options: TriggerOptions,
	extra: Partial<INode> & { id: string },
): Promise<{ loader: PackageDirectoryLoader; store: CredentialStore; node: INode }> {
	const loader = await loadPackage();
	const store = new CredentialStore();
	const credentials: INode['credentials'] = {};
	for (const [type, data] of Object.entries(options.credentials)) {
		credentials[type] = store.set(type, data);
	}
	const node: INode = {
		name: 'Trigger',
		type: `${loader.packageName}.${options.node}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials,
		...extra,
	};
	return { loader, store, node };
}

/**
 * The AI tool variant of a declarative node as n8n's server builds it (packages/cli
 * node-types.ts and tool-generation/ai-tools.ts): the description renamed `<name>Tool`, with an
 * AiTool output and the Tool Description parameters; it runs n8n's routing engine with the
 * node's own description.
 */
export function toolVariant(base: INodeType): INodeType {
	const original = base.description;
	const description: INodeTypeDescription = {
		...deepCopy(original),
		name: `${original.name}Tool`,
		displayName: `${original.displayName} Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
		properties: [
			{
				displayName: 'Tool Description',
				name: 'descriptionType',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Set Automatically', value: 'auto' },
					{ name: 'Set Manually', value: 'manual' },
				],
				default: 'auto',
			},
			{
				displayName: 'Description',
				name: 'toolDescription',
				type: 'string',
				default: original.description,
				required: true,
				displayOptions: { show: { descriptionType: ['manual'] } },
			} as INodeProperties,
			...original.properties,
		],
	};
	delete description.usableAsTool;
	const tool = Object.create(base, { description: { value: description } }) as INodeType;
	tool.execute = async function (this: IExecuteFunctions) {
		const context = this as unknown as ConstructorParameters<typeof RoutingNode>[0];
		return (await new RoutingNode(context, base).runNode()) ?? [];
	};
	return tool;
}

/** The node under test inside a one-node workflow, with its credentials stored in `store`. */
async function prepare(options: RunOptions) {
	const loader = await loadPackage();
	if (options.tool) {
		const base = loader.getNode(options.node).type as INodeType;
		options = {
			...options,
			nodeType: toolVariant(base),
			nodeTypeName: `${loader.packageName}.${options.node}Tool`,
		};
	}
	const store = options.store ?? new CredentialStore();
	const credentials: INode['credentials'] = {};
	for (const [type, data] of Object.entries(options.credentials ?? {})) {
		credentials[type] = store.set(type, data);
	}
	const type =
		options.nodeTypeName ??
		options.nodeType?.description.name ??
		`${loader.packageName}.${options.node}`;
	const nodes: INode[] = [options.parameters, ...(options.then ?? [])].map((parameters, index) => ({
		id: index ? `node-under-test-${index + 1}` : 'node-under-test',
		name: index ? `Node ${index + 1}` : 'Node',
		type,
		typeVersion: options.typeVersion ?? 1,
		position: [index * 200, 0],
		parameters,
		credentials,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(index ? {} : options.settings),
	}));
	const connections: IConnections = {};
	for (let index = 1; index < nodes.length; index++) {
		connections[nodes[index - 1].name] = {
			main: [[{ node: nodes[index].name, type: NodeConnectionTypes.Main, index: 0 }]],
		};
	}
	const workflow = new Workflow({
		id: 'test',
		nodes,
		connections,
		active: false,
		nodeTypes: nodeTypesFor(loader, options.nodeType, type),
	});
	return { loader, store, node: nodes[0], nodes, connections, workflow };
}

export async function runNode(options: RunOptions): Promise<RunResult> {
	const { loader, store, node, nodes, connections, workflow } = await prepare(options);
	const run = await new Promise<IRun>((resolve, reject) => {
		const hooks = new ExecutionLifecycleHooks('manual', '1', {
			id: 'test',
			name: 'test',
			active: false,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
			nodes,
			connections,
			activeVersionId: null,
		});
		hooks.addHandler('workflowExecuteAfter', (result) => resolve(result));
		const additionalData = makeAdditionalData(loader, store, hooks);
		const runData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [
					{
						node,
						data: { main: [(options.input ?? [{}]).map((json) => ({ json }))] },
						source: null,
					},
				],
			},
		});
		new WorkflowExecute(additionalData, 'manual', runData)
			.processRunExecutionData(workflow)
			.catch(reject);
	});
	const taskData = run.data.resultData.runData[nodes[nodes.length - 1].name]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: (run.data.resultData.error ?? undefined) as RunResult['error'],
		run,
		store,
	};
}

/** The description of a node made up for one test, using `credentialType`. */
export function oneOffNodeDescription(
	name: string,
	credentialType: string,
	properties: INodeTypeDescription['properties'] = [],
): INodeTypeDescription {
	return {
		displayName: name,
		name,
		group: ['transform'],
		version: 1,
		description: '',
		defaults: {},
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: credentialType, required: true }],
		properties,
	} as INodeTypeDescription;
}

/**
 * Tests a credential the way n8n's credentials tester does for `test.request` credentials:
 * a temporary node whose only parameter routes the test request, run with the credential.
 */
export async function testCredential(
	credentialType: string,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const loader = await loadPackage();
	const { test } = credentialTypeOf(loader, credentialType);
	if (!test) throw new Error(`${credentialType} has no test request`);
	const nodeType: INodeType = {
		description: oneOffNodeDescription('n8n-nodes-base.noOp', credentialType, [
			{
				displayName: 'Temp',
				name: 'temp',
				type: 'string',
				default: '',
				routing: { request: test.request },
			},
		]),
	};
	const result = await runNode({
		node: 'noOp',
		nodeType,
		parameters: { temp: '' },
		credentials: { [credentialType]: data },
	});
	if (result.error) return { status: 'Error', message: String(result.error.message) };
	return { status: 'OK', message: 'Connection successful!' };
}

/**
 * Calls a dropdown method (listSearch or loadOptions) the way the editor does: with the node's
 * current parameters and its credentials, through n8n-core's LoadOptionsContext.
 */
export async function loadList(
	options: RunOptions & {
		kind: 'listSearch' | 'loadOptions';
		method: string;
		/** The parameter the list is for, e.g. "userId". */
		parameter: string;
		filter?: string;
		paginationToken?: string;
	},
): Promise<unknown> {
	const { loader, store, node, workflow } = await prepare(options);
	const additionalData = makeAdditionalData(loader, store, undefined, options.parameters);
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData,
		`parameters.${options.parameter}`,
	);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, 1);
	const methods = nodeType.methods?.[options.kind] as
		| Record<string, (this: unknown, ...args: unknown[]) => Promise<unknown>>
		| undefined;
	const method = methods?.[options.method];
	if (!method) throw new Error(`${options.node} has no ${options.kind} method ${options.method}`);
	return options.kind === 'listSearch'
		? await method.call(context, options.filter, options.paginationToken)
		: await method.call(context);
}
