// Helpers shared by the end-to-end test files (each file starts its own sandbox and n8n
// profile): the package as users install it, CLI copies of examples, reading `n8n execute`'s
// run and bounded polling.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { extensionsDir, npm, run } from '../../scripts/n8n.mjs';

/** Trigger types a CLI copy replaces by default (the CLI can only start at a Manual Trigger). */
export const STARTERS = ['n8n-nodes-base.webhook', 'n8n-nodes-base.scheduleTrigger'];

/**
 * Builds and packs the package and unpacks the tarball into `<n8n install>/node_modules/.extensions/<folder>/package`
 * (scripts/n8n.mjs `extensionsDir`): what users install (dist/ and package.json), inside the
 * running n8n's own folder so that `require('n8n-workflow')` finds n8n's copy, as in a user's
 * install. Returns that folder, for N8N_CUSTOM_EXTENSIONS.
 */
export async function packedPackage(folder) {
	await npm(['run', 'build', '--silent'], { capture: true });
	const extensions = extensionsDir(folder);
	rmSync(extensions, { recursive: true, force: true });
	mkdirSync(extensions, { recursive: true });
	const { stdout } = await npm(['pack', '--silent', `--pack-destination=${extensions}`], {
		capture: true,
	});
	const tarball = path.join(extensions, stdout.trim().split('\n').at(-1));
	await run('tar', ['-xzf', tarball, '-C', extensions], { capture: true });
	rmSync(tarball);
	return path.join(extensions, 'package');
}

/**
 * A copy of `workflow` started by `start` (a node that becomes `Start`: a Manual Trigger for
 * `n8n execute`, a Webhook for a load test), with a Set node in place of the example's trigger
 * (one of `starters`); the Set node takes the trigger's name and emits `json` (for a webhook,
 * what it would: `{ body }`; for a chat trigger, `{ chatInput, sessionId }`), so the chain's
 * expressions are unchanged. `suffix` makes the copy's id and name.
 */
export function startedBy(workflow, start, { json = {}, suffix, starters = STARTERS }) {
	const trigger = workflow.nodes.find((node) => starters.includes(node.type));
	const input = {
		id: 'e2e-input',
		name: trigger.name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: trigger.position,
		parameters: { mode: 'raw', jsonOutput: JSON.stringify(json), options: {} },
	};
	return {
		...workflow,
		id: `${workflow.id.slice(0, 12)}${suffix}`,
		name: `${workflow.name} (${suffix})`,
		nodes: [
			{ ...start, name: 'Start', position: [trigger.position[0] - 240, trigger.position[1]] },
			input,
			...workflow.nodes.filter((node) => node !== trigger),
		],
		connections: {
			...workflow.connections,
			Start: { main: [[{ node: trigger.name, type: 'main', index: 0 }]] },
		},
	};
}

/** The CLI can only start a workflow at a Manual Trigger: a copy started by one. */
export const manualCopy = (workflow, json = {}, { starters } = {}) =>
	startedBy(
		workflow,
		{
			id: 'e2e-manual-trigger',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			parameters: {},
		},
		{ json, suffix: 'Cli', starters },
	);

/** `n8n execute --rawOutput` prints log lines and the run as pretty JSON starting with `{`. */
export function parseRun(stdout) {
	const start = stdout.search(/^\{$/m);
	assert.ok(start >= 0, `no run JSON in the output:\n${stdout}`);
	// The JSON ends at the first `}` alone on a line; log lines may still follow it.
	const end = stdout.slice(start).search(/^\}$/m);
	return JSON.parse(stdout.slice(start, start + end + 1));
}

/** The JSON of a node's first run's first output. */
export const outputOf = (run, node) =>
	run.data.resultData.runData[node][0].data.main[0].map((item) => item.json);

/** Polls `check` (which throws until it holds) for up to `ms`. */
export async function eventually(check, ms = 60_000) {
	const deadline = Date.now() + ms;
	for (;;) {
		try {
			return await check();
		} catch (error) {
			if (Date.now() > deadline) throw error;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
}
