// The Function App's entry (the package's "main", copied to functions/deploy/azure.js by package-api.ts): it loads the
// bundled API, rapport-api.js, with V8's code cache for it (rapport-api.js.cache, written when it was packaged), so that
// a cold start does not first compile megabytes of JavaScript. A cache this Node's V8 cannot use (another version, other
// flags) is set aside by V8 itself, and the bundle compiles as it would without one.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const bundle = path.join(__dirname, 'rapport-api.js');

function readCache() {
  try {
    return fs.readFileSync(`${bundle}.cache`);
  } catch {
    return undefined;
  }
}

const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), {
  filename: bundle,
  cachedData: readCache(),
  // An import() in the bundle loads as it would in a file Node loaded itself.
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
// Said once, in the host's log: a cold start then compiles the whole bundle (another Node than the one that packaged it).
if (script.cachedDataRejected) console.warn('Rapport: V8 set aside the code cache of rapport-api.js (another Node version or flags); compiling it.');
// The bundle runs as the CommonJS module Node would have made of it: its own require, module and paths.
const loaded = new Module(bundle, module);
loaded.filename = bundle;
loaded.paths = Module._nodeModulePaths(__dirname);
script.runInThisContext().call(loaded.exports, loaded.exports, Module.createRequire(bundle), loaded, bundle, __dirname);
loaded.loaded = true;
module.exports = loaded.exports;
