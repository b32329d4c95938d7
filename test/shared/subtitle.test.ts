/**
 * Canvas subtitles read as display names ("User: Create or Update"). The subtitle is evaluated
 * the way n8n's editor does it (the workflow's expression, mode "internal").
 */
import type { INode, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { loadPackage, nodeTypesFor } from '../harness/engine';

async function subtitleOf(node: string, resource: string, operation: string) {
	const loader = await loadPackage();
	const type = `${loader.packageName}.${node}`;
	const workflowNode: INode = {
		id: 'n',
		name: 'Node',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource, operation },
	};
	const workflow = new Workflow({
		nodes: [workflowNode],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFor(loader),
	});
	const description = workflow.nodeTypes.getByNameAndVersion(type, 1).description;
	return workflow.expression.getSimpleParameterValue(
		workflowNode,
		description.subtitle,
		'internal',
		{},
	);
}

async function pairs(node: string) {
	const loader = await loadPackage();
	const description = (loader.getNode(node).type as { description: INodeTypeDescription })
		.description;
	const resources = description.properties.find((p) => p.name === 'resource')!
		.options as INodePropertyOptions[];
	return resources.flatMap((resource) =>
		description.properties
			.filter(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
			)
			.flatMap((p) =>
				(p.options as INodePropertyOptions[]).map((operation) => ({
					resource,
					operation,
				})),
			),
	);
}

it.each([
	['exorLive', 'user', 'createOrUpdate', 'User: Create or Update'],
	['exorLive', 'partner', 'requestApiAccess', 'Partner: Request API Access and Get Admin User ID'],
	['exolink', 'tenantUser', 'invite', 'Tenant User: Invite'],
	['epilot', 'partnerUser', 'create', 'Partner User: Create'],
])('%s %s/%s reads "%s"', async (node, resource, operation, expected) => {
	expect(await subtitleOf(node, resource, operation)).toBe(expected);
});

it.each(['epilot', 'exolink', 'exorLive'])(
	'%s: every resource and operation shows display names',
	async (node) => {
		const all = await pairs(node);
		expect(all.length).toBeGreaterThan(5);
		for (const { resource, operation } of all) {
			expect(await subtitleOf(node, String(resource.value), String(operation.value))).toBe(
				`${resource.name}: ${operation.name}`,
			);
		}
	},
);
