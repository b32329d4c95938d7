/**
 * Every operation of a node as n8n loads it, with the fields shown for it: read from the built
 * description, so that tests covering all operations (and their fields) cover new ones as they
 * are added. `everyOperation` gives each with plain values in its required fields, for tests that
 * run all operations against one kind of answer.
 */
import type {
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
} from 'n8n-workflow';
import { loadPackage } from './engine';

/** A place a value is typed into: a field, or a field inside its collections and fixedCollections. */
export interface Input {
	property: INodeProperties;
	/** Where it is in the parameters: the names (and list indexes) from the top-level field down. */
	path: Array<string | number>;
	/** "resource > operation: Field" or "resource > operation: Field > Inner Field" */
	title: string;
}

/** A top-level field shown for an operation. */
export interface Field {
	property: INodeProperties;
	/** Shown for the resource and operation alone: no further condition, never hidden. */
	unconditional: boolean;
	/**
	 * The values of the other fields it shows for (the first each condition names; where it runs,
	 * as an AI tool or not, aside): to be set with it. Undefined where no plain values show it (it
	 * has hide conditions, or a condition on an object).
	 */
	shownWith: INodeParameters | undefined;
	/** Shown only when the node runs as an AI tool (`'@tool': [true]`). */
	tool: boolean;
	/** The field itself or, for a collection or fixedCollection, the fields inside (at any depth). */
	inputs: Input[];
}

export interface Operation {
	resource: string;
	operation: string;
	/** "resource > operation" */
	title: string;
	/** The fields shown for it (the resource and operation dropdowns aside), in description order. */
	fields: Field[];
}

function shownFor(property: INodeProperties, resource: string, operation: string): boolean {
	const show = property.displayOptions?.show;
	if (!show || (!show.resource && !show.operation)) return false;
	return (
		(show.resource ?? [resource]).includes(resource) &&
		(show.operation ?? [operation]).includes(operation)
	);
}

/** The extra conditions under which a field shows (besides resource and operation). */
function conditions(property: INodeProperties): INodeParameters | undefined {
	const show = property.displayOptions?.show ?? {};
	if (property.displayOptions?.hide) return undefined;
	const extra: INodeParameters = {};
	for (const [key, wanted] of Object.entries(show)) {
		// Where the node runs (as a tool or not) is no parameter: see `tool`.
		if (key === 'resource' || key === 'operation' || key === '@tool') continue;
		const [first] = (wanted ?? []) as unknown[];
		if (first === undefined || (first && typeof first === 'object')) return undefined;
		extra[key] = first as INodeParameters[string];
	}
	return extra;
}

/** The fields inside `property` at `path` (collections and fixedCollections opened, at any depth). */
function leaves(
	property: INodeProperties,
	path: Array<string | number>,
): Array<Omit<Input, 'title'>> {
	if (property.type === 'collection') {
		return ((property.options ?? []) as INodeProperties[]).flatMap((option) =>
			leaves(option, [...path, option.name]),
		);
	}
	if (property.type === 'fixedCollection') {
		const many = property.typeOptions?.multipleValues === true;
		return ((property.options ?? []) as INodePropertyCollection[]).flatMap((group) =>
			(group.values ?? []).flatMap((value) =>
				leaves(value, [...path, group.name, ...(many ? [0] : []), value.name]),
			),
		);
	}
	return [{ property, path }];
}

function fieldOf(property: INodeProperties, title: string): Field {
	const show = property.displayOptions?.show ?? {};
	return {
		property,
		unconditional:
			!property.displayOptions?.hide &&
			Object.keys(show).every((key) => key === 'resource' || key === 'operation'),
		shownWith: conditions(property),
		tool: (show['@tool'] as unknown[] | undefined)?.[0] === true,
		inputs: leaves(property, [property.name]).map((input) => ({
			...input,
			title: `${title}: ${[property.displayName, ...(input.property === property ? [] : [input.property.displayName])].join(' > ')}`,
		})),
	};
}

/** Every operation of `node` (the Custom API Call included), with the fields shown for it. */
export async function operationsOf(node: string): Promise<Operation[]> {
	const loader = await loadPackage();
	const { properties } = loader.getNode(node).type.description as { properties: INodeProperties[] };
	const result: Operation[] = [];
	for (const dropdown of properties.filter((p) => p.name === 'operation')) {
		const [resource] = (dropdown.displayOptions?.show?.resource ?? []) as string[];
		if (!resource) continue;
		for (const { value } of (dropdown.options ?? []) as INodePropertyOptions[]) {
			const operation = String(value);
			const title = `${resource} > ${operation}`;
			const fields = properties
				.filter((property) => !['resource', 'operation'].includes(property.name))
				.filter((property) => shownFor(property, resource, operation))
				.map((property) => fieldOf(property, title));
			result.push({ resource, operation, title, fields });
		}
	}
	return result;
}

function plainValue(property: INodeProperties): INodeParameters[string] {
	const id = /mail/i.test(property.name) ? 'a@b.test' : '101';
	if (property.type === 'resourceLocator') return { __rl: true, mode: 'id', value: id };
	if (property.type === 'number') return 101;
	if (property.type === 'string') return id;
	if (property.type === 'multiOptions') return ['101'];
	return property.default;
}

export interface OperationRun {
	/** "resource > operation" */
	title: string;
	parameters: INodeParameters;
}

export async function everyOperation(node: string): Promise<OperationRun[]> {
	return (await operationsOf(node)).map(({ resource, operation, title, fields }) => {
		const parameters: INodeParameters = { resource, operation };
		for (const { property } of fields) {
			if (property.required) parameters[property.name] = plainValue(property);
		}
		if (resource === 'customApiCall') parameters.requestPath = '/x';
		return { title, parameters };
	});
}
