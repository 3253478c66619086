import { createTranslator, languageOf, type Catalog, type Language, type LaterCatalog, type Translator } from './i18n';
import { catalog as english } from './catalog.en';

// Only the display language is loaded with the pane: English is in its first JavaScript (every other language falls
// back to it), the others come as their own chunk.
const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ catalog: Catalog }>> = {
  es: () => import('./catalog.es'),
  pt: () => import('./catalog.pt'),
  it: () => import('./catalog.it'),
};

// The messages of the views and forms that load on first use, per language, each its own chunk.
const laterLoaders: Record<Language, () => Promise<LaterCatalog>> = {
  en: () => import('./messages.later.en').then((module) => ({ messages: module.enLater, errors: module.enLaterErrors })),
  es: () => import('./messages.later.es').then((module) => ({ messages: module.esLater, errors: module.esLaterErrors })),
  pt: () => import('./messages.later.pt').then((module) => ({ messages: module.ptLater, errors: module.ptLaterErrors })),
  it: () => import('./messages.later.it').then((module) => ({ messages: module.itLater, errors: module.itLaterErrors })),
};

/** The pane's translator, once loaded: the one whose later messages laterMessages() brings. */
let paneTranslator: Translator | null = null;
let loadingLater: Promise<void> | null = null;

/** The translator for Office's display language, its catalog loaded first (English when it cannot be). */
export async function loadTranslator(displayLanguage: string): Promise<Translator> {
  const language = languageOf(displayLanguage);
  let catalog = english;
  if (language !== 'en') {
    try {
      catalog = (await loaders[language]()).catalog;
    } catch {
      // English, which every language falls back to.
    }
  }
  paneTranslator = createTranslator(displayLanguage, catalog);
  loadingLater = null;
  return paneTranslator;
}

/**
 * Brings the later messages of the pane's language (once; English if they cannot be had): the views and forms that load
 * on first use wait for it (lazy-with-messages.ts). A failed load is tried again by the next view that asks.
 */
export function laterMessages(): Promise<void> {
  const translator = paneTranslator;
  if (!translator || translator.hasLater()) return Promise.resolve();
  loadingLater ??= laterLoaders[translator.language]()
    .catch(() => laterLoaders.en())
    .then((loaded) => translator.addLater(loaded))
    .catch((error: unknown) => {
      loadingLater = null;
      throw error;
    });
  return loadingLater;
}

/**
 * The translator of a page of its own (the dashboard, a record's page): its language's catalog and the later messages
 * (those pages show views that the pane loads later) loaded together, English for what cannot be had. A page starts this
 * before it signs in, so that the two wait side by side.
 */
export async function loadPageTranslator(displayLanguage: string): Promise<Translator> {
  const language = languageOf(displayLanguage);
  const [catalog, later] = await Promise.all([
    language === 'en' ? english : loaders[language]().then((module) => module.catalog, () => null),
    laterLoaders[language]().catch(() => null),
  ]);
  // One language on the page: English for both when either of the language's parts could not be had.
  if (catalog && later) return withLater(createTranslator(displayLanguage, catalog), later);
  return withLater(createTranslator(displayLanguage, english), await laterLoaders.en());
}

function withLater(translator: Translator, later: LaterCatalog): Translator {
  translator.addLater(later);
  return translator;
}
