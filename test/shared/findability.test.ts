/**
 * How the nodes meet a builder in n8n's node panel: search matches node names and the codex
 * `alias` words, and n8n 2.40's panel merges a node `X` with a trigger named `XTrigger` into one
 * entry that shows the trigger's description.
 */
import type { INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

const DIST = '../../dist/nodes';

function codex(file: string): { alias?: string[] } {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(`${DIST}/${file}.node.json`) as { alias?: string[] };
}

function describeNode(file: string): INodeTypeDescription {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(`${DIST}/${file}.node`) as Record<
		string,
		new () => { description: INodeTypeDescription }
	>;
	return new (Object.values(module)[0])().description;
}

const TASKS: Record<string, { own: string[]; others: string[] }> = {
	'Epilot/Epilot': {
		own: ['invite', 'partner', 'role', 'user', 'approve', 'assignable'],
		others: ['tenant', 'charger', 'workout'],
	},
	'Exolink/Exolink': {
		own: ['invite', 'tenant', 'role', 'user', 'charger', 'product', 'ip whitelist'],
		others: ['partner', 'workout'],
	},
	'ExorLive/ExorLive': {
		own: ['invite', 'partner', 'user', 'workout', 'sign in'],
		others: ['tenant', 'charger', 'role'],
	},
	'ExorLive/ExorLiveTrigger': { own: ['workout', 'export'], others: ['tenant', 'charger'] },
	'Epilot/EpilotTrigger': {
		own: ['partner', 'partner user', 'activated', 'invitation', 'role'],
		others: ['tenant', 'charger', 'workout'],
	},
	'Exolink/ExolinkTrigger': {
		own: ['tenant', 'tenant user', 'accepted', 'invitation', 'role'],
		others: ['partner', 'workout'],
	},
};

describe.each(Object.entries(TASKS))('%s codex', (file, { own, others }) => {
	const alias = codex(file).alias ?? [];

	it('lists the task words of what the node does', () => {
		expect(alias).toEqual(expect.arrayContaining(own));
	});

	it("lists no other node's tasks", () => {
		for (const word of others) expect(alias).not.toContain(word);
	});
});

it('the merged ExorLive entry in the node panel describes the actions and the trigger', () => {
	const action = describeNode('ExorLive/ExorLive');
	const trigger = describeNode('ExorLive/ExorLiveTrigger');
	// n8n 2.40.7's node panel (generateMergedNodesAndActions): same name minus "Trigger" → merged.
	expect(trigger.name.replace('Trigger', '')).toBe(action.name);
	expect(trigger.description).toContain(action.description);
	expect(trigger.description).toMatch(/workouts ready for export/);
});

it.each([
	[
		'Epilot',
		/^Manage epilot partners, their users and roles/,
		/start a workflow when a partner user/,
	],
	['Exolink', /^Manage Exolink tenants, their users, roles/, /start a workflow when a tenant user/],
])(
	'the merged %s entry in the node panel describes the actions and the trigger',
	(vendor, actions, trigger) => {
		const action = describeNode(`${vendor}/${vendor}`);
		const polling = describeNode(`${vendor}/${vendor}Trigger`);
		expect(polling.name.replace('Trigger', '')).toBe(action.name);
		expect(polling.description).toMatch(actions);
		expect(polling.description).toMatch(trigger);
	},
);

it("ExorLive's action list starts with its everyday resources, legacy and Custom API Call last", () => {
	// n8n 2.40.7's node panel groups the actions by resource in the order of the Resource options.
	const resource = describeNode('ExorLive/ExorLive').properties.find((p) => p.name === 'resource')!;
	const values = (resource.options as INodePropertyOptions[]).map((option) => option.value);
	expect(values.slice(0, 4)).toEqual(['partner', 'user', 'signIn', 'workoutExport']);
	expect(values.slice(-5)).toEqual([
		'partnerAccess',
		'legacyDepartment',
		'legacyPerson',
		'legacyWorkout',
		'customApiCall',
	]);
	expect([...values].sort()).toEqual(
		[
			'customApiCall',
			'goClient',
			'legacyDepartment',
			'legacyPerson',
			'legacyWorkout',
			'partner',
			'partnerAccess',
			'planTemplate',
			'signIn',
			'user',
			'workoutExport',
		].sort(),
	);
});
