/**
 * Every parameter an example workflow sets on a node of this package is a field that node shows
 * for the example's resource and operation: a parameter the node does not know is silently
 * ignored by n8n, so the example would not do what it says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

const ROOT = path.resolve(__dirname, '..', '..');
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[] };
};

function descriptions(): Map<string, INodeTypeDescription> {
	const byName = new Map<string, INodeTypeDescription>();
	for (const file of PACKAGE.n8n.nodes) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(path.join(ROOT, file)) as Record<
			string,
			new () => { description: INodeTypeDescription }
		>;
		for (const NodeClass of Object.values(exported)) {
			const { description } = new NodeClass();
			byName.set(`${PACKAGE.name}.${description.name}`, description);
		}
	}
	return byName;
}

/** Whether `property` shows for the node's resource and operation (other conditions aside). */
function shownFor(property: INodeProperties, parameters: INodeParameters): boolean {
	const show = property.displayOptions?.show ?? {};
	return ['resource', 'operation'].every((key) => {
		const allowed = show[key];
		return !allowed || parameters[key] === undefined || allowed.includes(parameters[key] as never);
	});
}

const examples = readdirSync(path.join(ROOT, 'examples'))
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({
		file,
		workflow: JSON.parse(readFileSync(path.join(ROOT, 'examples', file), 'utf8')) as {
			nodes: Array<{ name: string; type: string; parameters: INodeParameters }>;
		},
	}));

const nodes = descriptions();

test.each(examples)('$file sets only fields its nodes show', ({ workflow }) => {
	const ours = workflow.nodes.filter((node) => node.type.startsWith(`${PACKAGE.name}.`));
	expect(ours.length).toBeGreaterThan(0);
	for (const node of ours) {
		const description = nodes.get(node.type);
		expect({ node: node.name, known: Boolean(description) }).toEqual({
			node: node.name,
			known: true,
		});
		const unknown = Object.keys(node.parameters).filter(
			(key) =>
				!description!.properties.some(
					(property) => property.name === key && shownFor(property, node.parameters),
				),
		);
		expect({ node: node.name, unknown }).toEqual({ node: node.name, unknown: [] });
	}
});
