import { getSurveyRoute, listSurveysRoute, npsSurveyRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';
import type { SurveysService } from '../surveys/surveys.service';

export function surveyRouteBindings(deps: BindDependencies, surveys: SurveysService): RouteBinding[] {
  return [
    bindRoute(deps, listSurveysRoute, async ({ principal, query }) => json(200, { items: await surveys.list(principal, query) })),
    bindRoute(deps, npsSurveyRoute, async ({ principal, body }) => json(202, await surveys.sendNps(principal, body.companyId))),
    bindRoute(deps, getSurveyRoute, async ({ principal, params }) => json(200, await surveys.get(principal, params.id))),
  ];
}
