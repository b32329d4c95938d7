/**
 * The saved surface of the package: what users' saved workflows and credentials hold of it (node
 * type names and versions, parameter names, types, defaults, option values, resource locator
 * modes, credential fields), read from the built package, and the comparison of a recorded
 * surface (test/saved-surface.lock.json) with the current one.
 *
 * A parameter is identified by its name where its displayOptions show it. A saved workflow of
 * node version V must still find, under version V (displayOptions `@version` evaluated as n8n
 * does), each parameter wherever it was shown, with the same type, default and option values: so
 * a change that comes with a new node version, the old definition kept for the old versions
 * (light versioning), breaks nothing.
 *
 * Used by scripts/saved-surface.mjs and test/shared/savedSurface.test.ts.
 */
// Plain CommonJS (typed by savedSurface.d.ts), so that jest (ts-jest) and the ES module script
// load the same file.
const fs = require('node:fs');
const path = require('node:path');
const { NodeHelpers } = require('n8n-workflow');

/** The package's root: this file is test/harness/savedSurface.js. */
const ROOT = path.resolve(__dirname, '..', '..');
const LOCK_FILE = path.join('test', 'saved-surface.lock.json');
const UPDATE_COMMAND = 'npm run surface:update';
const COMMENT =
	'Saved surface of the built package, what saved workflows hold: checked by ' +
	'test/shared/savedSurface.test.ts, rewritten by `npm run surface:update` (CONTRIBUTING.md, ' +
	'Saved workflows). Do not edit by hand.';

/** Parameters that only show text: nothing of theirs is stored. */
const TEXT_ONLY = new Set(['notice', 'callout']);

// ---------------------------------------------------------------------------------------------
// Canonical values

/** The value with the keys of every object sorted (arrays keep their order). */
function sortKeys(value) {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((key) => [key, sortKeys(value[key])]),
		);
	}
	return value;
}

const canonical = (value) => JSON.stringify(sortKeys(value));
const same = (a, b) => canonical(a) === canonical(b);
function byCanonical(a, b) {
	const [x, y] = [canonical(a), canonical(b)];
	return x < y ? -1 : x > y ? 1 : 0;
}
const sortedValues = (values) => [...values].sort(byCanonical);

// ---------------------------------------------------------------------------------------------
// Surface of descriptions

function displayOptionsSurface({ show, hide }) {
	const conditions = (rules) =>
		Object.fromEntries(Object.entries(rules).map(([key, values]) => [key, sortedValues(values)]));
	const surface = {};
	if (show && Object.keys(show).length > 0) surface.show = sortKeys(conditions(show));
	if (hide && Object.keys(hide).length > 0) surface.hide = sortKeys(conditions(hide));
	return surface;
}

/**
 * One parameter as saved, its keys in a fixed order for reading (name, type, default, values,
 * where it shows, nested parameters); `withContext: false` leaves out displayOptions (credential
 * fields).
 */
function parameterSurface(property, withContext) {
	const entry = {
		name: property.name,
		type: property.type,
		default: sortKeys(property.default),
	};
	if (property.typeOptions?.multipleValues) entry.multipleValues = true;
	if (['options', 'multiOptions'].includes(property.type) && Array.isArray(property.options)) {
		entry.options = sortedValues(property.options.map((option) => option.value));
	}
	if (property.type === 'resourceLocator') {
		entry.modes = (property.modes ?? []).map((mode) => mode.name).sort();
	}
	const displayOptions = withContext && displayOptionsSurface(property.displayOptions ?? {});
	if (displayOptions && Object.keys(displayOptions).length > 0) {
		entry.displayOptions = displayOptions;
	}
	if (property.type === 'collection') {
		entry.fields = parametersSurface(property.options ?? [], withContext);
	}
	if (property.type === 'fixedCollection') {
		entry.groups = byName(
			(property.options ?? []).map((group) => [
				group.name,
				parametersSurface(group.values ?? [], withContext),
			]),
		);
	}
	return entry;
}

/** An object of `[name, value]` pairs, sorted by name. */
const byName = (pairs) =>
	Object.fromEntries(pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Parameters sorted by name, then by where they show: their order is not stored. */
function parametersSurface(properties, withContext = true) {
	return properties
		.filter((property) => !TEXT_ONLY.has(property.type))
		.map((property) => parameterSurface(property, withContext))
		.sort((a, b) => (a.name === b.name ? byCanonical(a, b) : a.name < b.name ? -1 : 1));
}

/** A node type's saved surface, keyed in the lock by `description.name`. */
function surfaceOfNode(description) {
	return {
		versions: [description.version].flat().sort((a, b) => a - b),
		credentials: (description.credentials ?? []).map((credential) => credential.name).sort(),
		parameters: parametersSurface(description.properties),
	};
}

/** A credential type's saved surface: its fields' names, types, defaults and option values. */
function surfaceOfCredential(type) {
	return { properties: parametersSurface(type.properties, false) };
}

function instances(root, files) {
	return files.flatMap((file) => {
		const exported = require(path.resolve(root, file));
		return Object.values(exported).map((Class) => new Class());
	});
}

/** The surface of the built package in `root`, from the classes package.json's "n8n" lists. */
function surfaceOfPackage(root = ROOT) {
	const { n8n } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const nodes = instances(root, n8n.nodes).map((node) => {
		if (node.nodeVersions) {
			throw new Error(
				`${node.description.name} is a versioned node type (nodeVersions): the saved surface ` +
					'records light versioning only (description.version with @version displayOptions)',
			);
		}
		return [node.description.name, surfaceOfNode(node.description)];
	});
	const credentials = instances(root, n8n.credentials).map((type) => [
		type.name,
		surfaceOfCredential(type),
	]);
	return { $comment: COMMENT, nodes: byName(nodes), credentials: byName(credentials) };
}

function readLock(root = ROOT) {
	const file = path.join(root, LOCK_FILE);
	return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

/** The lock's text before formatting (the script formats it with the repository's Prettier). */
const lockText = (surface) => `${JSON.stringify(surface, null, '\t')}\n`;

// ---------------------------------------------------------------------------------------------
// Where a parameter shows

const isCondition = (value) => Boolean(value && typeof value === 'object' && value._cnd);

/** Whether displayOptions `conditions` hold for one value, as n8n evaluates them. */
function holds(conditions, value) {
	return isCondition(value)
		? conditions.some((condition) => same(condition, value))
		: NodeHelpers.checkConditions(conditions, [value]);
}

function without(rules = {}, key) {
	const rest = { ...rules };
	delete rest[key];
	return rest;
}

/**
 * The parameters of `list` that version `version` shows, each with its context: its show and hide
 * rules other than `@version` (credential fields: no version, no context).
 */
function shownAt(list, version) {
	return list.flatMap((entry) => {
		const { show = {}, hide = {} } = entry.displayOptions ?? {};
		if (version !== undefined) {
			if (show['@version'] && !holds(show['@version'], version)) return [];
			if (hide['@version'] && holds(hide['@version'], version)) return [];
		}
		return [
			{ entry, context: { show: without(show, '@version'), hide: without(hide, '@version') } },
		];
	});
}

/** Each single combination of the values a context shows for (with its hide rules). */
function pointsOf({ show, hide }) {
	let points = [{}];
	for (const [key, values] of Object.entries(show)) {
		points = points.flatMap((point) => values.map((value) => ({ ...point, [key]: value })));
	}
	return points.map((point) => ({ show: point, hide }));
}

/** Whether a parameter of context `context` shows at `point` (conservative for `_cnd` values). */
function covers(context, point) {
	for (const [key, conditions] of Object.entries(context.show)) {
		if (!(key in point.show) || !holds(conditions, point.show[key])) return false;
	}
	for (const [key, conditions] of Object.entries(context.hide)) {
		for (const condition of conditions) {
			const value = point.show[key];
			if (key in point.show && !isCondition(value) && !holds([condition], value)) continue;
			if ((point.hide[key] ?? []).some((hidden) => same(hidden, condition))) continue;
			return false;
		}
	}
	return true;
}

const text = (value) => (isCondition(value) ? JSON.stringify(value) : String(value));

function contextText({ show, hide }) {
	const parts = [
		...Object.entries(show).map(([key, values]) => `${key}=${values.map(text).join('|')}`),
		...Object.entries(hide).map(([key, values]) => `not ${key}=${values.map(text).join('|')}`),
	];
	return parts.length > 0 ? ` [${parts.join(', ')}]` : '';
}

const pointText = (point) =>
	Object.entries(point.show)
		.map(([key, value]) => `${key}=${text(value)}`)
		.join(', ');

// ---------------------------------------------------------------------------------------------
// Comparison

/**
 * What of surface `a` surface `b` lacks, as `record(breaks, scope, version, what)`. Run from the
 * lock to the package (`forward`) it finds what breaks, and changed types, defaults and multiple
 * values; run back, what was added.
 */
function diff(a, b, direction, record) {
	const missing = (scope, version, subject) =>
		record(direction.forward, scope, version, `${subject} ${direction.gone}`);

	/** `inCollection`: the fields of a collection, which n8n never fills in with their defaults. */
	function lists(listA, listB, version, scope, prefix, inCollection = false) {
		const shownB = shownAt(listB, version);
		for (const { entry, context } of shownAt(listA, version)) {
			const label = `${prefix}"${entry.name}"${contextText(context)}`;
			const candidates = shownB.filter((candidate) => candidate.entry.name === entry.name);
			const points = pointsOf(context);
			const uncovered = [];
			const matched = new Set();
			for (const point of points) {
				const match = candidates.find((candidate) => covers(candidate.context, point));
				if (match) matched.add(match.entry);
				else uncovered.push(point);
			}
			if (uncovered.length > 0 && uncovered.length === points.length) {
				missing(scope, version, label);
			} else if (uncovered.length > 0) {
				const where = uncovered.map(pointText).join('; ');
				record(direction.forward, scope, version, `${label} ${direction.notShown} ${where}`);
			}
			for (const match of matched) parameter(entry, match, version, scope, label, inCollection);
		}
	}

	function parameter(entryA, entryB, version, scope, label, inCollection) {
		const change = (what, breaks = true) =>
			direction.forward && record(breaks, scope, version, `${label}: ${what}`);
		if (entryA.type !== entryB.type) {
			change(`type changed from ${entryA.type} to ${entryB.type}`);
			return;
		}
		if (Boolean(entryA.multipleValues) !== Boolean(entryB.multipleValues)) {
			change(`multiple values ${entryB.multipleValues ? 'turned on' : 'turned off'}`);
		}
		if (!same(entryA.default, entryB.default)) {
			const what = `default changed from ${canonical(entryA.default)} to ${canonical(entryB.default)}`;
			// Saved workflows leave out values equal to the default, and n8n fills them in again; a
			// collection field's default only fills the field a user adds in the editor.
			if (inCollection) change(`${what} (a collection field: nothing saved changes)`, false);
			else change(what);
		}
		// A list that became dynamic (loadOptions) has no values to compare.
		for (const value of entryB.options ? (entryA.options ?? []) : []) {
			if (!entryB.options.some((other) => same(other, value))) {
				missing(scope, version, `${label}: option value ${canonical(value)}`);
			}
		}
		for (const mode of entryA.modes ?? []) {
			if (!(entryB.modes ?? []).includes(mode)) missing(scope, version, `${label}: mode "${mode}"`);
		}
		if (entryA.fields) {
			lists(entryA.fields, entryB.fields ?? [], version, scope, `${label} > `, true);
		}
		for (const [group, values] of Object.entries(entryA.groups ?? {})) {
			const groupB = entryB.groups?.[group];
			if (groupB) lists(values, groupB, version, scope, `${label} > "${group}" > `);
			else missing(scope, version, `${label} > group "${group}"`);
		}
	}

	for (const [name, nodeA] of Object.entries(a.nodes ?? {})) {
		const scope = `node "${name}"`;
		const nodeB = b.nodes?.[name];
		if (!nodeB) {
			missing(scope, undefined, 'node type');
			continue;
		}
		for (const credential of nodeA.credentials) {
			if (!nodeB.credentials.includes(credential)) {
				missing(scope, undefined, `credential type "${credential}"`);
			}
		}
		for (const version of nodeA.versions) {
			if (nodeB.versions.includes(version)) {
				lists(nodeA.parameters, nodeB.parameters, version, scope, 'parameter ');
			} else missing(scope, undefined, `version ${version}`);
		}
	}
	for (const [name, credentialA] of Object.entries(a.credentials ?? {})) {
		const scope = `credential "${name}"`;
		const credentialB = b.credentials?.[name];
		if (credentialB)
			lists(credentialA.properties, credentialB.properties, undefined, scope, 'field ');
		else missing(scope, undefined, 'credential type');
	}
}

/**
 * The findings of both directions, one line each (a finding of several versions named once):
 * those that break and those that do not.
 */
function findings(locked, current) {
	const byText = new Map();
	const record = (breaks, scope, version, what) => {
		const key = `${breaks}\u0000${scope}\u0000${what}`;
		if (!byText.has(key)) byText.set(key, { breaks, scope, what, versions: [] });
		if (version !== undefined && !byText.get(key).versions.includes(version)) {
			byText.get(key).versions.push(version);
		}
	};
	diff(locked, current, FORWARD, record);
	diff(current, locked, BACK, record);
	const lines = (breaks) =>
		[...byText.values()]
			.filter((finding) => finding.breaks === breaks)
			.map(({ scope, what, versions }) => {
				const where = versions.length > 0 ? ` v${versions.join(', v')}` : '';
				return `${scope}${where}: ${what}`;
			});
	return { breaking: lines(true), additions: lines(false) };
}

const FORWARD = { forward: true, gone: 'removed', notShown: 'no longer shown for' };
const BACK = { forward: false, gone: 'added', notShown: 'now also shown for' };

/**
 * Compares the recorded surface with the current one. `breaking`: what would break or silently
 * alter a saved workflow or credential; `additions`: what else the lock does not record yet
 * (additions, and changes that alter nothing saved); `upToDate`: the lock is exactly the current
 * surface.
 */
function compareSurfaces(locked, current) {
	return { ...findings(locked, current), upToDate: canonical(locked) === canonical(current) };
}

const bullets = (lines) => lines.map((line) => `  - ${line}`).join('\n');

/** What a comparison means, for a person; undefined when the lock matches the package. */
function explain({ breaking, additions, upToDate }) {
	const parts = [];
	if (breaking.length > 0) {
		parts.push(
			`Saved workflows would break: ${breaking.length} change(s) against ${LOCK_FILE}:\n` +
				`${bullets(breaking)}\n` +
				"Names, option values, defaults and types are stored in users' workflows and " +
				'credentials. Keep them: add a field, or add a node version and keep the old ' +
				'definition for the old versions with displayOptions `@version` (CONTRIBUTING.md, ' +
				'Saved workflows).',
		);
	}
	if (additions.length > 0) {
		parts.push(
			`${LOCK_FILE} does not record ${additions.length} addition(s) yet:\n${bullets(additions)}\n` +
				`These break nothing; record them with: ${UPDATE_COMMAND}`,
		);
	}
	if (parts.length === 0 && !upToDate) {
		parts.push(`${LOCK_FILE} differs from the built package (nothing breaks): ${UPDATE_COMMAND}`);
	}
	return parts.length > 0 ? parts.join('\n\n') : undefined;
}

module.exports = {
	ROOT,
	LOCK_FILE,
	UPDATE_COMMAND,
	surfaceOfNode,
	surfaceOfCredential,
	surfaceOfPackage,
	readLock,
	lockText,
	compareSurfaces,
	explain,
};
