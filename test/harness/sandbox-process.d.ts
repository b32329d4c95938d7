import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Types of sandbox-process.js: the local sandbox as a child process of a jest test file. */
export interface SandboxProcess {
	origin: string;
	/** Base URL of each vendor, e.g. `urls.epilot`. */
	urls: Record<string, string>;
	/** Data of the sandbox's credentials (what `npm run dev` imports), by credential type. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** GET/POST a control endpoint under `/_sandbox`, returning the parsed JSON (if any). */
	control<T = unknown>(method: 'GET' | 'POST', pathAndQuery: string): Promise<T>;
	stop(): Promise<void>;
}

/** Starts the sandbox on a free port. `env` may set e.g. SANDBOX_ASSIGNABLES. */
export function startSandboxProcess(env?: Record<string, string>): Promise<SandboxProcess>;
