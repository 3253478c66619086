/**
 * Opens the SQLite file named by its argument when told to: it prints "ready" once loaded, opens and closes the store
 * when a line arrives on stdin, and prints "opened" (or fails with the error). Two of these, told at once, race to
 * upgrade the same file (previous-release.test.ts).
 */
import readline from 'node:readline';
import { SqliteStore } from '../../functions/src/store/sqlite/sqlite-store';

const file = process.argv[2];
if (!file) throw new Error('usage: open-store-child.ts <file>');
const lines = readline.createInterface({ input: process.stdin });
lines.once('line', () => {
  void SqliteStore.open(file)
    .close()
    .then(() => {
      process.stdout.write('opened\n');
      lines.close();
    });
});
process.stdout.write('ready\n');
