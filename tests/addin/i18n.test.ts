import { languageOf } from '../../addin/src/i18n/i18n';
import { catalogs, translatorFor } from '../../addin/src/i18n/catalogs';
import { en } from '../../addin/src/i18n/messages.en';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('UI text', () => {
  it.each(Object.keys(catalogs))('has every message key in %s, with the same placeholders, none empty', (language) => {
    const catalog = catalogs[language as keyof typeof catalogs].messages;
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const translated = catalog[key as keyof typeof en];
      expect([key, translated.trim().length > 0]).toEqual([key, true]);
      expect([key, placeholders(translated)]).toEqual([key, placeholders(text)]);
    }
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
