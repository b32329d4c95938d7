// The engine tests against the n8n-core and n8n-workflow of an installed n8n
// (.n8n-runtime/n8n-<N8N_VERSION>, as scripts/n8n.mjs installs it): test:compat runs
// test/engine/reliances.test.ts this way on each n8n version besides the pinned one.
const path = require('node:path');
const base = require('../../jest.config');

const version = process.env.N8N_VERSION;
if (!version) throw new Error('N8N_VERSION names the installed n8n whose engine to use');
const modules = path.resolve(__dirname, `../../.n8n-runtime/n8n-${version}/node_modules`);

/** @type {import('jest').Config} */
module.exports = {
	...base,
	rootDir: path.resolve(__dirname, '../..'),
	moduleNameMapper: {
		'^n8n-core$': path.join(modules, 'n8n-core'),
		'^n8n-workflow$': path.join(modules, 'n8n-workflow'),
	},
};
