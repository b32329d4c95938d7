/**
 * Checks grants against the spec's GrantWithDependencies schema and returns the first problem
 * in words a user can act on (with the grant's position), or undefined when the list is valid.
 * Empty optional strings (what the form sends for unset fields) count as unset.
 */
type Grant = Record<string, unknown>;

const EFFECTS = ['allow', 'deny'];
const OPTIONAL_STRINGS = ['resource', 'effect'];

/** A copy of the grant without optional fields left empty; the input stays as it was. */
function withoutEmptyOptionals(grant: Grant): Grant {
	return Object.fromEntries(
		Object.entries(grant).filter(
			([key, value]) => !(OPTIONAL_STRINGS.includes(key) && (value === '' || value === undefined)),
		),
	);
}

/** The grants as sent: optional fields left empty are dropped, at every level. */
export function cleanGrants(grants: unknown[]): unknown[] {
	return grants.map((grant) => {
		if (!grant || typeof grant !== 'object' || Array.isArray(grant)) return grant;
		const clean = withoutEmptyOptionals(grant as Grant);
		if (Array.isArray(clean.dependencies)) clean.dependencies = cleanGrants(clean.dependencies);
		return clean;
	});
}

function problemInGrant(
	grant: unknown,
	where: string,
	allowDependencies: boolean,
): string | undefined {
	if (!grant || typeof grant !== 'object' || Array.isArray(grant))
		return `${where} must be an object`;
	const g = withoutEmptyOptionals(grant as Grant);
	if (typeof g.action !== 'string' || !g.action.trim())
		return `${where} needs an "action", e.g. "entity-read"`;
	if (g.resource !== undefined && typeof g.resource !== 'string')
		return `${where}: "resource" must be a string`;
	if (g.effect !== undefined && !EFFECTS.includes(g.effect as string)) {
		return `${where}: "effect" must be "allow" or "deny", not ${JSON.stringify(g.effect)}`;
	}
	if (g.conditions !== undefined) {
		if (!Array.isArray(g.conditions)) return `${where}: "conditions" must be an array`;
		for (const [i, c] of (g.conditions as Grant[]).entries()) {
			const at = `${where}, condition ${i + 1}`;
			if (!c || typeof c !== 'object') return `${at} must be an object`;
			if (typeof c.attribute !== 'string' || !c.attribute.trim())
				return `${at} needs an "attribute"`;
			if (c.operation !== 'equals') return `${at}: "operation" must be "equals"`;
			if (
				!Array.isArray(c.values) ||
				!c.values.length ||
				c.values.some((v) => typeof v !== 'string')
			) {
				return `${at}: "values" must be a non-empty array of strings`;
			}
		}
	}
	if (g.dependencies !== undefined) {
		if (!allowDependencies) return `${where}: a dependency cannot have dependencies`;
		if (!Array.isArray(g.dependencies)) return `${where}: "dependencies" must be an array`;
		for (const [i, d] of (g.dependencies as unknown[]).entries()) {
			const problem = problemInGrant(d, `${where}, dependency ${i + 1}`, false);
			if (problem) return problem;
		}
	}
	return undefined;
}

export function validateGrants(grants: unknown): string | undefined {
	if (!Array.isArray(grants)) return 'must be an array of grants';
	if (!grants.length) return 'add at least one grant';
	for (const [i, grant] of grants.entries()) {
		const problem = problemInGrant(grant, `grant ${i + 1}`, true);
		if (problem) return problem;
	}
	return undefined;
}
