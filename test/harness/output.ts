/**
 * Output tests of the three nodes (Simplify, and Output as an AI tool): a case run with one input
 * item and its expected output items, each paired with that item.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { RunResult } from './engine';

/** Runs a case with its expected output (a node's runner, which checks it). */
type Runner<C> = (testCase: C & { output: IDataObject[] }) => Promise<RunResult>;

/** Runs a case that must output `output`, every item paired with the one input item. */
export type ExpectItems<C> = (testCase: C, output: IDataObject[]) => Promise<RunResult>;

export function expectItemsWith<C>(run: Runner<C>): ExpectItems<C> {
	return async (testCase, output) => {
		const result = await run({ ...testCase, output });
		// Every item stays paired with its input item.
		expect(result.items.map((item) => item.pairedItem)).toEqual(output.map(() => ({ item: 0 })));
		return result;
	};
}

/** The same case with Simplify on (the default) and off: two tests under `title`. */
export function simplifyCases<C extends { title: string; parameters: INodeParameters }>(
	expectItems: (testCase: C, output: IDataObject[]) => Promise<unknown>,
	title: string,
	testCase: Omit<C, 'title'>,
	simplified: IDataObject[],
	raw: IDataObject[],
) {
	const simplifyOn = { title, ...testCase } as C;
	describe(title, () => {
		it('outputs the simplified records by default', async () => {
			for (const item of simplified) expect(Object.keys(item).length).toBeLessThanOrEqual(10);
			await expectItems(simplifyOn, simplified);
		});
		it('outputs the raw answer with Simplify off', async () => {
			const parameters = { ...simplifyOn.parameters, simplify: false };
			await expectItems({ ...simplifyOn, parameters }, raw);
		});
	});
}
