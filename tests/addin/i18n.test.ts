import { languageOf } from '../../addin/src/i18n/i18n';
import { laterMessages, loadPageTranslator, loadTranslator } from '../../addin/src/i18n/load-translator';
import { catalogs, translatorFor } from '../../addin/src/i18n/catalogs';
import { en } from '../../addin/src/i18n/messages.en';
import { enLater } from '../../addin/src/i18n/messages.later.en';
import { enSendChecks } from '../../addin/src/i18n/messages.sendchecks.en';
import { esSendChecks } from '../../addin/src/i18n/messages.sendchecks.es';
import { itSendChecks } from '../../addin/src/i18n/messages.sendchecks.it';
import { ptSendChecks } from '../../addin/src/i18n/messages.sendchecks.pt';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("a page's translator (the dashboard, a record's page)", () => {
  it('loads its one language with the later messages the page shows', async () => {
    const spanish = await loadPageTranslator('es-ES');
    expect(spanish.hasLater()).toBe(true);
    expect(spanish.t('dash.title')).toBe('Panel de Rapport');
    expect(spanish.locale).toBe('es-ES');
    const english = await loadPageTranslator('fr-FR');
    expect(english.t('dash.title')).toBe(enLater['dash.title']);
  });
});

describe('UI text', () => {
  it.each(Object.keys(catalogs))('has every message key in %s, with the same placeholders, none empty', (language) => {
    const { messages, later } = catalogs[language as keyof typeof catalogs];
    // The first card's messages and those that load later with the views that say them (messages.later.*).
    for (const [source, catalog] of [
      [en, messages],
      [enLater, later],
    ] as const) {
      const translations = (catalog ?? {}) as Record<string, string>;
      expect(Object.keys(translations).sort()).toEqual(Object.keys(source).sort());
      for (const [key, text] of Object.entries(source)) {
        const translated = translations[key] ?? '';
        expect([key, translated.trim().length > 0]).toEqual([key, true]);
        expect([key, placeholders(translated)]).toEqual([key, placeholders(text)]);
      }
    }
  });

  it.each([
    ['es', esSendChecks],
    ['pt', ptSendChecks],
    ['it', itSendChecks],
  ])("has every send-time check's words in %s, with the same placeholders, and a Smart Alert button of at most 20 characters", (_, translations) => {
    expect(Object.keys(translations).sort()).toEqual(Object.keys(enSendChecks).sort());
    for (const [key, text] of Object.entries(enSendChecks)) {
      const translated = (translations as Record<string, string>)[key] ?? '';
      expect([key, translated.trim().length > 0, placeholders(translated)]).toEqual([key, true, placeholders(text)]);
    }
    expect(translations['sendcheck.createContact'].length).toBeLessThanOrEqual(20);
    // Outlook's informational notice holds at most 150 characters.
    expect(translations['sendcheck.unchecked'].length).toBeLessThanOrEqual(150);
  });

  it('keeps each key in one place: no message is both on the first card and loaded later', () => {
    expect(Object.keys(en).filter((key) => key in enLater)).toEqual([]);
  });

  it("chooses the language from Office's display language", () => {
    expect(['es-ES', 'es-MX', 'pt-BR', 'pt-PT', 'it-IT', 'en-GB', 'de-DE', 'fr'].map(languageOf)).toEqual(['es', 'es', 'pt', 'pt', 'it', 'en', 'en', 'en']);
  });

  it('formats dates and money for the locale through Intl', () => {
    const spanish = translatorFor('es-ES');
    expect(spanish.t('log.logged', { date: spanish.date('2026-11-23') })).toBe('Registrado en el CRM el 23 nov 2026');
    // Intl separates symbols with a no-break space; compare with plain spaces.
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(spanish.money(12345.5, 'EUR'))).toBe('12.345,50 €');
    expect(translatorFor('en-US').money(1234.5, 'USD')).toBe('$1,234.50');
    expect(plain(translatorFor('pt-BR').money(1234.5, 'BRL'))).toBe('R$ 1.234,50');
    expect(plain(translatorFor('it-IT').money(1234.5, 'EUR'))).toBe('1234,50 €');
  });
});

describe('messages that load later', () => {
  it("come with the first view that needs them, once, in the pane's language", async () => {
    const translator = await loadTranslator('es-ES');
    // Not there before a view that says them loads: nothing in the first card names them (pane-bundle e2e).
    expect(translator.hasLater()).toBe(false);
    await Promise.all([laterMessages(), laterMessages()]);
    expect(translator.t('search.button')).toBe('Buscar');
    expect(translator.t('app.retry')).toBe('Reintentar');
  });
});
