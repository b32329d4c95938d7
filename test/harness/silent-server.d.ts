/** Types of silent-server.js: a loopback server that never answers. */
export interface SilentServer {
	origin: string;
	stop(): Promise<void>;
}

/** Starts the server on a free loopback port. */
export function startSilentServer(): Promise<SilentServer>;
