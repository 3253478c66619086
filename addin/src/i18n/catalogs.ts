import { createTranslator, languageOf, type Catalog, type Language, type Translator } from './i18n';
import { catalog as en } from './catalog.en';
import { catalog as es } from './catalog.es';
import { catalog as it } from './catalog.it';
import { catalog as pt } from './catalog.pt';

/** Every language at once: for pages that are not the pane (the dashboard) and for tests. The pane loads one (load-translator.ts). */
export const catalogs: Record<Language, Catalog> = { en, es, pt, it };

export function translatorFor(displayLanguage: string): Translator {
  return createTranslator(displayLanguage, catalogs[languageOf(displayLanguage)]);
}
