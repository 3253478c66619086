import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { errorCodes } from '@rapport/shared/common/error-codes';
import { recordKinds } from '@rapport/shared/kinds/kinds';
import type { ClientErrorCode, ErrorMessages, KindNames } from '../../addin/src/i18n/errors/error-messages';
import { errorsEn, kindNamesEn } from '../../addin/src/i18n/errors/errors.en';
import { errorsEs, kindNamesEs } from '../../addin/src/i18n/errors/errors.es';
import { errorsIt, kindNamesIt } from '../../addin/src/i18n/errors/errors.it';
import { errorsPt, kindNamesPt } from '../../addin/src/i18n/errors/errors.pt';
import { laterErrorsEn } from '../../addin/src/i18n/errors/errors.later.en';
import { laterErrorsEs } from '../../addin/src/i18n/errors/errors.later.es';
import { laterErrorsIt } from '../../addin/src/i18n/errors/errors.later.it';
import { laterErrorsPt } from '../../addin/src/i18n/errors/errors.later.pt';
import { ApiError } from '../../addin/src/api/api-error';
import { describeError } from '../../addin/src/i18n/describe-error';
import { translatorFor } from '../../addin/src/i18n/catalogs';

const languages: Record<string, { errors: ErrorMessages; kindNames: KindNames }> = {
  // Each language's messages: those in the pane's first JavaScript and those that come with the later views.
  en: { errors: { ...errorsEn, ...laterErrorsEn }, kindNames: kindNamesEn },
  es: { errors: { ...errorsEs, ...laterErrorsEs }, kindNames: kindNamesEs },
  pt: { errors: { ...errorsPt, ...laterErrorsPt }, kindNames: kindNamesPt },
  it: { errors: { ...errorsIt, ...laterErrorsIt }, kindNames: kindNamesIt },
};
const translations = Object.keys(languages).filter((language) => language !== 'en');
// A record, so a client code added to the union and not here fails to compile.
const clientCodes = Object.keys({
  NETWORK: true,
  TIMEOUT: true,
  UNKNOWN: true,
  SIGN_IN_CANCELLED: true,
  SIGN_IN_FAILED: true,
  OUTLOOK_UNAVAILABLE: true,
  ADMIN_REQUIRED: true,
} satisfies Record<ClientErrorCode, true>) as ClientErrorCode[];
const everyCode = [...errorCodes, ...clientCodes];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const messagesOf = (language: string) => Object.entries(languages[language]?.errors ?? {});

describe('error messages', () => {
  it.each(Object.keys(languages))('has a message in %s for every code the API answers and every client code, and nothing else', (language) => {
    const { errors } = languages[language]!;
    expect(Object.keys(errors).sort()).toEqual([...everyCode].sort());
    expect(everyCode.filter((code) => errors[code].trim() === '')).toEqual([]);
  });

  it.each(translations)('uses the same placeholders in %s as in English', (language) => {
    const { errors } = languages[language]!;
    const differing = everyCode.filter((code) => placeholders(errors[code]).join() !== placeholders(languages.en!.errors[code]).join());
    expect(differing).toEqual([]);
  });

  it('uses only the placeholders the pane fills: {kind} and {seconds}', () => {
    const used = new Set(Object.keys(languages).flatMap((language) => messagesOf(language).flatMap(([, text]) => placeholders(text))));
    expect([...used].sort()).toEqual(['kind', 'seconds']);
  });

  it.each(translations)('translates every message into %s', (language) => {
    const { errors } = languages[language]!;
    expect(everyCode.filter((code) => errors[code] === languages.en!.errors[code])).toEqual([]);
  });

  it.each(Object.keys(languages))('never shows a code or the word "error" in %s', (language) => {
    const shown = messagesOf(language).filter(([code, text]) => text.toLowerCase().includes(code.toLowerCase()) || /\b(error|erro|errore)\b/i.test(text));
    expect(shown).toEqual([]);
  });

  it.each(Object.keys(languages))('names every kind of record in %s, lower case with its article', (language) => {
    const { kindNames } = languages[language]!;
    expect(Object.keys(kindNames).sort()).toEqual([...recordKinds].sort());
    // An article, then the noun: "the deal", "la oportunidad", "l’attività".
    const malformed = Object.entries(kindNames).filter(([, name]) => name !== name.toLowerCase() || !/^\p{L}+(?: |’)\p{L}[\p{L} ]*$/u.test(name));
    expect(malformed).toEqual([]);
  });

  it('reads naturally with a kind filled in', () => {
    const fill = (text: string, kind: string) => text.replace('{kind}', kind);
    expect(fill(errorsEn['RECORD.STALE_VERSION'], kindNamesEn.deal)).toMatch(/^Someone else changed the deal first\. What you typed is kept/);
    expect(fill(errorsEs['RECORD.STALE_VERSION'], kindNamesEs.deal)).toMatch(/^Otra persona cambió la oportunidad antes que tú\./);
    expect(fill(errorsPt['RECORD.STALE_VERSION'], kindNamesPt.settings)).toMatch(/^Outra pessoa alterou as configurações antes de você\./);
    expect(fill(errorsIt['RECORD.STALE_VERSION'], kindNamesIt.activity)).toMatch(/^Un’altra persona ha modificato l’attività prima di te\./);
  });
});

describe('error message files', () => {
  const folder = path.resolve(__dirname, '../../addin/src/i18n/errors');
  const files = fs.readdirSync(folder).filter((name) => name.endsWith('.ts'));

  it("import only types from shared, so the pane never loads a schema (or zod) for a message", () => {
    const sharedImports = files.flatMap((name) => {
      const source = ts.createSourceFile(name, fs.readFileSync(path.join(folder, name), 'utf8'), ts.ScriptTarget.Latest);
      return source.statements.flatMap((statement) => {
        const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
        if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('@rapport/shared')) return [];
        const typeOnly = ts.isImportDeclaration(statement) ? statement.importClause?.isTypeOnly === true : statement.isTypeOnly;
        return [{ file: name, from: specifier.text, typeOnly }];
      });
    });
    expect(sharedImports.length).toBeGreaterThan(0);
    expect(sharedImports.filter((imported) => !imported.typeOnly)).toEqual([]);
  });

  it('require nothing at run time, nor import shared any other way', () => {
    const dynamic = files.filter((name) => /\b(require\(|import\()/.test(fs.readFileSync(path.join(folder, name), 'utf8')));
    expect(dynamic).toEqual([]);
  });
});

describe('a refused role', () => {
  it('says only an admin may when the API names the admin role, and a manager or an admin otherwise', () => {
    const spanish = translatorFor('es-ES');
    const refused = (requiredRole: string) => new ApiError(403, 'AUTH.ROLE_REQUIRED', 'Only …', { requiredRole });
    expect(describeError(refused('admin'), spanish)).toMatchObject({ code: 'AUTH.ROLE_REQUIRED', message: errorsEs.ADMIN_REQUIRED, retryable: false });
    expect(describeError(refused('manager'), spanish).message).toBe(errorsEs['AUTH.ROLE_REQUIRED']);
  });
});

describe("the later views' error messages", () => {
  it('come with the later messages in the pane, and every page that holds all languages has them from the start', async () => {
    const { createTranslator } = await import('../../addin/src/i18n/i18n');
    const { catalog } = await import('../../addin/src/i18n/catalog.es');
    const { esLater, esLaterErrors } = await import('../../addin/src/i18n/messages.later.es');
    // The pane's first catalog: Spanish without the later views.
    const pane = createTranslator('es-ES', catalog);
    expect(pane.errorText('DOCUMENT.PROGRAM')).toBe(errorsEs.UNKNOWN);
    pane.addLater({ messages: esLater, errors: esLaterErrors });
    expect(pane.errorText('DOCUMENT.PROGRAM')).toBe(laterErrorsEs['DOCUMENT.PROGRAM']);
    expect(translatorFor('es').errorText('COMMISSION.NO_PLAN')).toBe(laterErrorsEs['COMMISSION.NO_PLAN']);
  });
});
