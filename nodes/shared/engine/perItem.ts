/*
 * Why: several steps of one item share values (each parameter evaluated once, an input error
 * kept for the request step), kept by the item's own context.
 * Relies on n8n-core execution-engine/routing-node.js: `runNode` makes one ExecuteSingleContext
 * per item and hands it to every preSend step of that item, and `makeRequest` makes the paging
 * hook's context with `Object.create(executeSingleFunctions, …)` from it, so the item's own
 * context is in the paging context's prototype chain.
 */

/** A value kept per item of a run, found again from the item's paging hook. */
export class PerItem<T> {
	private readonly values = new WeakMap<object, T>();

	get(ctx: object): T | undefined {
		// The item's context or one made from it (see above); runs on every parameter read.
		for (let inner: object | null = ctx; inner; inner = Object.getPrototypeOf(inner) as object) {
			const value = this.values.get(inner);
			if (value !== undefined) return value;
		}
		return undefined;
	}

	set(ctx: object, value: T): void {
		this.values.set(ctx, value);
	}

	/** The value for the item of `ctx`, made by `create` on first use. */
	of(ctx: object, create: () => T): T {
		const known = this.get(ctx);
		if (known !== undefined) return known;
		const value = create();
		this.set(ctx, value);
		return value;
	}
}
