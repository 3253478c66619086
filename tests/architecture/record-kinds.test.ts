import fs from 'node:fs';
import path from 'node:path';
import { errorCodes, kinds, recordKinds } from '@rapport/shared';
import { hooksByKind } from '../../functions/src/kinds/hooks';
import { currentSchemaVersion, upgradeStepVersions } from '../../functions/src/store/record-upgrades';

// What keeps a kind defined once and every write on one path, checked on the source.
const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

// The writer is the one path; the adapters implement the port.
const writers = new Set(['functions/src/services/record-writer.ts']);

describe('record kinds and the write path', () => {
  it('lets only the record writer call the store\'s create, createMany and replace', () => {
    const callers = sourceFiles('functions/src')
      .filter((file) => !file.startsWith('functions/src/store/') && !writers.has(file))
      .filter((file) => /\bstore\.(create|createMany|replace)\(/.test(read(file)));
    expect(callers).toEqual([]);
  });

  it('lets only imports and the loaders of a data set store whole records with addMany', () => {
    // addMany applies no rule: it is for records `build` made (an import) or made whole with their history (the demo, the Maven sample).
    const allowed = ['functions/src/services/csv-import.service.ts', 'functions/src/local/demo/seed.ts', 'scripts/maven/maven-import.service.ts'];
    const callers = [...sourceFiles('functions/src'), ...sourceFiles('scripts'), ...sourceFiles('bench')]
      .filter((file) => file !== 'functions/src/services/record-writer.ts' && /\.addMany\(/.test(read(file)));
    expect(callers.sort()).toEqual(allowed.sort());
  });

  it('keeps generic record code free of per-kind branches: those are the kinds\' hooks', () => {
    const generic = [
      'functions/src/services/record-writer.ts',
      'functions/src/services/records.service.ts',
      'functions/src/routes/records.routes.ts',
      'functions/src/store/record-index.ts',
      'functions/src/store/cosmos/cosmos-layout.ts',
      'functions/src/store/cosmos/cosmos-store.ts',
      'shared/src/contract/records.contract.ts',
    ];
    // A port method about one kind (a lookup's contacts and leads) may name it; branching on the kind at hand may not.
    const branches = generic.filter((file) => /(?<![.\w])kind === '|case '(company|contact|lead|deal|activity|case)'/.test(read(file)));
    expect(branches).toEqual([]);
  });

  it('has hooks (maybe none) for every kind, and every reference names a kind', () => {
    expect(Object.keys(hooksByKind).sort()).toEqual([...recordKinds].sort());
    for (const kind of recordKinds) {
      for (const reference of kinds[kind].references) expect(recordKinds).toContain(reference.kind);
    }
  });

  it('has an upgrade step for every schema version a kind went through', () => {
    for (const kind of recordKinds) {
      expect([kind, upgradeStepVersions(kind)]).toEqual([kind, Array.from({ length: currentSchemaVersion(kind) - 1 }, (_, index) => index + 1)]);
    }
  });

  it('uses every error code of the closed set somewhere, and writes each out rather than composing it', () => {
    const source = [...sourceFiles('shared/src'), ...sourceFiles('functions/src')].filter((file) => !file.endsWith('error-codes.ts')).map(read).join('\n');
    const unused = errorCodes.filter((code) => !source.includes(`'${code}'`));
    expect(unused).toEqual([]);
    // A code built from a kind's name (`${kind}.NOT_FOUND`) is what the closed set replaced.
    expect(source.match(/`\$\{[^}]+\}\.[A-Z_]{3,}`/g) ?? []).toEqual([]);
  });
});
