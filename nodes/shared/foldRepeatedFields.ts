import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/*
 * Why: n8n's routing engine evaluates a parameter once per definition of its name, shown or not,
 * and twice per item (once more for the base URL), so operations that each define the same field
 * (a tenant, an organization, Act As User ID) multiply every item's expression work. Definitions
 * of one field are folded into one covering all their displayOptions only where the editor shows
 * the same: the same resource/operation pairs, and no field sharing a pair changes places.
 * Names and values stay, so saved workflows do too.
 */

/**
 * Lists `resource`, the operation dropdowns, then the fields: a merged field stands where its
 * first definition stood, still below each resource's operation.
 */
export function foldRepeatedFields(properties: INodeProperties[]): INodeProperties[] {
	const operations = operationsByResource(properties);
	const folded: Array<{ property: INodeProperties; reach: Set<string> }> = [];
	for (const property of properties) {
		const pairs = shownPairs(property, operations);
		if (!pairs || !mergeIntoEarlier(folded, property, pairs, operations)) {
			folded.push({ property, reach: pairs ?? reach(property, operations) });
		}
	}
	const rank = ({ name }: INodeProperties) =>
		name === 'resource' ? 0 : name === 'operation' ? 1 : 2;
	// Array sort is stable: the order within each rank stays.
	return folded.map(({ property }) => property).sort((a, b) => rank(a) - rank(b));
}

type Operations = Map<string, string[]>;

/**
 * Merges `property` into an earlier definition of the same field, if one takes it without
 * showing anywhere new and without moving it above a field it came after; true if merged.
 */
function mergeIntoEarlier(
	folded: Array<{ property: INodeProperties; reach: Set<string> }>,
	property: INodeProperties,
	pairs: Set<string>,
	operations: Operations,
): boolean {
	for (let index = 0; index < folded.length; index++) {
		const earlier = folded[index];
		if (earlier.property.name !== property.name) continue;
		const merged = mergedField(earlier.property, property, operations);
		const mergedPairs = merged && shownPairs(merged, operations);
		const wanted = new Set([...earlier.reach, ...pairs]);
		if (!mergedPairs || mergedPairs.size !== wanted.size) continue;
		if (![...mergedPairs].every((pair) => wanted.has(pair))) continue;
		const overtaken = folded
			.slice(index + 1)
			.some(({ reach }) => [...reach].some((pair) => pairs.has(pair)));
		if (overtaken) continue;
		folded[index] = { property: merged, reach: mergedPairs };
		return true;
	}
	return false;
}

function operationsByResource(properties: INodeProperties[]): Operations {
	const operations: Operations = new Map();
	for (const property of properties) {
		const resources = property.displayOptions?.show?.resource;
		if (property.name !== 'operation' || !Array.isArray(resources)) continue;
		const values = ((property.options ?? []) as INodePropertyOptions[]).map((o) => String(o.value));
		for (const resource of resources) operations.set(String(resource), values);
	}
	return operations;
}

/**
 * The resource/operation pairs a field may show for by `show.resource` and `show.operation`
 * (other conditions only narrow it); none for the dropdowns, which sort above every field.
 */
function reach(property: INodeProperties, operations: Operations): Set<string> {
	const pairs = new Set<string>();
	if (property.name === 'resource' || property.name === 'operation') return pairs;
	const show = property.displayOptions?.show ?? {};
	const resources = Array.isArray(show.resource)
		? show.resource.map(String)
		: [...operations.keys()];
	const only = Array.isArray(show.operation) ? show.operation.map(String) : undefined;
	for (const resource of resources) {
		for (const operation of operations.get(resource) ?? []) {
			if (!only || only.includes(operation)) pairs.add(`${resource} ${operation}`);
		}
	}
	return pairs;
}

/** The pairs a field shows for, when only resource and operation decide; otherwise undefined. */
function shownPairs(property: INodeProperties, operations: Operations): Set<string> | undefined {
	if (property.name === 'resource' || property.name === 'operation') return undefined;
	const { show, ...others } = property.displayOptions ?? {};
	const { resource, operation, ...conditions } = show ?? {};
	const simple =
		Array.isArray(resource) &&
		(operation === undefined || Array.isArray(operation)) &&
		!Object.keys(others).length &&
		!Object.keys(conditions).length;
	return simple ? reach(property, operations) : undefined;
}

/** One field from two definitions that differ only in their resource/operation condition. */
function mergedField(
	a: INodeProperties,
	b: INodeProperties,
	operations: Operations,
): INodeProperties | undefined {
	const { displayOptions: aOptions, ...aField } = a;
	const { displayOptions: bOptions, ...bField } = b;
	if (!equal(aField, bField)) return undefined;
	const aShow = aOptions!.show!;
	const bShow = bOptions!.show!;
	const union = (x: unknown, y: unknown) => [...new Set([...(x as string[]), ...(y as string[])])];
	const allOperations = (show: typeof aShow) =>
		show.operation ?? (show.resource as string[]).flatMap((r) => operations.get(String(r)) ?? []);
	return {
		...a,
		displayOptions: {
			show: {
				resource: union(aShow.resource, bShow.resource),
				...(aShow.operation || bShow.operation
					? { operation: union(allOperations(aShow), allOperations(bShow)) }
					: {}),
			},
		},
	};
}

/** Deep equality of field definitions; functions (preSend, postReceive) by identity. */
function equal(x: unknown, y: unknown): boolean {
	if (x === y) return true;
	if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
	if (Array.isArray(x) !== Array.isArray(y)) return false;
	const xKeys = Object.keys(x);
	return (
		xKeys.length === Object.keys(y).length &&
		xKeys.every((key) =>
			equal((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]),
		)
	);
}
