import type { HttpResponseInit } from '@azure/functions';
import { CrmError, escapeHtml, memberLanguages, type MemberLanguage } from '@rapport/shared';
import { errorResponse } from '../http/responses';


/** The policy of Rapport's own public pages: nothing runs or loads but what the page itself carries. */
export const PUBLIC_ERROR_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

type Words = { title: string; notFound: string; expired: string; busy: string; unreadable: string; other: string };

// What a customer reads when a link opens nothing: said in their browser's language, with what to do.
const WORDS: Record<MemberLanguage, Words> = {
  en: {
    title: 'This link cannot be opened',
    notFound: 'This link does not open anything. Check that it was copied whole, or ask the sender for a new one.',
    expired: 'This link has expired. Ask the sender for a new one.',
    busy: 'Too many requests for this page just now. Wait a minute and try again.',
    unreadable: 'This page could not take what was sent. Go back to the page, reload it and try again.',
    other: 'Something went wrong on our side. Try again in a few minutes.',
  },
  es: {
    title: 'No se puede abrir este enlace',
    notFound: 'Este enlace no abre nada. Comprueba que se copió completo o pide uno nuevo a quien te lo envió.',
    expired: 'Este enlace ha caducado. Pide uno nuevo a quien te lo envió.',
    busy: 'Demasiadas solicitudes para esta página ahora mismo. Espera un minuto y vuelve a intentarlo.',
    unreadable: 'Esta página no pudo aceptar lo que se envió. Vuelve a la página, recárgala e inténtalo de nuevo.',
    other: 'Algo ha fallado por nuestra parte. Vuelve a intentarlo dentro de unos minutos.',
  },
  pt: {
    title: 'Não é possível abrir este link',
    notFound: 'Este link não abre nada. Verifique se ele foi copiado por inteiro ou peça um novo a quem o enviou.',
    expired: 'Este link expirou. Peça um novo a quem o enviou.',
    busy: 'Muitas solicitações para esta página agora. Aguarde um minuto e tente de novo.',
    unreadable: 'Esta página não pôde aceitar o que foi enviado. Volte à página, recarregue-a e tente de novo.',
    other: 'Algo deu errado do nosso lado. Tente de novo em alguns minutos.',
  },
  it: {
    title: 'Impossibile aprire questo link',
    notFound: 'Questo link non apre nulla. Controlla che sia stato copiato per intero o chiedine uno nuovo a chi te lo ha inviato.',
    expired: 'Questo link è scaduto. Chiedine uno nuovo a chi te lo ha inviato.',
    busy: 'Troppe richieste per questa pagina in questo momento. Attendi un minuto e riprova.',
    unreadable: 'Questa pagina non ha potuto accettare ciò che è stato inviato. Torna alla pagina, ricaricala e riprova.',
    other: 'Qualcosa non ha funzionato da parte nostra. Riprova tra qualche minuto.',
  },
};

/** The first of the four languages the browser asks for (Accept-Language), else English. */
export function languageOfVisitor(acceptLanguage: string | null): MemberLanguage {
  const asked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((param) => param.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const known = asked.find((entry) => (memberLanguages as readonly string[]).includes(entry.base));
  return (known?.base as MemberLanguage | undefined) ?? 'en';
}

/** A public page's error as a page a person reads (its status as the API's: 404, 410, 429, 500). */
export function publicErrorPage(error: unknown, acceptLanguage: string | null): HttpResponseInit {
  const language = languageOfVisitor(acceptLanguage);
  const words = WORDS[language];
  const code = error instanceof CrmError ? error.code : 'INTERNAL';
  // The status is the API's for the error (one table: responses.ts); unknown errors are logged there.
  const status = errorResponse(error, (message, cause) => console.error(message, cause)).status ?? 500;
  const message =
    code === 'PUBLIC_LINK.NOT_FOUND' ? words.notFound : code === 'PUBLIC_LINK.EXPIRED' ? words.expired : code === 'REQUEST.RATE_LIMITED' ? words.busy : status < 500 ? words.unreadable : words.other;
  const wait = error instanceof CrmError ? (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds : undefined;
  const retryAfter: Record<string, string> = typeof wait === 'number' ? { 'retry-after': String(wait) } : {};
  const body = `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(words.title)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1 style="font-size:1.4rem">${escapeHtml(words.title)}</h1><p>${escapeHtml(message)}</p></body></html>`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...publicPageHeaders(PUBLIC_ERROR_PAGE_POLICY), ...retryAfter }, body };
}

/** Headers every public page carries: its policy, no caching, no indexing, no referrer, no framing. */
export function publicPageHeaders(policy: string): Record<string, string> {
  return {
    'content-security-policy': policy,
    'cache-control': 'no-store',
    'x-robots-tag': 'noindex, nofollow',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  };
}
