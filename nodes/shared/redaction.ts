import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
} from 'n8n-workflow';
import { createHash } from 'crypto';

/*
 * Why: a vendor may echo a request (its token, its Basic header) in an answer, the node quotes
 * answers in errors, and n8n stores errors and items with the execution. So every error and output
 * item passes `redactDeep` with `secretsOf` the node's credentials. Secret fields are the password
 * fields of the credential types each node registers (`redactSecretsOf`); tokens issued at run time
 * are kept per credential that got them (`rememberSecret`), so no other credential's runs pay for
 * them. This module knows no vendor.
 *
 * State is bounded: one entry per credential type, MAX_ISSUED tokens per credential and MAX_TOTAL
 * in all (oldest first out), MAX_BUILT lists, and compiled patterns only as long as their list.
 */

export const REDACTED = '[redacted]';

// ---------------------------------------------------------------------------------------------
// Replacing secrets in text and in nested values

/** The forms a secret can take when an answer or an error quotes a request. */
function secretForms(secret: string): string[] {
	const forms = new Set([
		secret,
		encodeURIComponent(secret),
		// x-www-form-urlencoded: spaces as "+", "*" escaped
		new URLSearchParams({ s: secret }).toString().slice(2),
		// JSON-escaped
		JSON.stringify(secret).slice(1, -1),
		Buffer.from(secret).toString('base64'),
	]);
	return [...forms].filter((form) => form.length >= 4);
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Patterns of all forms of a list of secrets (percent escapes in any case): `detect`, the fast test
 * most texts end at; `find`, every occurrence, overlapping ones too (`(?=(…))`, longest first).
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
 * `text` with every form of each secret (see `secretForms`) replaced, overlaps included. Secrets
 * under 4 characters are left: they would mask ordinary text.
 */
export function redact(text: string, secrets: string[]): string {
	return secrets.length ? redactWith(text, matcherFor(secrets)) : text;
}

/** Keys never rewritten: `node` (its parameters belong to the workflow). */
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
 * Redacts, in place, the strings in `value` (objects, arrays, errors with their message,
 * description, context and cause) and returns it; a string comes back redacted.
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

/** Registers a credential type for redaction; returns its name (nodes use it as their type). */
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

/** Tokens and codes issued at run time, by issuer (`issuerOf`); least recently issued to first. */
const issuedSecrets = new Map<string, Set<string>>();
const MAX_ISSUED = 1000;
const MAX_TOTAL = 10_000;
let issuedTotal = 0;
/** Counts every change of the issued secrets: lists built before a change are not used after. */
let issuedVersion = 0;

/**
 * Key of a credential's issued tokens: its identity (e.g. client secret) hashed, so the key holds
 * no secret. Credentials with one identity share their tokens, which only redacts more.
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

/** Remembers a token or code issued to `issuer`, to redact it like the credential's own secrets. */
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
 * The secrets of the node's credentials and the tokens issued to them. Read on every call (fields
 * may be per-item expressions, tokens renewed mid-run); the same list is reused while unchanged.
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
