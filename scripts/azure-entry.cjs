// The Function App's entry (the package's "main", copied to functions/deploy/azure.js by package-api.ts): it loads the
// bundled API, rapport-api.js, with V8's code cache for it (rapport-api.js.cache, written when it was packaged, after
// the bundle had loaded once), so that a cold start neither compiles megabytes of JavaScript first nor, as it loads,
// the functions that loading runs. A cache this Node's V8 cannot use (another version, other flags) is set aside by V8
// itself, and the bundle compiles as it would without one.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { loadBundle } = require('./bundle-loader.cjs');

const bundle = path.join(__dirname, 'rapport-api.js');

function readCache() {
  try {
    return fs.readFileSync(`${bundle}.cache`);
  } catch {
    return undefined;
  }
}

const { script, exports: api } = loadBundle(bundle, module, readCache());
// Said once, in the host's log: a cold start then compiles the whole bundle (another Node than the one that packaged it).
if (script.cachedDataRejected) console.warn('Rapport: V8 set aside the code cache of rapport-api.js (another Node version or flags); compiling it.');
module.exports = api;
