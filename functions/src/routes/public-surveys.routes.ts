import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { CrmError, SurveyAnswerSchema, SurveyOptOutSchema, answerSurveyRoute, publicSurveyPageRoute, publicSurveyPath, surveyOptOutRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import type { PublicPageLimits } from '../http/rate-limit';
import { readJsonOrFormBody } from '../http/request';
import { json } from '../http/responses';
import { publicPageHeaders } from '../pages/public-error-page';
import { isFormPost, publicPageHandler } from '../pages/public-page-handler';
import type { PublicSurveysService } from '../surveys/public-surveys.service';
import { SURVEY_PAGE_POLICY, renderSurveyPage, type SurveyPageView } from '../surveys/survey-page';
import { customerWords } from '../surveys/survey-words';

/**
 * The customer's side of a survey, with no token: its page (a GET that changes nothing: a score in the e-mail's link
 * only preselects it), the answer and the opt-out. Every request is rate-limited per visitor and per survey; the page
 * has no script and a strict Content-Security-Policy; an error is a page in the visitor's language, except for a JSON
 * client, which gets the API's error.
 */
export function publicSurveyRouteBindings(deps: BindDependencies, surveys: PublicSurveysService, limits: PublicPageLimits): RouteBinding[] {
  const guarded = (handle: (request: HttpRequest, key: string) => Promise<HttpResponseInit>) => publicPageHandler(limits, handle);
  const page = async (key: string, state: 'open' | 'thanks' | 'optOut' | 'optedOut', extra: { chosen?: number; error?: string } = {}): Promise<HttpResponseInit> => {
    const { survey, page: shown } = await surveys.read(key, { forOptOut: state !== 'open' });
    const base = publicSurveyPath(key);
    const view: SurveyPageView = {
      ...shown,
      state: shownState(state, survey.status === 'answered'),
      ...extra,
      actions: { answer: `${base}/answer`, optOut: `${base}/opt-out`, optOutPage: `${base}?optOut=1` },
    };
    return { status: extra.error ? 400 : 200, headers: { 'content-type': 'text/html; charset=utf-8', ...publicPageHeaders(SURVEY_PAGE_POLICY) }, body: renderSurveyPage(view) };
  };
  const backTo = (location: string): HttpResponseInit => ({ status: 303, headers: { location, 'cache-control': 'no-store' } });
  return [
    bindRoute(
      deps,
      publicSurveyPageRoute,
      guarded((request, key) => {
        const url = new URL(request.url);
        if (url.searchParams.get('optOut') === '1') return page(key, 'optOut');
        if (url.searchParams.get('optedOut') === '1') return page(key, 'optedOut');
        if (url.searchParams.get('answered') === '1') return page(key, 'thanks');
        const chosen = Number(url.searchParams.get('score') ?? 'NaN');
        return page(key, 'open', Number.isInteger(chosen) ? { chosen } : {});
      }),
    ),
    // The bodies are read by the handlers: a browser's form post is not JSON.
    bindRoute(
      deps,
      { ...answerSurveyRoute, body: undefined },
      guarded(async (request, key) => {
        const form = isFormPost(request);
        try {
          const { value } = await readJsonOrFormBody(request, SurveyAnswerSchema);
          await surveys.answer(key, value);
          return form ? backTo(`${publicSurveyPath(key)}?answered=1`) : json(200, { status: 'answered' });
        } catch (error) {
          if (!form || !(error instanceof CrmError)) throw error;
          // A form sent without a score (or off the scale): the page again, saying what is missing, in the survey's language.
          if (error.code === 'REQUEST.VALIDATION_FAILED' || error.code === 'SURVEY.SCORE_OUT_OF_SCALE') {
            const { survey } = await surveys.read(key);
            return page(key, 'open', { error: customerWords(survey.language).chooseScore });
          }
          if (error.code === 'SURVEY.ALREADY_ANSWERED') return backTo(publicSurveyPath(key));
          throw error;
        }
      }),
    ),
    bindRoute(
      deps,
      { ...surveyOptOutRoute, body: undefined },
      guarded(async (request, key) => {
        const { from } = await readJsonOrFormBody(request, SurveyOptOutSchema);
        await surveys.optOut(key);
        return from === 'form' ? backTo(`${publicSurveyPath(key)}?optedOut=1`) : json(200, { status: 'optedOut' });
      }),
    ),
  ];
}

/** An answered survey thanks the customer right after their answer and says "already answered" later; one not answered asks. */
function shownState(asked: 'open' | 'thanks' | 'optOut' | 'optedOut', answered: boolean): SurveyPageView['state'] {
  if (asked === 'optOut' || asked === 'optedOut') return asked;
  if (!answered) return 'open';
  return asked === 'thanks' ? 'thanks' : 'answered';
}
