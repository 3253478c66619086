import { createTranslator, languageOf, type Catalog, type Language, type Translator } from './i18n';
import { catalog as en } from './catalog.en';
import { catalog as es } from './catalog.es';
import { catalog as it } from './catalog.it';
import { catalog as pt } from './catalog.pt';
import { enLater } from './messages.later.en';
import { esLater } from './messages.later.es';
import { itLater } from './messages.later.it';
import { ptLater } from './messages.later.pt';

/** Every language at once: for pages that are not the pane (the dashboard) and for tests. The pane loads one (load-translator.ts). */
export const catalogs: Record<Language, Catalog> = {
  en: { ...en, later: enLater },
  es: { ...es, later: esLater },
  pt: { ...pt, later: ptLater },
  it: { ...it, later: itLater },
};

export function translatorFor(displayLanguage: string): Translator {
  return createTranslator(displayLanguage, catalogs[languageOf(displayLanguage)]);
}
