/**
 * Every parameter an example workflow sets on a node of this package is a field that node shows
 * for the example's resource and operation: a parameter the node does not know is silently
 * ignored by n8n, so the example would not do what it says.
 */
import type { INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import PACKAGE from '../../package.json';
import epilotActivation from '../../examples/epilot-assign-roles-on-activation.json';
import epilotOnboarding from '../../examples/epilot-partner-onboarding.json';
import exolinkInvite from '../../examples/exolink-invite-tenant-user.json';
import exolinkUserAdded from '../../examples/exolink-set-role-when-user-appears.json';
import exorliveInvite from '../../examples/exorlive-invite-contacts.json';
import exorliveWorkoutReady from '../../examples/exorlive-workout-ready.json';

interface Workflow {
	name: string;
	nodes: Array<{ name: string; type: string; parameters: object }>;
}
const examples = [
	epilotActivation,
	epilotOnboarding,
	exolinkInvite,
	exolinkUserAdded,
	exorliveInvite,
	exorliveWorkoutReady,
].map((workflow: Workflow) => ({ workflow, title: workflow.name }));

function descriptions(): Map<string, INodeTypeDescription> {
	const byName = new Map<string, INodeTypeDescription>();
	for (const file of PACKAGE.n8n.nodes) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(`../../${file}`) as Record<
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

const nodes = descriptions();

test.each(examples)('$title: sets only fields its nodes show', ({ workflow }) => {
	const ours = workflow.nodes.filter((node) => node.type.startsWith(`${PACKAGE.name}.`));
	expect(ours.length).toBeGreaterThan(0);
	for (const node of ours) {
		const description = nodes.get(node.type);
		expect({ node: node.name, known: Boolean(description) }).toEqual({
			node: node.name,
			known: true,
		});
		const parameters = node.parameters as INodeParameters;
		// n8n adds Poll Times to every polling trigger itself.
		const unknown = Object.keys(parameters).filter(
			(key) =>
				!(key === 'pollTimes' && description!.polling) &&
				!description!.properties.some(
					(property) => property.name === key && shownFor(property, parameters),
				),
		);
		expect({ node: node.name, unknown }).toEqual({ node: node.name, unknown: [] });
	}
});
