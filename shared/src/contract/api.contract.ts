import { PipelineInputSchema, PipelineSettingsSchema } from '../deals/pipeline.schema';
import { settingsRoute, updateGoalBandsRoute, updateSettingsRoute } from './settings.contract';
import { HealthSchema } from './common.schema';
import { LookupRequestSchema, LookupResponseSchema } from './lookup.schema';
import { MyDayQuerySchema, MyDayResponseSchema } from './my-day.schema';
import { AppointmentsQuerySchema, AppointmentsResponseSchema } from './appointments.schema';
import { recordContract, recycleBinRoute } from './records.contract';
import { createMemberRoute, listMembersRoute, meRoute, memberHistoryRoute, updateMemberRoute } from './members.contract';
import { companyPurchasesRoute } from './purchases.schema';
import { convertLeadRoute } from './lead-conversion.schema';
import { contactDuplicatesRoute, mergeContactsRoute } from './contact-merge.contract';
import { importContactsRoute, importLeadsRoute } from './imports.contract';
import { submitWebFormRoute } from './web-forms.contract';
import { followTrackedLinkRoute } from '../campaigns/links.contract';
import { reportRoute, reportsRoute } from './reports.contract';
import { pipelineUseRoute } from './pipeline-use.contract';
import { defineRoute, type ApiRoute } from './route';
import { SearchQueryParamsSchema, SearchResponseSchema } from './search.schema';
import { caseDraftArticleRoute, publicArticlePageRoute, searchArticlesRoute, suggestArticlesRoute } from './knowledge.contract';
import { sendCheckRoute } from './send-check.contract';
import { myNeverLogRoute, updateMyNeverLogRoute } from './never-log.contract';
import { followThreadRoute } from './threads.contract';
import { applyActivityPlanRoute } from '../activity-plans/activity-plans.contract';
import { attainmentRoute, setGoalsRoute } from '../goals/goals.contract';
import { detectedPreferencesRoute, myPreferencesRoute, updateMyPreferencesRoute } from '../members/preferences.contract';
import { dealMarginRoute, pendingExpensesRoute } from '../expenses/expenses.contract';
import { dealTipsRoute, tipsBoardRoute } from '../tips/tips.contract';
import {
  acceptQuoteRoute,
  declineQuoteRoute,
  publicQuotePageRoute,
  publicQuotePdfRoute,
  quoteOpenedRoute,
  quotePageScriptRoute,
  quotePdfRoute,
  sendQuoteRoute,
} from '../quotes/quotes.contract';
import { renewalQuoteRoute } from '../contracts/contracts.contract';
import { answerSurveyRoute, getSurveyRoute, listSurveysRoute, npsSurveyRoute, publicSurveyPageRoute, surveyOptOutRoute } from '../surveys/surveys.contract';
import { approveStatementRoute, commissionStatementRoute, dealCommissionRoute, listStatementsRoute, teamStatementsRoute } from '../commissions/commissions.contract';
import { deleteDocumentRoute, documentContentRoute, getDocumentRoute, listDocumentsRoute, restoreDocumentRoute, uploadDocumentRoute } from '../documents/documents.contract';


export const healthRoute = defineRoute({
  name: 'health',
  method: 'GET',
  path: '/api/health',
  summary: 'Whether the API is up',
  tag: 'Service',
  auth: 'none',
  success: { status: 200, schema: HealthSchema, description: 'The API is up' },
});
export const openApiRoute = defineRoute({
  name: 'openapi',
  method: 'GET',
  path: '/api/openapi.json',
  summary: 'This API described as OpenAPI 3.1',
  tag: 'Service',
  auth: 'none',
  success: { status: 200, description: 'The OpenAPI document' },
});
export const lookupRoute = defineRoute({
  name: 'lookup',
  method: 'POST',
  path: '/api/lookup',
  summary: "The CRM context of an e-mail's or meeting's participants, in one round trip",
  tag: 'Outlook',
  auth: 'user',
  body: LookupRequestSchema,
  readOnly: true,
  success: { status: 200, schema: LookupResponseSchema, description: 'One result per address, in order' },
  errors: [413],
});
export const searchRoute = defineRoute({
  name: 'search',
  method: 'GET',
  path: '/api/search',
  summary:
    'Find contacts and companies by name, e-mail, phone in any format, customer number or company name; deals by name, leads by name, company, e-mail or phone, and cases by number or subject',
  tag: 'Outlook',
  auth: 'user',
  query: SearchQueryParamsSchema,
  success: { status: 200, schema: SearchResponseSchema, description: 'Matching contacts, companies, deals, leads and cases (at most `limit` of each)' },
});
export const pipelineRoute = defineRoute({
  name: 'get-pipeline',
  method: 'GET',
  path: '/api/pipeline',
  summary: "The tenant's deal stages with their probabilities",
  tag: 'Deal',
  auth: 'user',
  success: { status: 200, schema: PipelineSettingsSchema, description: 'The pipeline; version goes back in If-Match to change it' },
});

export const updatePipelineRoute = defineRoute({
  name: 'update-pipeline',
  method: 'PATCH',
  path: '/api/pipeline',
  summary: "Replace the tenant's deal stages: order, names, probabilities, kinds (admins). A stage deals are in cannot be removed",
  tag: 'Deal',
  auth: 'user',
  role: 'admin',
  allows: 'change the pipeline',
  body: PipelineInputSchema,
  success: { status: 200, schema: PipelineSettingsSchema, description: 'The pipeline after the change' },
  errors: [403, 409, 412, 413, 428],
  ifMatch: true,
});

export const myDayRoute = defineRoute({
  name: 'my-day',
  method: 'GET',
  path: '/api/my-day',
  summary: "The signed-in user's day: today's appointments, overdue and due-today tasks, counters of what needs attention",
  tag: 'Outlook',
  auth: 'user',
  query: MyDayQuerySchema,
  success: { status: 200, schema: MyDayResponseSchema, description: 'My day' },
});

export const appointmentsRoute = defineRoute({
  name: 'list-appointments',
  method: 'GET',
  path: '/api/appointments',
  summary: "Appointments in a range of the calendar: the signed-in user's, or (managers) their team's",
  tag: 'Outlook',
  auth: 'user',
  query: AppointmentsQuerySchema,
  success: { status: 200, schema: AppointmentsResponseSchema, description: 'The appointments, earliest first' },
});

/**
 * The API's operations besides each record kind's own (those come from the kind definitions), by the name the pane's
 * client calls them.
 */
export const operations = {
  health: healthRoute,
  openApi: openApiRoute,
  lookup: lookupRoute,
  sendCheck: sendCheckRoute,
  followThread: followThreadRoute,
  search: searchRoute,
  myDay: myDayRoute,
  appointments: appointmentsRoute,
  pipeline: pipelineRoute,
  updatePipeline: updatePipelineRoute,
  pipelineUse: pipelineUseRoute,
  settings: settingsRoute,
  updateSettings: updateSettingsRoute,
  updateGoalBands: updateGoalBandsRoute,
  me: meRoute,
  members: listMembersRoute,
  createMember: createMemberRoute,
  updateMember: updateMemberRoute,
  memberHistory: memberHistoryRoute,
  myNeverLog: myNeverLogRoute,
  updateMyNeverLog: updateMyNeverLogRoute,
  myPreferences: myPreferencesRoute,
  updateMyPreferences: updateMyPreferencesRoute,
  detectedPreferences: detectedPreferencesRoute,
  convertLead: convertLeadRoute,
  contactDuplicates: contactDuplicatesRoute,
  mergeContacts: mergeContactsRoute,
  purchases: companyPurchasesRoute,
  deleted: recycleBinRoute,
  importLeads: importLeadsRoute,
  importContacts: importContactsRoute,
  report: reportRoute,
  reports: reportsRoute,
  uploadDocument: uploadDocumentRoute,
  listDocuments: listDocumentsRoute,
  getDocument: getDocumentRoute,
  documentContent: documentContentRoute,
  deleteDocument: deleteDocumentRoute,
  restoreDocument: restoreDocumentRoute,
  goalAttainment: attainmentRoute,
  setGoals: setGoalsRoute,
  pendingExpenses: pendingExpensesRoute,
  dealMargin: dealMarginRoute,
  applyActivityPlan: applyActivityPlanRoute,
  commissionStatement: commissionStatementRoute,
  approveCommissionStatement: approveStatementRoute,
  listCommissionStatements: listStatementsRoute,
  teamCommissionStatements: teamStatementsRoute,
  dealCommission: dealCommissionRoute,
  sendQuote: sendQuoteRoute,
  quotePdf: quotePdfRoute,
  contractRenewalQuote: renewalQuoteRoute,
  suggestArticles: suggestArticlesRoute,
  searchArticles: searchArticlesRoute,
  caseDraftArticle: caseDraftArticleRoute,
  listSurveys: listSurveysRoute,
  getSurvey: getSurveyRoute,
  sendNpsSurvey: npsSurveyRoute,
  dealTips: dealTipsRoute,
  tipsBoard: tipsBoardRoute,
} as const satisfies Record<string, ApiRoute>;
export type Operations = typeof operations;
export type OperationName = keyof Operations;

/**
 * The pages and posts reached without a token, from customers' browsers and websites: web forms, quotes to accept,
 * surveys to answer, public knowledge articles, tracked links. In the contract (the OpenAPI document, the attack suites), never in the pane's client.
 */
export const publicOperations = {
  submitWebForm: submitWebFormRoute,
  publicQuotePage: publicQuotePageRoute,
  publicQuotePdf: publicQuotePdfRoute,
  quoteOpened: quoteOpenedRoute,
  acceptQuote: acceptQuoteRoute,
  declineQuote: declineQuoteRoute,
  quotePageScript: quotePageScriptRoute,
  publicSurveyPage: publicSurveyPageRoute,
  answerSurvey: answerSurveyRoute,
  surveyOptOut: surveyOptOutRoute,
  publicArticlePage: publicArticlePageRoute,
  followTrackedLink: followTrackedLinkRoute,
} as const satisfies Record<string, ApiRoute>;

/** Every operation of Rapport's HTTP API. The OpenAPI document comes from this list; the pane's client from all but the public ones. */
export const apiContract: readonly ApiRoute[] = [...Object.values(operations), ...Object.values(publicOperations), ...recordContract];
