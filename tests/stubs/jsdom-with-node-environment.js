// jsdom for a component test that also runs the API in the same process (the standalone host over a real store):
// packages resolve their Node builds, and the pane's fetch and the API's web-platform globals are Node's own, which
// jsdom lacks. Use it with `@jest-environment ./tests/stubs/jsdom-with-node-environment.js`.
const { TestEnvironment } = require('jest-environment-jsdom');

const NODE_GLOBALS = [
  'TextEncoder',
  'TextDecoder',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'Blob',
  'structuredClone',
  'setImmediate',
  'clearImmediate',
  // Node's fetch takes only its own AbortSignal.
  'AbortController',
  'AbortSignal',
  // Bytes made by Node's TextEncoder and crypto are checked with instanceof (jose's signing): one realm for them.
  'Uint8Array',
  'ArrayBuffer',
];

class JsdomWithNodeEnvironment extends TestEnvironment {
  constructor(config, context) {
    const projectConfig = { ...config.projectConfig, testEnvironmentOptions: { ...config.projectConfig.testEnvironmentOptions, customExportConditions: ['node', 'node-addons'] } };
    super({ ...config, projectConfig }, context);
    for (const name of NODE_GLOBALS) this.global[name] = globalThis[name];
  }
}

module.exports = JsdomWithNodeEnvironment;
