// Public entry of the sandbox for tests and scripts:
//   const sandbox = await startSandbox({ port: 0 }); sandbox.urls.epilot; await sandbox.stop();
export { startSandbox, describeAnswers, HttpError, MAGIC_STATUSES } from './core/server.mjs';
export { EPILOT_TOKEN, EPILOT_SEED } from './vendors/epilot.mjs';
export { EXOLINK_TOKEN, EXOLINK_SEED } from './vendors/exolink.mjs';
export { EXORLIVE_CLIENT, EXORLIVE_SEED, tinyPdf } from './vendors/exorlive.mjs';
export { MODEL_KEY, MODEL_ID, DEFAULT_SCRIPT } from './doubles/scripted-model.mjs';
