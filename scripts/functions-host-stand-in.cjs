// The Functions host hands its Node worker '@azure/functions-core'; outside the host (the bench's cold starts, the code
// cache warm-up of package-api.ts) this stand-in takes its place and keeps what the entry registers, by function name,
// so that @azure/functions registers each route as it would in the host rather than switching to its test mode.
'use strict';
const Module = require('node:module');

/** Installs the stand-in (before the entry is loaded); returns the handlers the entry registers, by function name. */
function installFunctionsHostStandIn() {
  const registered = new Map();
  const hostStandIn = {
    setProgrammingModel: () => undefined,
    log: () => undefined,
    registerHook: () => ({ dispose: () => undefined }),
    registerFunction: (metadata, handler) => {
      registered.set(metadata.name, handler);
      return { dispose: () => undefined };
    },
  };
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === '@azure/functions-core' ? '@azure/functions-core' : resolve.call(this, request, ...rest);
  };
  require.cache['@azure/functions-core'] = { id: '@azure/functions-core', filename: '@azure/functions-core', loaded: true, exports: hostStandIn };
  return registered;
}

module.exports = { installFunctionsHostStandIn };
