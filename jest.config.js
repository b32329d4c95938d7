// Tests run the compiled package from dist/ through n8n-core, so `npm test` builds first.
// n8n-core writes an instance key on first use: keep it inside the project, not in ~/.n8n.
process.env.N8N_USER_FOLDER = require('node:path').resolve(__dirname, '.n8n-test');
// n8n-core logs every failed request; the tests assert on errors themselves.
process.env.N8N_LOG_LEVEL = 'silent';

/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
	setupFiles: ['reflect-metadata'],
	setupFilesAfterEnv: ['<rootDir>/test/harness/setup.ts'],
	testTimeout: 30000,
};
