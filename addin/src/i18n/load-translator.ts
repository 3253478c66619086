import { createTranslator, languageOf, type Catalog, type Language, type Translator } from './i18n';
import { catalog as english } from './catalog.en';

// Only the display language is loaded with the pane: English is in its first JavaScript (every other language falls
// back to it), the others come as their own chunk.
const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ catalog: Catalog }>> = {
  es: () => import('./catalog.es'),
  pt: () => import('./catalog.pt'),
  it: () => import('./catalog.it'),
};

/** The translator for Office's display language, its catalog loaded first (English when it cannot be). */
export async function loadTranslator(displayLanguage: string): Promise<Translator> {
  const language = languageOf(displayLanguage);
  if (language === 'en') return createTranslator(displayLanguage, english);
  try {
    return createTranslator(displayLanguage, (await loaders[language]()).catalog);
  } catch {
    return createTranslator(displayLanguage, english);
  }
}
