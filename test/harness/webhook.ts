/**
 * Webhook trigger nodes the way n8n's server drives them. Activation runs the node's
 * webhookMethods through n8n-core's HookContext (checkExists, then create when it answers
 * false); deactivation runs delete; an incoming call runs webhook() through WebhookContext with
 * an express-like request and response. As in n8n, production and the editor's test mode use
 * different URLs, execution modes and static data; within one mode the static data written on
 * activation is what the calls see.
 */
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import {
	CredentialStore,
	makeAdditionalData,
	nodeTypesFor,
	triggerNode,
	type TriggerOptions,
} from './engine';

export const WEBHOOK_ID = 'trigger-webhook-id';

/** What the caller of a webhook got back, and what the node handed to the workflow. */
export interface WebhookCall {
	/** The node answered the request itself (`noWebhookResponse`). */
	status?: number;
	body?: unknown;
	result?: IWebhookResponseData;
	error?: Error & IDataObject;
}

/** Just enough of express's Response for a node that answers a request itself. */
class FakeResponse {
	statusCode = 200;

	body: unknown;

	headersSent = false;

	headers: Record<string, string> = {};

	status(code: number) {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string) {
		this.headers[name.toLowerCase()] = value;
		return this;
	}

	json(body: unknown) {
		return this.end(body);
	}

	send(body: unknown) {
		return this.end(body);
	}

	end(body?: unknown) {
		this.body = body;
		this.headersSent = true;
		return this;
	}
}

type Lifecycle = 'checkExists' | 'create' | 'delete';

export class TriggerHarness {
	private constructor(
		readonly nodeType: INodeType,
		readonly node: INode,
		readonly store: CredentialStore,
		private readonly workflows: { production: Workflow; test: Workflow },
		private readonly additionalData: ReturnType<typeof makeAdditionalData>,
	) {}

	/** The trigger node with `parameters` and credentials, in a one-node workflow. */
	static async create(options: TriggerOptions): Promise<TriggerHarness> {
		const { loader, store, node } = await triggerNode(options, {
			id: 'trigger-under-test',
			webhookId: WEBHOOK_ID,
		});
		const nodeTypes = nodeTypesFor(loader);
		// n8n's test webhooks run on a fresh Workflow whose static data starts empty.
		const workflow = () =>
			new Workflow({
				id: 'test',
				nodes: [{ ...node }],
				connections: {},
				active: false,
				nodeTypes,
				staticData: {},
			});
		const nodeType = nodeTypes.getByNameAndVersion(node.type, 1);
		const additionalData = makeAdditionalData(loader, store);
		return new TriggerHarness(
			nodeType,
			node,
			store,
			{ production: workflow(), test: workflow() },
			additionalData,
		);
	}

	private workflow(test: boolean): Workflow {
		return test ? this.workflows.test : this.workflows.production;
	}

	/** The node's static data as n8n would store it. */
	staticData(test = false): IDataObject {
		return this.workflow(test).getStaticData('node', this.workflow(test).getNode('Trigger')!);
	}

	private webhookData(test: boolean): IWebhookData {
		const description = this.nodeType.description.webhooks![0];
		return {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: 'Trigger',
			path: `${WEBHOOK_ID}/${String(description.path)}`,
			webhookDescription: description,
			workflowId: 'test',
			workflowExecuteAdditionalData: this.additionalData,
			webhookId: WEBHOOK_ID,
			...(test ? { isTest: true } : {}),
		};
	}

	private async lifecycle(
		method: Lifecycle,
		test: boolean,
		mode: WorkflowExecuteMode,
		activation: WorkflowActivateMode,
	): Promise<boolean> {
		const workflow = this.workflow(test);
		const webhookData = this.webhookData(test);
		const context = new HookContext(
			workflow,
			workflow.getNode('Trigger')!,
			this.additionalData,
			mode,
			activation,
			webhookData,
		);
		const methods = this.nodeType.webhookMethods!.default!;
		return (await methods[method]!.call(context)) as boolean;
	}

	/**
	 * Activation as n8n's WebhookService runs it: checkExists, then create unless the webhook
	 * exists. Production: mode 'trigger'; the editor's test mode: 'manual'/'manual'.
	 * Returns whether create ran.
	 */
	async activate(
		options: { test?: boolean; activation?: WorkflowActivateMode } = {},
	): Promise<boolean> {
		const test = options.test === true;
		const mode: WorkflowExecuteMode = test ? 'manual' : 'trigger';
		const activation = options.activation ?? (test ? 'manual' : 'activate');
		if (await this.lifecycle('checkExists', test, mode, activation)) return false;
		await this.lifecycle('create', test, mode, activation);
		return true;
	}

	/** Deactivation (or the end of a test listen): delete, as n8n runs it. */
	async deactivate(options: { test?: boolean } = {}): Promise<boolean> {
		return await this.lifecycle('delete', options.test === true, 'internal', 'update');
	}

	/** An incoming request with `query`, handled by the node's webhook(). */
	async call(query: IDataObject, options: { test?: boolean } = {}): Promise<WebhookCall> {
		const test = options.test === true;
		const workflow = this.workflow(test);
		const response = new FakeResponse();
		const request = { method: 'GET', query, headers: {}, params: {}, body: {} };
		const additionalData = {
			...this.additionalData,
			httpRequest: request,
			httpResponse: response,
		} as unknown as typeof this.additionalData;
		const context = new WebhookContext(
			workflow,
			workflow.getNode('Trigger')!,
			additionalData,
			test ? 'manual' : 'webhook',
			this.webhookData(test),
			[],
			null,
		);
		try {
			const result = await this.nodeType.webhook!.call(context);
			return response.headersSent
				? { status: response.statusCode, body: response.body, result }
				: { result };
		} catch (error) {
			return { error: error as WebhookCall['error'] };
		}
	}
}
