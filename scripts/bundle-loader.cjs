// Loads the bundled API (rapport-api.js) as the CommonJS module Node would have made of it, compiled with V8's code
// cache for it when one is given. Copied into the package beside the entry (package-api.ts): the entry loads the bundle
// with it at a cold start, and package-api.ts's warm-up (api-code-cache.cjs) with it when it writes that cache, so that
// the two compile the very same source under the same name, which V8 requires of a cache.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/** Compiles and runs `bundle` as a module whose parent is `parent`; returns the script (for its cache) and the exports. */
function loadBundle(bundle, parent, cachedData) {
  const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), {
    filename: bundle,
    cachedData,
    // An import() in the bundle loads as it would in a file Node loaded itself.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const loaded = new Module(bundle, parent);
  loaded.filename = bundle;
  loaded.paths = Module._nodeModulePaths(path.dirname(bundle));
  script.runInThisContext().call(loaded.exports, loaded.exports, Module.createRequire(bundle), loaded, bundle, path.dirname(bundle));
  loaded.loaded = true;
  return { script, exports: loaded.exports };
}

module.exports = { loadBundle };
