// The one list of the sandbox's assumed answers (docs/sandbox-assumptions.md is made from it by
// scripts/sandbox-assumptions.mjs, and a self-test keeps the two equal).

/** Every assumption of the given vendor factories, in vendor order, as the sandbox knows them. */
export function assumptionsOf(factories) {
	return assumptionsOfMounted(factories.map((factory) => factory({ assumes: () => false })));
}

/** The same for vendors already made (a running sandbox's). */
export function assumptionsOfMounted(vendors) {
	return vendors.flatMap((vendor) => {
		return [
			...vendor.routes
				.filter((route) => route.assumed)
				.map((route) => ({
					vendor: vendor.name,
					operationId: route.operationId,
					...route.assumed,
				})),
			...(vendor.assumptions ?? []).map((assumption) => ({ vendor: vendor.name, ...assumption })),
		];
	});
}

const cell = (text) =>
	String(text ?? '')
		.replace(/\|/g, '\\|')
		.replace(/\n/g, ' ');

/** The Markdown page listing them. */
export function assumptionsMarkdown(assumptions) {
	const rows = assumptions.map(
		(a) =>
			`| \`${a.name}\` | ${a.operationId ? `\`${a.operationId}\`` : '(every error)'} | ${cell(a.vendorSays)} | ${cell(a.weAssume)} |`,
	);
	return [
		'# Sandbox: answers the vendors do not document',
		'',
		'<!-- Made by `node scripts/sandbox-assumptions.mjs` from the sandbox code; do not edit by hand. -->',
		'',
		'By default the sandbox answers only what the vendors document: where a vendor shows no answer',
		'body, the sandbox sends the status and no body (or only the documented fields). Each answer',
		'below is what the sandbox sends instead when that assumption is turned on: all of them with',
		'`SANDBOX_ANSWERS=assumed`, or some by name, e.g. `SANDBOX_ANSWERS=exolink.inviteAnswer`',
		'(also `npm run sandbox -- --answers assumed`). The nodes work from the documented answers; a',
		'test that needs an assumed one names it.',
		'',
		'| Name | Operation | What the vendor documents | What the sandbox assumes when on |',
		'| --- | --- | --- | --- |',
		...rows,
		'',
	].join('\n');
}
