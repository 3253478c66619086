import { escapeHtml, scoresOf, type MemberLanguage, type SurveyType } from '@rapport/shared';
import { customerWords } from './survey-words';

/**
 * The survey's e-mail: the question and one link per score (each opens the page with that score chosen: a link only
 * opens a page, so a mail scanner following them answers nothing), and the opt-out. No images, no tracking pixel.
 */
export function surveyMail(survey: { type: SurveyType; language: MemberLanguage }, to: { firstName: string | undefined }, org: string | undefined, about: string | undefined, pageUrl: string): { subject: string; html: string } {
  const words = customerWords(survey.language);
  const name = org;
  const scoreLinks = scoresOf(survey.type)
    .map((score) => `<a href="${escapeHtml(`${pageUrl}?score=${score}`)}" style="display:inline-block;min-width:36px;padding:8px 0;margin:0 4px 6px 0;border:1px solid #8a8a8a;border-radius:6px;text-align:center;color:#0f5bb5;font-weight:600;text-decoration:none">${score}</a>`)
    .join('');
  const html = [
    `<div style="font-family:'Segoe UI',Arial,sans-serif;font-size:15px;line-height:1.45;color:#1f1f1f;max-width:560px">`,
    `<p>${escapeHtml(words.greeting(to.firstName))}</p>`,
    `<p><strong>${escapeHtml(words.question(survey.type, name, about))}</strong></p>`,
    `<p>${scoreLinks}</p>`,
    `<p style="color:#616161;font-size:13px">${escapeHtml(words.low(survey.type))} = ${scoresOf(survey.type)[0]} · ${escapeHtml(words.high(survey.type))} = ${scoresOf(survey.type).at(-1)}</p>`,
    `<p>${escapeHtml(words.pickInMail)}</p>`,
    `<p style="color:#616161;font-size:13px">${escapeHtml(words.why(name))} <a href="${escapeHtml(`${pageUrl}?optOut=1`)}">${escapeHtml(words.optOutLink)}</a></p>`,
    '</div>',
  ].join('');
  return { subject: words.subject(survey.type, name, about), html };
}
