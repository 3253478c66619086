import { z } from 'zod';

// For pages served with a Content-Security-Policy that allows no eval (every Rapport page): zod then checks data without
// compiling code. Otherwise each object schema, as it is made, probes `new Function('')`, which such a page blocks and
// reports as a violation (zod falls back, but the report is noise among the page's real ones). A page's entry imports
// this module first, before any module that makes a schema; the API keeps zod's compiled checks, which are faster.
z.config({ jitless: true });
