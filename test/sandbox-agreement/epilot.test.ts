/**
 * The Epilot node against the local sandbox over real loopback HTTP: the node's requests pass
 * the fake's spec validation and its assumptions about answers hold (README "Sandbox").
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import { runNode } from '../harness/engine';
import { startSandboxProcess, type SandboxProcess } from '../harness/sandbox-process';

const ORG = '200001';
const rl = (value: string) => ({ __rl: true, mode: 'id', value });
let sandbox: SandboxProcess;
let credentials: Record<string, ICredentialDataDecryptedObject>;
const run = (parameters: INodeParameters) => runNode({ node: 'epilot', credentials, parameters });

beforeAll(async () => {
	sandbox = await startSandboxProcess({ SANDBOX_ASSIGNABLES: '2500' });
	credentials = { epilotApi: sandbox.credentials.epilotApi };
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.control('POST', '/reset'));

test('Search Assignables with Return All pages through every assignable', async () => {
	const { items, error } = await run({
		resource: 'assignable',
		operation: 'search',
		returnAll: true,
	});
	expect(error).toBeUndefined();
	// 2500 generated + the seeded partner organization and its user.
	expect(items).toHaveLength(2502);
	const requests = await sandbox.control<Array<{ operationId: string; status: number }>>(
		'GET',
		'/requests',
	);
	expect(requests.every((r) => r.operationId === 'searchAssignable' && r.status === 200)).toBe(
		true,
	);
	expect(requests).toHaveLength(3); // pages of 1000
});

test('create a partner user, then assign and unassign roles', async () => {
	const created = await run({
		resource: 'partnerUser',
		operation: 'create',
		orgId: rl(ORG),
		email: 'agreement@partner.example',
	});
	expect(created.error).toBeUndefined();
	const userId = created.items[0].json.id as string;
	const assigned = await run({
		resource: 'partnerUser',
		operation: 'assignRoles',
		orgId: rl(ORG),
		userId: rl(userId),
		roleIds: [`${ORG}:partner_sales`],
	});
	expect(assigned.error).toBeUndefined();
	const users = await run({ resource: 'partnerUser', operation: 'getAll', orgId: rl(ORG) });
	const mine = users.items.map((i) => i.json).find((u) => u.id === userId);
	expect(mine?.roles).toEqual([
		{ id: `${ORG}:partner_sales`, slug: 'partner_sales', name: 'Partner Sales' },
	]);
	// Unassigning a role the user does not hold fails the item (per-role success: false).
	const unassigned = await run({
		resource: 'partnerUser',
		operation: 'unassignRoles',
		orgId: rl(ORG),
		userId: rl(userId),
		roleIds: [`${ORG}:partner_viewer`],
	});
	expect(unassigned.error?.message).toMatch(/1 of 1 roles could not be unassigned/);
	expect(JSON.stringify(unassigned.error)).toMatch(/partner_viewer is not assigned/);
});

test('a vendor error from the sandbox reaches the user with status and message', async () => {
	const { error } = await run({
		resource: 'partnerRole',
		operation: 'getAll',
		orgId: rl('999999'),
	});
	expect(error?.name).toBe('NodeApiError');
	expect(String(error?.httpCode)).toBe('404');
	expect(`${error?.message} ${error?.description}`).toMatch(
		/Partner organization 999999 not found/,
	);
});

test('Search Assignables with Offset and Limit returns that page only', async () => {
	const all = await run({ resource: 'assignable', operation: 'search', limit: 6 });
	const page = await run({ resource: 'assignable', operation: 'search', limit: 3, offset: 3 });
	expect(page.error).toBeUndefined();
	expect(page.items.map((i) => i.json)).toEqual(all.items.slice(3).map((i) => i.json));
});

test('a role updated with ID in Body and a dependency with conditions passes the spec', async () => {
	const updated = await run({
		resource: 'partnerRole',
		operation: 'update',
		orgId: rl(ORG),
		roleId: rl(`${ORG}:partner_sales`),
		name: 'Partner Sales',
		slug: 'partner_sales',
		grantsInputMode: 'fields',
		grants: {
			grant: [
				{
					action: 'entity-read',
					resource: 'entity:*:opportunity:*',
					effect: 'allow',
					dependencies: {
						dependency: [
							{
								action: 'entity-read',
								resource: 'entity:*:contact:*',
								effect: 'allow',
								conditions: { condition: [{ attribute: 'type', values: 'lead' }] },
							},
						],
					},
				},
			],
		},
		roleUpdateFields: { id: `${ORG}:partner_sales` },
	});
	expect(updated.error).toBeUndefined();
	const requests = await sandbox.control<Array<{ operationId: string; status: number }>>(
		'GET',
		'/requests',
	);
	expect(requests.map((r) => `${r.operationId} ${r.status}`)).toEqual(['updatePartnerRole 200']);
});
