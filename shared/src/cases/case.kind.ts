import { defineKind } from '../kinds/kind-definition';
import { toUtcTimestamp } from '../common/record.schema';
import { searchTermsOf } from '../search/search-terms.rules';
import { caseIsOpen, caseStatusFlow } from './case-kinds';
import { CaseAnsweredSchema, CaseInputSchema, CasePatchSchema, CaseSchema } from './case.schema';

export const caseKind = defineKind(CaseSchema, {
  plural: 'cases',
  label: 'Case',
  references: [
    { field: 'contactId', kind: 'contact', link: true },
    { field: 'companyId', kind: 'company', link: true },
    { field: 'productId', kind: 'product' },
    { field: 'answeredWith', kind: 'article', key: 'articleId' },
  ],
  timeline: true,
  title: (serviceCase) => `#${serviceCase.number} ${serviceCase.subject}`,
  numbered: { field: 'number' },
  statusFlow: { field: 'status', flow: caseStatusFlow, code: 'CASE.STATUS_FLOW' },
  schemaVersion: 1,
  // Found by the number a customer quotes ("1042", "#1042") and the words of its subject.
  index: (serviceCase) => ({
    sortAt: toUtcTimestamp(serviceCase.openedAt),
    isOpen: caseIsOpen(serviceCase.status),
    terms: searchTermsOf({ names: [serviceCase.subject], number: serviceCase.number }),
  }),
  api: {
    input: CaseInputSchema,
    patch: CasePatchSchema,
    filters: ['ownerId', 'companyId', 'contactId'],
    example: { input: (text) => ({ subject: `${text} Case` }), patch: { priority: 'high' } },
    actions: {
      answered: {
        summary: 'Record that a reply to the case was written from a knowledge article (once per article): the article answered it',
        body: CaseAnsweredSchema,
        example: { articleId: 'example-article' },
      },
    },
  },
});
