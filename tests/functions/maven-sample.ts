import fs from 'node:fs';
import path from 'node:path';

/** The Maven CRM sample in the kit beside the repository. */
export const MAVEN_FOLDER = path.resolve(__dirname, '../../../shared/data/maven-crm');

/**
 * A file of the sample read by the plainest means, independent of the importer: lines after the header, split on
 * commas (the files hold no quoted fields).
 */
export function mavenRows(name: string): string[][] {
  return fs
    .readFileSync(path.join(MAVEN_FOLDER, name), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.split(','));
}
