// The benchmarks' view of the engine: the test harness (test/harness/engine.ts, compiled into
// .bench/harness so there is one source of truth), n8n's HTTP Request node from the pinned n8n,
// and the loopback sandbox as a child process, as the engine tests use it.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { N8N_VERSION, ROOT, RUNTIME, run } from '../scripts/n8n.mjs';

// n8n-core writes an instance key on first use: keep it in the bench folder, not in ~/.n8n.
process.env.N8N_USER_FOLDER ??= path.join(ROOT, '.bench', 'n8n-user');
// n8n-core logs every request it makes at debug level and failures at error level.
process.env.N8N_LOG_LEVEL ??= 'silent';

const require = createRequire(import.meta.url);
export const N8N_MODULES = path.join(RUNTIME, `n8n-${N8N_VERSION}`, 'node_modules');

const versionOf = (dir) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;

export function versions() {
	return {
		node: process.version,
		n8n: N8N_VERSION,
		n8nNodesBase: versionOf(path.join(N8N_MODULES, 'n8n-nodes-base')),
		n8nCore: versionOf(path.join(ROOT, 'node_modules', 'n8n-core')),
		n8nWorkflow: versionOf(path.join(ROOT, 'node_modules', 'n8n-workflow')),
		n8nCoreOfN8n: versionOf(path.join(N8N_MODULES, 'n8n-core')),
		n8nWorkflowOfN8n: versionOf(path.join(N8N_MODULES, 'n8n-workflow')),
	};
}

/**
 * Compiles the test harness (engine.ts, and poll.ts for the triggers) with tsc into
 * .bench/harness (git-ignored) and loads the engine harness.
 */
export async function loadHarness() {
	const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
	await run(process.execPath, [tsc, '-p', path.join(ROOT, 'bench', 'tsconfig.json')], {
		capture: true,
	});
	return require(path.join(ROOT, '.bench', 'harness', 'engine.js'));
}

/**
 * The polling harness (test/harness/poll.ts: `PollHarness`), compiled by `loadHarness`. It
 * shares the engine harness in the require cache (the one `loadHarness` or, after it,
 * `freshHarness` loaded).
 */
export function loadPollHarness() {
	return require(path.join(ROOT, '.bench', 'harness', 'poll.js'));
}

/**
 * The harness with the package loaded anew, as after an n8n restart: the package's modules (and
 * so the in-memory token cache of the ExorLive credential) and the harness's loader start empty.
 */
export function freshHarness() {
	const fresh = [
		path.join(ROOT, 'dist') + path.sep,
		path.join(ROOT, '.bench', 'harness') + path.sep,
	];
	for (const file of Object.keys(require.cache)) {
		if (fresh.some((dir) => file.startsWith(dir))) delete require.cache[file];
	}
	return require(path.join(ROOT, '.bench', 'harness', 'engine.js'));
}

/**
 * n8n's HTTP Request node class from the pinned n8n's n8n-nodes-base, run by this repository's
 * n8n-core. Its `require('n8n-workflow')` is pointed at this repository's copy when the versions
 * are the same, so the node and the engine share one n8n-workflow (error classes, expression
 * engine) as they do inside n8n.
 */
export function loadHttpRequestNode() {
	const v = versions();
	if (v.n8nWorkflow === v.n8nWorkflowOfN8n) {
		const repoWorkflow = require.resolve('n8n-workflow');
		const resolve = Module._resolveFilename;
		Module._resolveFilename = function (request, parent, ...rest) {
			if (request === 'n8n-workflow' && parent?.filename?.startsWith(N8N_MODULES)) {
				return repoWorkflow;
			}
			return resolve.call(this, request, parent, ...rest);
		};
	}
	const file = path.join(
		N8N_MODULES,
		'n8n-nodes-base',
		'dist',
		'nodes',
		'HttpRequest',
		'HttpRequest.node.js',
	);
	const { HttpRequest } = require(file);
	const nodeType = new HttpRequest();
	return {
		nodeType,
		// The names n8n registers it under and uses for new nodes.
		nodeTypeName: 'n8n-nodes-base.httpRequest',
		typeVersion: nodeType.description.defaultVersion,
	};
}

/** The sandbox (test/sandbox) in its own process, started like the engine tests start it. */
export async function startSandbox(env = {}) {
	const { startSandboxProcess } = require(path.join(ROOT, 'test', 'harness', 'sandbox-process.js'));
	return await startSandboxProcess(env);
}

/** Fails the benchmark when a run did not do its job (a fast failure is no result). */
export function expectItems(result, count, label) {
	if (result.error) throw new Error(`${label}: ${result.error.message}`);
	if (result.items.length !== count) {
		throw new Error(`${label}: ${result.items.length} items instead of ${count}`);
	}
	return result;
}

/**
 * Runs `fn` and counts the expressions n8n evaluates meanwhile (each builds a WorkflowDataProxy
 * and its global context: the main per-item cost of the engine, see the README).
 */
export async function countExpressions(fn) {
	const { WorkflowExpression } = require('n8n-workflow/dist/cjs/workflow-expression.js');
	const original = WorkflowExpression.prototype.resolveSimpleParameterValue;
	let count = 0;
	WorkflowExpression.prototype.resolveSimpleParameterValue = function (value, ...rest) {
		if (typeof value === 'string' && value.startsWith('=')) count++;
		return original.call(this, value, ...rest);
	};
	try {
		await fn();
	} finally {
		WorkflowExpression.prototype.resolveSimpleParameterValue = original;
	}
	return count;
}
