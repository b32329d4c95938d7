/**
 * Polling trigger nodes the way n8n's server drives them (n8n 2.40, `active-workflow-triggers`,
 * `trigger-execution-context.factory`): the poll runs through n8n-core's TriggersAndPollers with
 * a PollContext of the active workflow. Activation runs one poll (its items are emitted) and
 * saves the workflow's static data; a scheduled poll that emits items saves it too, one that
 * returns null keeps its changes in the running workflow only. `restart()` reloads the workflow
 * from what was last saved, as n8n does after a restart; `manual()` is the editor's Fetch Test
 * Event (its own workflow copy, mode "manual").
 */
import { PollContext, TriggersAndPollers } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import {
	CredentialStore,
	loadPackage,
	makeAdditionalData,
	nodeTypesFor,
	triggerNode,
	type TriggerOptions,
} from './engine';

export interface PollResult {
	/** The items the poll emitted (empty when it returned null). */
	items: INodeExecutionData[];
	/** Whether the poll returned null. */
	none: boolean;
	error?: Error & IDataObject;
}

export interface PollOptions extends TriggerOptions {
	/** Static data as saved before (e.g. by another harness); empty by default. */
	savedStaticData?: IDataObject;
}

const pollers = new TriggersAndPollers();

export class PollHarness {
	/** The static data as n8n last saved it to the database (JSON). */
	saved: string;

	/** How many times n8n would have saved the static data. */
	saves = 0;

	private workflow!: Workflow;

	private constructor(
		readonly node: INode,
		private readonly options: PollOptions,
		private readonly store: CredentialStore,
		private readonly loader: Awaited<ReturnType<typeof loadPackage>>,
	) {
		this.saved = JSON.stringify(options.savedStaticData ?? {});
		this.restart();
	}

	static async create(options: PollOptions): Promise<PollHarness> {
		const { loader, store, node } = await triggerNode(
			{
				...options,
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...options.parameters },
			},
			{ id: 'poll-node' },
		);
		return new PollHarness(node, options, store, loader);
	}

	private newWorkflow(staticData: IDataObject): Workflow {
		return new Workflow({
			id: 'poll-workflow',
			nodes: [this.node],
			connections: {},
			active: true,
			staticData,
			nodeTypes: nodeTypesFor(this.loader),
		});
	}

	/** The running workflow's static data of the node (what the next poll reads). */
	get nodeStaticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	/** n8n restarted: the active workflow is loaded again with the static data last saved. */
	restart(): void {
		this.workflow = this.newWorkflow(JSON.parse(this.saved) as IDataObject);
	}

	private save(): void {
		const data = this.workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (!data.__dataChanged) return;
		data.__dataChanged = false;
		this.saved = JSON.stringify(data);
		this.saves++;
	}

	private async run(workflow: Workflow, mode: 'trigger' | 'manual'): Promise<PollResult> {
		const additionalData = makeAdditionalData(this.loader, this.store);
		const node = workflow.getNode(this.node.name)!;
		const context = new PollContext(workflow, node, additionalData, mode, 'activate');
		try {
			const response = await pollers.runPollFunction(workflow, node, context);
			return { items: response?.[0] ?? [], none: response === null };
		} catch (error) {
			return { items: [], none: true, error: error as PollResult['error'] };
		}
	}

	/** Activation: one poll, whose items n8n emits, then the static data is saved. */
	async activate(): Promise<PollResult> {
		const result = await this.run(this.workflow, 'trigger');
		if (result.error) return result;
		this.save();
		return result;
	}

	/** A scheduled poll: emitted items save the static data; null saves nothing. */
	async poll(): Promise<PollResult> {
		const result = await this.run(this.workflow, 'trigger');
		if (!result.error && !result.none) this.save();
		return result;
	}

	/** Fetch Test Event in the editor: a manual poll on a copy of the workflow. */
	async manual(): Promise<PollResult> {
		const copy = this.newWorkflow(
			JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject,
		);
		return await this.run(copy, 'manual');
	}

	get parameters(): INodeParameters {
		return this.options.parameters;
	}
}
