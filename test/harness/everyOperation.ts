/**
 * Every operation of a node as n8n loads it, each with plain values in its required fields:
 * for tests that run all operations against one kind of answer.
 */
import type { INodeParameters, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { loadPackage } from './engine';

function plainValue(property: INodeProperties): INodeParameters[string] {
	const id = /mail/i.test(property.name) ? 'a@b.test' : '101';
	if (property.type === 'resourceLocator') return { __rl: true, mode: 'id', value: id };
	if (property.type === 'number') return 101;
	if (property.type === 'string') return id;
	if (property.type === 'multiOptions') return ['101'];
	return property.default;
}

function shownFor(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show ?? {};
	return (
		Object.keys(show).length > 0 &&
		(show.resource ?? [resource]).includes(resource) &&
		(show.operation ?? [operation]).includes(operation)
	);
}

export interface OperationRun {
	/** "resource > operation" */
	title: string;
	parameters: INodeParameters;
}

export async function everyOperation(node: string): Promise<OperationRun[]> {
	const loader = await loadPackage();
	const { properties } = loader.getNode(node).type.description as { properties: INodeProperties[] };
	const result: OperationRun[] = [];
	for (const selector of properties.filter((p) => p.name === 'operation')) {
		const [resource] = (selector.displayOptions?.show?.resource ?? []) as string[];
		if (!resource) continue;
		for (const { value } of (selector.options ?? []) as INodePropertyOptions[]) {
			const operation = String(value);
			const parameters: INodeParameters = { resource, operation };
			for (const property of properties) {
				if (property.required && shownFor(property, resource, operation)) {
					parameters[property.name] = plainValue(property);
				}
			}
			if (resource === 'customApiCall') parameters.requestPath = '/x';
			result.push({ title: `${resource} > ${operation}`, parameters });
		}
	}
	return result;
}
