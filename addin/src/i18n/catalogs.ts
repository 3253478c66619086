import { createTranslator, languageOf, type Catalog, type Language, type Translator } from './i18n';
import { catalog as en } from './catalog.en';
import { catalog as es } from './catalog.es';
import { catalog as it } from './catalog.it';
import { catalog as pt } from './catalog.pt';
import { enLater, enLaterErrors } from './messages.later.en';
import { esLater, esLaterErrors } from './messages.later.es';
import { itLater, itLaterErrors } from './messages.later.it';
import { ptLater, ptLaterErrors } from './messages.later.pt';

/** Every language at once, for tests. The pane and the pages of their own load one language (load-translator.ts). */
export const catalogs: Record<Language, Catalog> = {
  en: { ...en, later: enLater, laterErrors: enLaterErrors },
  es: { ...es, later: esLater, laterErrors: esLaterErrors },
  pt: { ...pt, later: ptLater, laterErrors: ptLaterErrors },
  it: { ...it, later: itLater, laterErrors: itLaterErrors },
};

export function translatorFor(displayLanguage: string): Translator {
  return createTranslator(displayLanguage, catalogs[languageOf(displayLanguage)]);
}
