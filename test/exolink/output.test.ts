/**
 * Simplify (on by default) on the operations whose documented answer has more than 10 fields
 * (Product: 11, Charger: 14 before the docs page ends), and the Output choice of the Exolink
 * tool (the `exolinkTool` variant n8n builds for AI agents).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { runCase, type NodeCase } from '../harness/cases';
import { expectItemsWith, simplifyCases as simplifyBoth } from '../harness/output';
import { exolink, rl } from './suite';

const product = (id: number) => ({
	id,
	name: 'connect_basic',
	displayName: 'Connect Basic',
	description: 'One OCPP broker tenant',
	active: true,
	price: 2900,
	stripeProductId: `prod_${id}`,
	stripePriceId: `price_${id}`,
	metadata: { type: 'connect', limits: { chargers: 10 }, features: ['broker'] },
	createdAt: '2026-01-15T09:00:00.000Z',
	updatedAt: '2026-01-16T09:00:00.000Z',
});
const simpleProduct = (id: number) => ({
	id,
	name: 'connect_basic',
	displayName: 'Connect Basic',
	description: 'One OCPP broker tenant',
	active: true,
	price: 2900,
});

const charger = (id: number) => ({
	id,
	tenantId: 1,
	profileId: 4,
	displayName: `Bay ${id}`,
	provisioned: true,
	identity: `CP-${id}`,
	chargeBoxSerialNumber: `CB-${id}`,
	chargePointSerialNumber: `CPS-${id}`,
	meterSerialNumber: `M-${id}`,
	chargePointModel: 'KC-P30-EC2404B2-E00',
	chargePointVendor: 'Keba AG',
	firmwareVersion: '3.10.42',
	iccid: '8949000000000000000',
	imsi: '262000000000000',
});
const simpleCharger = (id: number) => ({
	id,
	tenantId: 1,
	profileId: 4,
	displayName: `Bay ${id}`,
	identity: `CP-${id}`,
	provisioned: true,
	chargePointVendor: 'Keba AG',
	chargePointModel: 'KC-P30-EC2404B2-E00',
	firmwareVersion: '3.10.42',
});

const tenantUser = {
	userId: '4b1c2f6e-8d7a-4f3e-9c1b-2a5d6e7f8a9b',
	username: 'ada@company.example',
	givenName: 'Ada',
	familyName: 'Admin',
	role: 'admin',
};
const user = {
	userId: '4b1c2f6e-8d7a-4f3e-9c1b-2a5d6e7f8a9b',
	username: 'ada@company.example',
	email: 'ada@company.example',
	givenName: 'Ada',
	familyName: 'Admin',
	mfa: true,
	perms: { abc123: 'admin' },
	createdAt: '2026-01-15T09:00:00.000Z',
	updatedAt: '2026-01-16T09:00:00.000Z',
};

const expectItems = expectItemsWith((testCase: NodeCase) => runCase(exolink, testCase));

/** The case reading `answer` from a GET of `path`, with Simplify on and off. */
function simplifyCases(
	title: string,
	parameters: INodeParameters,
	path: string,
	answer: unknown,
	simplified: IDataObject[],
	raw: IDataObject[],
) {
	const requests = [{ method: 'GET', path, reply: { body: answer } }];
	simplifyBoth(expectItems, title, { parameters, requests }, simplified, raw);
}

describe('Exolink Simplify', () => {
	simplifyCases(
		'Product > Get Many',
		{ resource: 'product', operation: 'getAll' },
		'/product',
		[product(1), product(2)],
		[simpleProduct(1), simpleProduct(2)],
		[product(1), product(2)],
	);
	simplifyCases(
		'Product > Get',
		{ resource: 'product', operation: 'get', productId: rl('2') },
		'/product/2',
		product(2),
		[simpleProduct(2)],
		[product(2)],
	);
	simplifyCases(
		'Charger > Get Many',
		{ resource: 'charger', operation: 'getAll', tenant: 'abc123' },
		'/tenant/abc123/charger',
		[charger(1), charger(2)],
		[simpleCharger(1), simpleCharger(2)],
		[charger(1), charger(2)],
	);
});

describe('Exolink as an AI tool: Output', () => {
	const getUser = [
		{ method: 'GET', path: `/user/${user.userId}`, reply: { body: user } },
	] as NodeCase['requests'];
	const userParameters = { resource: 'user', operation: 'get', userId: rl(user.userId) };

	it('Simplified (the default) leaves out the MFA flag and the timestamps', async () => {
		await expectItems(
			{ title: 'tool', tool: true, parameters: userParameters, requests: getUser },
			[
				{
					userId: user.userId,
					username: user.username,
					email: user.email,
					givenName: 'Ada',
					familyName: 'Admin',
					perms: { abc123: 'admin' },
				},
			],
		);
	});

	it('Raw outputs the answer as it is', async () => {
		await expectItems(
			{
				title: 'tool',
				tool: true,
				parameters: { ...userParameters, output: 'raw' },
				requests: getUser,
			},
			[user],
		);
	});

	it('Selected Fields outputs the fields named, also inside an object', async () => {
		await expectItems(
			{
				title: 'tool',
				tool: true,
				parameters: { ...userParameters, output: 'fields', fields: 'email,perms.abc123' },
				requests: getUser,
			},
			[{ email: user.email, perms: { abc123: 'admin' } }],
		);
	});

	it('the Simplify switch is ignored: Simplify off still outputs Simplified', async () => {
		await expectItems(
			{
				title: 'tool',
				tool: true,
				parameters: { resource: 'product', operation: 'get', productId: rl('2'), simplify: false },
				requests: [{ method: 'GET', path: '/product/2', reply: { body: product(2) } }],
			},
			[simpleProduct(2)],
		);
	});

	it('Tenant User > Get Many as a tool outputs its five documented fields', async () => {
		await expectItems(
			{
				title: 'tool',
				tool: true,
				parameters: { resource: 'tenantUser', operation: 'getAll', tenant: 'abc123' },
				requests: [
					{
						method: 'GET',
						path: '/tenant/abc123/user',
						reply: { body: [{ ...tenantUser, lastLoginAt: '2026-01-17T09:00:00.000Z' }] },
					},
				],
			},
			[tenantUser],
		);
	});

	it('outside a tool, Output is ignored and a small answer is never simplified', async () => {
		await expectItems(
			{
				title: 'node',
				parameters: { ...userParameters, output: 'fields', fields: 'email' },
				requests: getUser,
			},
			[user],
		);
	});
});
