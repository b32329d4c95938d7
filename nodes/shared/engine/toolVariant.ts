import type { INode } from 'n8n-workflow';

/*
 * Why: a node with `usableAsTool` also runs as an AI tool. n8n builds that variant from the
 * node's description (n8n-workflow's tool conversion, used by n8n's node types): its type is
 * the node's type with `Tool` appended, and parameters hidden there by `'@tool'` display
 * options are dropped from saved workflows and read as their defaults. The routing engine runs
 * the tool with the plain description, so which parameters are shown says nothing there: the
 * type does. The conversion is n8n's, not n8n-core's: test/e2e/agent.test.mjs checks this in a
 * real n8n (a tool's output is the simplified record).
 */

export function runsAsTool(ctx: { getNode(): Pick<INode, 'type'> }): boolean {
	return ctx.getNode().type.endsWith('Tool');
}
