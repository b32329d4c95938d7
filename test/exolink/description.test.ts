/** The node as n8n loads it: every resource has operations with an action text (the AI tool's purpose). */
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { loadPackage } from '../harness/engine';

describe('Exolink node description', () => {
	it('offers each resource with operations that all have an action and a description', async () => {
		const loader = await loadPackage();
		const { description } = loader.getNode('exolink').type as INodeType;
		expect(description.usableAsTool).toBe(true);
		const byName = (name: string) =>
			description.properties.filter((p: INodeProperties) => p.name === name);
		const values = (property: INodeProperties) =>
			(property.options as INodePropertyOptions[]).map((option) => option.value);
		expect(values(byName('resource')[0])).toEqual([
			'charger',
			'cpms',
			'ipWhitelist',
			'product',
			'tenant',
			'tenantUser',
			'user',
			'customApiCall',
		]);
		const operations: Record<string, unknown[]> = {};
		for (const property of byName('operation')) {
			operations[String(property.displayOptions?.show?.resource?.[0])] = values(property);
			for (const option of property.options as INodePropertyOptions[]) {
				expect([option.value, typeof option.action, typeof option.description]).toEqual([
					option.value,
					'string',
					'string',
				]);
			}
		}
		expect(operations).toEqual({
			charger: ['getAll'],
			cpms: ['create', 'getAll'],
			customApiCall: ['send'],
			ipWhitelist: ['add', 'delete', 'getAll'],
			product: ['get', 'getAll'],
			tenant: ['get', 'getMetrics', 'getStatistics', 'getSubscription', 'update'],
			tenantUser: ['getAll', 'invite', 'remove', 'setRole', 'setRoles'],
			user: ['get', 'update'],
		});
	});
});
