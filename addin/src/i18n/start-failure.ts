import { languageOf, type Language } from './i18n';

// Said when the page itself could not start (Office, the settings or a catalog did not load): written here, in every
// language, because the catalogs may be what failed.
const couldNotStart: Record<Language, string> = {
  en: 'Rapport could not start. Close the pane and open it again; if it keeps happening, tell your admin.',
  es: 'Rapport no pudo iniciarse. Cierra el panel y vuelve a abrirlo; si sigue pasando, avisa a tu administrador.',
  pt: 'O Rapport não conseguiu iniciar. Feche o painel e abra de novo; se continuar acontecendo, avise o seu administrador.',
  it: 'Rapport non è riuscito ad avviarsi. Chiudi il riquadro e riaprilo; se succede ancora, avvisa il tuo amministratore.',
};

/** Replaces the page with what to do, in the browser's language; the cause goes to the console for whoever helps. */
export function showStartFailure(cause: unknown): void {
  console.error('Rapport could not start', cause);
  const root = document.getElementById('root');
  if (root) {
    root.setAttribute('role', 'alert');
    root.textContent = couldNotStart[languageOf(navigator.language || 'en')];
  }
}
