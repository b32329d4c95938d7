import type { ICredentialType, INodeTypeDescription } from 'n8n-workflow';

/** Types of savedSurface.js: the saved-workflow guard (CONTRIBUTING.md, Saved workflows). */

/** A parameter as saved workflows hold it (no display names, descriptions or routing). */
export interface ParameterSurface {
	name: string;
	type: string;
	default: unknown;
	multipleValues?: true;
	/** The values of an options or multiOptions parameter with a static list. */
	options?: unknown[];
	/** The modes of a resource locator. */
	modes?: string[];
	/** Where it shows, `@version` included (credential fields: left out). */
	displayOptions?: { show?: Record<string, unknown[]>; hide?: Record<string, unknown[]> };
	/** A collection's fields. */
	fields?: ParameterSurface[];
	/** A fixedCollection's groups and their fields. */
	groups?: Record<string, ParameterSurface[]>;
}

export interface NodeSurface {
	versions: number[];
	credentials: string[];
	parameters: ParameterSurface[];
}

export interface CredentialSurface {
	properties: ParameterSurface[];
}

export interface SavedSurface {
	$comment?: string;
	nodes: Record<string, NodeSurface>;
	credentials: Record<string, CredentialSurface>;
}

export interface Comparison {
	/** What would break or silently alter a saved workflow or credential, one line each. */
	breaking: string[];
	/** What the lock does not record yet. */
	additions: string[];
	/** The lock is exactly the current surface. */
	upToDate: boolean;
}

/** The package's root (where package.json is). */
export const ROOT: string;
/** `test/saved-surface.lock.json`, relative to the package root. */
export const LOCK_FILE: string;
export const UPDATE_COMMAND: string;

export function surfaceOfNode(description: INodeTypeDescription): NodeSurface;
export function surfaceOfCredential(type: ICredentialType): CredentialSurface;
/** The surface of the built package in `root` (package.json "n8n" nodes and credentials). */
export function surfaceOfPackage(root?: string): SavedSurface;
/** The lock of the package in `root`; undefined when there is none. */
export function readLock(root?: string): SavedSurface | undefined;
export function lockText(surface: SavedSurface): string;
export function compareSurfaces(locked: SavedSurface, current: SavedSurface): Comparison;
/** What a comparison means, for a person; undefined when the lock matches the package. */
export function explain(comparison: Comparison): string | undefined;
