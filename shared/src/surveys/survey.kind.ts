import { defineKind } from '../kinds/kind-definition';
import { SurveySchema } from './survey.schema';

/** Written by the server alone: the job that sends a survey, and the customer's answer on its page. */
export const surveyKind = defineKind(SurveySchema, {
  plural: 'surveys',
  label: 'Survey',
  references: [
    { field: 'contactId', kind: 'contact', link: true },
    { field: 'companyId', kind: 'company', link: true },
    { field: 'caseId', kind: 'case', link: true },
    { field: 'productId', kind: 'product' },
  ],
  timeline: false,
  // Every closed case may bring one: it grows with a tenant's history.
  spread: true,
  schemaVersion: 1,
  title: (survey) => (survey.type === 'csat' ? 'CSAT' : 'NPS') + (survey.score === undefined ? '' : ` ${survey.score}`),
  index: (survey) => ({ sortAt: survey.answeredAt ?? survey.sentAt ?? survey.createdAt }),
});
