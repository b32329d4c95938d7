import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
} from 'n8n-workflow';
import { createHash } from 'crypto';

/*
 * Why: a vendor may echo a request (its token, its Basic header) in an answer, and the node
 * quotes answers in errors; n8n stores errors and items with the execution. Every error and
 * output item of the package therefore passes `redactDeep` with `secretsOf` the node's
 * credentials. Which values are secret comes from the credential types themselves (their
 * password fields), registered by each node with `redactSecretsOf`; this module knows no vendor.
 *
 * Module state, all bounded: the registered credential types (one entry per type), tokens
 * issued at run time (MAX_ISSUED per credential, MAX_TOTAL in all), the lists built from them
 * (MAX_BUILT), and compiled patterns (held only as long as their list).
 */

/** What a secret is replaced by wherever it would be shown. */
export const REDACTED = '[redacted]';

// ---------------------------------------------------------------------------------------------
// Replacing secrets in text and in nested values

/** The forms a secret can take when an answer or an error quotes a request. */
function secretForms(secret: string): string[] {
	const forms = new Set([
		secret,
		encodeURIComponent(secret),
		// form-encoded (x-www-form-urlencoded: spaces as "+", "*" encoded)
		new URLSearchParams({ s: secret }).toString().slice(2),
		// inside JSON text (quotes, backslashes and line breaks escaped)
		JSON.stringify(secret).slice(1, -1),
		Buffer.from(secret).toString('base64'),
	]);
	return [...forms].filter((form) => form.length >= 4);
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * All forms of a list of secrets in two patterns each (forms with a percent escape match in any
 * case): `detect` only tells whether a text holds any form (the fast test most texts end at);
 * `find` finds every occurrence, overlapping ones included: `(?=(…))` matches at every position
 * where a form starts, longest form first.
 */
interface Matcher {
	shortest: number;
	detect: RegExp[];
	find: RegExp[];
}

function compile(secrets: string[]): Matcher {
	const forms = [...new Set(secrets.filter((s) => s.length >= 4).flatMap(secretForms))].sort(
		(a, b) => b.length - a.length,
	);
	const groups = [
		{ list: forms.filter((form) => !form.includes('%')), flags: '' },
		{ list: forms.filter((form) => form.includes('%')), flags: 'i' },
	].filter(({ list }) => list.length);
	const alternatives = groups.map(({ list, flags }) => ({
		source: list.map(escapeRegExp).join('|'),
		flags,
	}));
	return {
		shortest: forms.length ? forms[forms.length - 1].length : Infinity,
		detect: alternatives.map(({ source, flags }) => new RegExp(source, flags)),
		find: alternatives.map(({ source, flags }) => new RegExp(`(?=(${source}))`, `g${flags}`)),
	};
}

/** Compiled once per list: `secretsOf` hands out the same list while nothing changed. */
const matchers = new WeakMap<string[], Matcher>();

function matcherFor(secrets: string[]): Matcher {
	let matcher = matchers.get(secrets);
	if (!matcher) {
		matcher = compile(secrets);
		matchers.set(secrets, matcher);
	}
	return matcher;
}

function redactWith(text: string, matcher: Matcher): string {
	// Fast path: too short to hold any form, or no form in it.
	if (text.length < matcher.shortest || !matcher.detect.some((form) => form.test(text))) {
		return text;
	}
	const found: Array<[number, number]> = [];
	for (const pattern of matcher.find) {
		pattern.lastIndex = 0;
		for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
			found.push([match.index, match.index + match[1].length]);
			pattern.lastIndex = match.index + 1;
		}
	}
	if (!found.length) return text;
	found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
	// Overlapping occurrences are replaced as one; adjacent ones each on their own.
	let result = text.slice(0, found[0][0]);
	let end = found[0][1];
	for (const [from, to] of found) {
		if (from < end) {
			end = Math.max(end, to);
			continue;
		}
		result += `${REDACTED}${text.slice(end, from)}`;
		end = to;
	}
	return `${result}${REDACTED}${text.slice(end)}`;
}

/**
 * `text` with every secret replaced by `[redacted]`: as given, URI- and form-encoded (any case of
 * the percent escapes), JSON-escaped and base64-encoded. Secrets shorter than 4 characters are
 * left (they would mask ordinary text). Every character of every occurrence is covered, also
 * where occurrences overlap.
 */
export function redact(text: string, secrets: string[]): string {
	return secrets.length ? redactWith(text, matcherFor(secrets)) : text;
}

/** Keys of nested values never rewritten: the node (its parameters belong to the workflow). */
const KEEP = new Set(['node']);

function redactNested(value: object, matcher: Matcher, depth: number, seen: Set<object>): void {
	if (depth > 8 || seen.has(value)) return;
	seen.add(value);
	const prototype = Object.getPrototypeOf(value) as unknown;
	const plain =
		Array.isArray(value) ||
		value instanceof Error ||
		prototype === Object.prototype ||
		prototype === null;
	if (!plain) return;
	const record = value as Record<string, unknown>;
	for (const key of Object.getOwnPropertyNames(record)) {
		if (KEEP.has(key)) continue;
		const descriptor = Object.getOwnPropertyDescriptor(record, key);
		if (!descriptor || !('value' in descriptor) || !descriptor.writable) continue;
		const inner = descriptor.value as unknown;
		if (typeof inner === 'string') {
			const cleaned = redactWith(inner, matcher);
			if (cleaned !== inner) record[key] = cleaned;
		} else if (inner !== null && typeof inner === 'object') {
			redactNested(inner, matcher, depth + 1, seen);
		}
	}
}

/**
 * Replaces every secret in the strings of `value` (objects, arrays and errors, with their
 * message, description, context and cause) in place, and returns it. Strings at the top level
 * come back redacted.
 */
export function redactDeep<T>(value: T, secrets: string[]): T {
	if (!secrets.length) return value;
	if (typeof value === 'string') return redactWith(value, matcherFor(secrets)) as T;
	if (value !== null && typeof value === 'object') {
		redactNested(value, matcherFor(secrets), 0, new Set());
	}
	return value;
}

// ---------------------------------------------------------------------------------------------
// Which values are secret

/** A credential type whose secrets are redacted, as a node registers it. */
export interface SecretSource {
	/** Its properties marked `typeOptions.password` hold secrets. */
	credential: ICredentialType;
	/** Secrets made of several fields, e.g. the `key:secret` of a Basic header. */
	combined?: (data: IDataObject) => string[];
	/** What tokens issued at run time to a credential are filed under (see `rememberSecret`). */
	issuer?: (data: IDataObject) => unknown;
}

interface RegisteredSource extends SecretSource {
	fields: string[];
}

const sources = new Map<string, RegisteredSource>();

/**
 * Registers a credential type: its values are redacted from every error and output item of the
 * nodes using it. Returns the type's name (nodes keep it as their credential type).
 */
export function redactSecretsOf(source: SecretSource): string {
	const fields = source.credential.properties
		.filter((property) => property.typeOptions?.password)
		.map((property) => property.name);
	sources.set(source.credential.name, { ...source, fields });
	return source.credential.name;
}

/** The API's name as users know it (credential "Acme API" → "Acme"), from the node's credential. */
export function apiNameOf(node: Pick<INode, 'credentials'>): string | undefined {
	for (const type of Object.keys(node.credentials ?? {})) {
		const name = sources.get(type)?.credential.displayName.replace(/\s+API$/i, '');
		if (name) return name;
	}
	return undefined;
}

/*
 * Secrets a credential does not hold itself but that requests carry: tokens and codes issued at
 * run time (e.g. in a token exchange). Kept per credential that got them (see `issuerOf`), so
 * that its runs' errors and outputs can be scrubbed of them and no other credential's runs pay
 * for them. Bounded: at most MAX_ISSUED per credential and MAX_TOTAL in all, the oldest
 * forgotten first (over all credentials: those of the credential that got none for longest).
 */
const issuedSecrets = new Map<string, Set<string>>();
const MAX_ISSUED = 1000;
const MAX_TOTAL = 10_000;
let issuedTotal = 0;
/** Counts every change of the issued secrets: lists built before a change are not used after. */
let issuedVersion = 0;

/**
 * The key tokens issued to a credential are kept under, from what identifies it (e.g. its
 * client secret), hashed: the key holds no secret in clear. Credentials with the same identity
 * share their issued tokens, which only makes more redacted.
 */
export function issuerOf(identity: unknown): string {
	return createHash('sha256')
		.update(`issuer\u0000${String(identity ?? '')}`)
		.digest('hex');
}

function forgetOldest(tokens: Set<string>, issuer: string): void {
	tokens.delete(tokens.values().next().value as string);
	issuedTotal--;
	if (!tokens.size) issuedSecrets.delete(issuer);
}

/**
 * Remembers a token or code issued at run time to the credential `issuer` (see `issuerOf`), so
 * that it is redacted like that credential's own secrets.
 */
export function rememberSecret(value: string, issuer: string): void {
	if (value.length < 4) return;
	const tokens = issuedSecrets.get(issuer) ?? new Set<string>();
	// Most recently issued credential last.
	issuedSecrets.delete(issuer);
	issuedSecrets.set(issuer, tokens);
	if (tokens.delete(value)) issuedTotal--;
	tokens.add(value);
	issuedTotal++;
	if (tokens.size > MAX_ISSUED) forgetOldest(tokens, issuer);
	while (issuedTotal > MAX_TOTAL) {
		const [oldest, theirs] = issuedSecrets.entries().next().value as [string, Set<string>];
		forgetOldest(theirs, oldest);
	}
	issuedVersion++;
}

/** The secrets in one credential's data of type `type` (every string value if unregistered). */
export function credentialSecrets(type: string, data: IDataObject): string[] {
	const source = sources.get(type);
	const values = (source ? source.fields.map((field) => data[field]) : Object.values(data)).filter(
		(value): value is string => typeof value === 'string',
	);
	const secrets = values.flatMap((value) => [value, value.trim()]);
	secrets.push(...(source?.combined?.(data) ?? []));
	// A multi-line secret (a PEM key) is also echoed line by line.
	for (const value of values) {
		secrets.push(
			...value.split(/\r?\n/).filter((line) => line.length >= 16 && !line.startsWith('-----')),
		);
	}
	// Shorter values are no real secrets and would mask ordinary text in outputs.
	return [...new Set(secrets)].filter((value) => value.length >= 8);
}

/** Any node context that can read its credentials. */
interface CredentialContext {
	getNode(): INode;
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
}

const UNREADABLE = Symbol('unreadable credential');

/** A built list with what it was built from. */
interface BuiltSecrets {
	values: unknown[];
	version: number;
	secrets: string[];
}

/** Recently built lists, by node and credentials (validated on every use, see `secretsOf`). */
const built = new Map<string, BuiltSecrets>();
const MAX_BUILT = 100;

function sameValues(a: unknown[], b: unknown[]): boolean {
	return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * Every secret the node's credentials hold, plus the tokens issued at run time to them: what
 * `redactDeep` removes from errors and output items. The credentials are read on every call
 * (their fields may be expressions resolved per item, and a credential may be edited or its
 * token renewed during a run); the list is built again only when what it is made of changed
 * (a credential value, or any issued token), else the same list (and its compiled patterns)
 * is handed out.
 */
export async function secretsOf(ctx: CredentialContext): Promise<string[]> {
	const node = ctx.getNode();
	const types = Object.keys(node.credentials ?? {});
	const read: Array<ICredentialDataDecryptedObject | undefined> = [];
	for (const type of types) {
		// A credential the node cannot read holds nothing this run could show.
		read.push(await ctx.getCredentials(type).catch(() => undefined));
	}
	const values = read.flatMap((data): unknown[] =>
		data ? Object.entries(data).flat() : [UNREADABLE],
	);
	const key = JSON.stringify([node.id, node.name, node.credentials]);
	const cached = built.get(key);
	if (cached && cached.version === issuedVersion && sameValues(cached.values, values)) {
		return cached.secrets;
	}
	const secrets: string[] = [];
	read.forEach((data, index) => {
		if (!data) return;
		const source = sources.get(types[index]);
		secrets.push(...credentialSecrets(types[index], data));
		if (source?.issuer) secrets.push(...(issuedSecrets.get(issuerOf(source.issuer(data))) ?? []));
	});
	// Longest first, so a secret containing another is replaced whole.
	const list = [...new Set(secrets)].sort((a, b) => b.length - a.length);
	built.delete(key);
	built.set(key, { values, version: issuedVersion, secrets: list });
	if (built.size > MAX_BUILT) built.delete(built.keys().next().value as string);
	return list;
}
