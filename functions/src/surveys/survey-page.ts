import { escapeHtml, scoresOf, type MemberLanguage, type SurveyType } from '@rapport/shared';
import { customerWords } from './survey-words';

/**
 * The survey page's Content-Security-Policy: no script at all, styles only inline, forms posting to this site only,
 * no framing. The page carries the question, the tenant's name and the forms: nothing else of the CRM.
 */
export const SURVEY_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** What the page shows: the question (with a score the link preselected), a thank-you, or the opt-out. */
export type SurveyPageView = {
  type: SurveyType;
  language: MemberLanguage;
  org: string | undefined;
  /** `thanks`: just answered, on this visit; `answered`: answered before. */
  state: 'open' | 'thanks' | 'answered' | 'optOut' | 'optedOut';
  /** The score the e-mail's link chose, preselected (the customer still sends it). */
  chosen?: number | undefined;
  /** Said above the form when the customer sent it without a score. */
  error?: string | undefined;
  actions: { answer: string; optOut: string; optOutPage: string };
};

/** The page, plain HTML without script: radio buttons for the scale, a comment, and the opt-out. */
export function renderSurveyPage(view: SurveyPageView): string {
  const words = customerWords(view.language);
  const org = view.org;
  const title = view.state === 'optOut' || view.state === 'optedOut' ? words.optOutQuestion(org) : words.question(view.type, org, undefined);
  const body = (() => {
    switch (view.state) {
      case 'thanks':
        return `<p class="done" role="status">${escapeHtml(words.thanks)}</p>`;
      case 'answered':
        return `<p class="done" role="status">${escapeHtml(words.alreadyAnswered)}</p>`;
      case 'optedOut':
        return `<p class="done" role="status">${escapeHtml(words.optedOut(org))}</p>`;
      case 'optOut':
        return `<form method="post" action="${escapeHtml(view.actions.optOut)}"><button type="submit">${escapeHtml(words.optOutButton)}</button></form>`;
      default:
        return answerForm(view, words);
    }
  })();
  return [
    '<!doctype html>',
    `<html lang="${view.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">`,
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    `<body><main>${view.org ? `<p class="org">${escapeHtml(view.org)}</p>` : ''}<h1>${escapeHtml(title)}</h1>`,
    view.error ? `<p class="error" role="alert">${escapeHtml(view.error)}</p>` : '',
    body,
    view.state === 'open' ? `<p class="why">${escapeHtml(words.why(org))} <a href="${escapeHtml(view.actions.optOutPage)}">${escapeHtml(words.optOutLink)}</a></p>` : '',
    '</main></body></html>',
  ].join('');
}

function answerForm(view: SurveyPageView, words: ReturnType<typeof customerWords>): string {
  const scores = scoresOf(view.type)
    .map((score) => `<label class="score"><input type="radio" name="score" value="${score}"${view.chosen === score ? ' checked' : ''} required><span>${score}</span></label>`)
    .join('');
  return [
    `<form method="post" action="${escapeHtml(view.actions.answer)}">`,
    `<fieldset><legend class="hidden">${escapeHtml(words.question(view.type, view.org, undefined))}</legend>`,
    `<div class="scale scale-${view.type}">${scores}</div>`,
    `<div class="ends" aria-hidden="true"><span>${escapeHtml(words.low(view.type))}</span><span>${escapeHtml(words.high(view.type))}</span></div></fieldset>`,
    `<label for="comment">${escapeHtml(words.comment)}</label><textarea id="comment" name="comment" rows="4" maxlength="2000"></textarea>`,
    `<button type="submit">${escapeHtml(words.send)}</button></form>`,
  ].join('');
}

// One style sheet, inline. The scale wraps at 320 px (eleven NPS scores take two rows), so nothing scrolls sideways.
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;background:#f5f5f5;color:#1f1f1f;font:16px/1.45 "Segoe UI",system-ui,-apple-system,Roboto,"Helvetica Neue",Arial,sans-serif;overflow-wrap:anywhere}
main{max-width:560px;margin:0 auto;padding:24px 16px;background:#fff;min-height:100vh}
.org{color:#616161;margin:0 0 8px}
h1{font-size:21px;margin:0 0 16px}
form{display:flex;flex-direction:column;gap:10px}
fieldset{border:0;margin:0;padding:0}
.hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.scale{display:flex;flex-wrap:wrap;gap:6px}
.score{position:relative}
.score input{position:absolute;opacity:0;inset:0;margin:0}
.score span{display:flex;align-items:center;justify-content:center;min-width:44px;height:44px;border:1px solid #8a8a8a;border-radius:6px;font-weight:600}
.score input:checked+span{background:#0f5bb5;border-color:#0f5bb5;color:#fff}
.score input:focus-visible+span{outline:2px solid #1f1f1f;outline-offset:2px}
.ends{display:flex;justify-content:space-between;gap:12px;color:#616161;font-size:14px;margin-top:4px}
textarea{font:inherit;padding:8px;border:1px solid #8a8a8a;border-radius:6px;width:100%}
button{font:inherit;font-weight:600;padding:10px 16px;border:0;border-radius:6px;background:#0f5bb5;color:#fff;cursor:pointer;align-self:flex-start}
.error{background:#fdf0f0;border:1px solid #e0a8a8;color:#8a1f1f;border-radius:6px;padding:10px 14px}
.done{background:#eef7ee;border:1px solid #a8d5a8;border-radius:6px;padding:10px 14px}
.why{color:#616161;font-size:14px;margin-top:28px}
.why a{color:#0f5bb5}
`;
