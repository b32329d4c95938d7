/**
 * foldRepeatedFields folds repeated definitions of one field into one. For every node of the
 * package, each resource/operation must still show exactly the same fields, in the same order,
 * as with every definition kept; and the folding must cut the definitions n8n resolves per item.
 */
import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

const DIST = '../../dist/nodes';
const NODES = ['Epilot/Epilot', 'Exolink/Exolink', 'ExorLive/ExorLive'];

function describeNode(file: string, fold: boolean): INodeTypeDescription {
	let description: INodeTypeDescription | undefined;
	jest.isolateModules(() => {
		if (!fold) {
			jest.doMock(`${DIST}/shared/foldRepeatedFields`, () => ({
				foldRepeatedFields: (properties: INodeProperties[]) => properties,
			}));
		}
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require(`${DIST}/${file}.node`) as Record<
			string,
			new () => { description: INodeTypeDescription }
		>;
		description = new (Object.values(module)[0])().description;
		jest.dontMock(`${DIST}/shared/foldRepeatedFields`);
	});
	return description!;
}

/** Each resource/operation pair with the fields it shows (definition without displayOptions). */
function visibleFields(description: INodeTypeDescription) {
	const pairs: Array<[string, string]> = [];
	for (const property of description.properties) {
		if (property.name !== 'operation') continue;
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of property.options as INodePropertyOptions[]) {
				pairs.push([resource, String(option.value)]);
			}
		}
	}
	return Object.fromEntries(
		pairs.map(([resource, operation]) => [
			`${resource} ${operation}`,
			description.properties
				.filter((p) =>
					NodeHelpers.displayParameter({ resource, operation }, p, { typeVersion: 1 }, description),
				)
				// Compared as text without the field's own displayOptions: each load makes its own
				// preSend and postReceive functions.
				.map((field) =>
					JSON.stringify({ ...field, displayOptions: undefined }, (_key, value: unknown) =>
						typeof value === 'function' ? String(value) : value,
					),
				),
		]),
	);
}

describe.each(NODES)('%s', (file) => {
	const kept = describeNode(file, false);
	const folded = describeNode(file, true);

	it('shows every resource/operation the same fields, in the same order', () => {
		expect(visibleFields(folded)).toEqual(visibleFields(kept));
	});

	it('shows each resource its operation above its fields', () => {
		const names = folded.properties.map((p) => p.name);
		for (const [index, property] of folded.properties.entries()) {
			if (property.name !== 'operation') continue;
			const [resource] = property.displayOptions!.show!.resource as string[];
			const fields = folded.properties.filter(
				(p, at) =>
					at < index &&
					p.name !== 'resource' &&
					(p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
			);
			expect(fields.map((p) => p.name)).toEqual([]);
		}
		expect(names[0]).toBe('resource');
	});
});

it('folds the repeated fields the nodes define per resource or operation', () => {
	const count = (file: string, fold: boolean, name: string) =>
		describeNode(file, fold).properties.filter((p) => p.name === name).length;
	expect([count('Epilot/Epilot', false, 'orgId'), count('Epilot/Epilot', true, 'orgId')]).toEqual([
		2, 1,
	]);
	expect([
		count('Exolink/Exolink', false, 'tenant'),
		count('Exolink/Exolink', true, 'tenant'),
	]).toEqual([5, 1]);
	// Optional for most resources, required for the Go client and plan templates.
	expect([
		count('ExorLive/ExorLive', false, 'actAsUserId'),
		count('ExorLive/ExorLive', true, 'actAsUserId'),
	]).toEqual([9, 2]);
});
