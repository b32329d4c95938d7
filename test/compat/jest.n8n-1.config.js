// The engine tests run against n8n 1.x's engine: n8n-core and n8n-workflow as n8n 1.123.81
// ships them, installed by scripts/engine-1x.mjs into .n8n-runtime/engine-1.x. Everything else
// (tests, harness, the built package) is the same as in `npm run test:unit`.
const path = require('node:path');
const base = require('../../jest.config');

const engine = path.resolve(__dirname, '../../.n8n-runtime/engine-1.x/node_modules');

/** @type {import('jest').Config} */
module.exports = {
	...base,
	rootDir: path.resolve(__dirname, '../..'),
	moduleNameMapper: {
		'^n8n-core$': path.join(engine, 'n8n-core'),
		'^n8n-workflow$': path.join(engine, 'n8n-workflow'),
	},
};
