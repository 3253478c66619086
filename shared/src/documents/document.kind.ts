import { defineKind } from '../kinds/kind-definition';
import { DocumentSchema } from './document.schema';

// Documents have routes of their own (/api/documents): a create is an upload of bytes, not a JSON body.
export const documentKind = defineKind(DocumentSchema, {
  plural: 'documents',
  label: 'Document',
  references: [
    { field: 'contactIds', kind: 'contact', link: true },
    { field: 'companyId', kind: 'company', link: true },
    { field: 'dealId', kind: 'deal', link: true },
    { field: 'leadId', kind: 'lead', link: true },
    { field: 'caseId', kind: 'case', link: true },
    { field: 'activityId', kind: 'activity', link: true },
    { field: 'expenseId', kind: 'expense', link: true },
  ],
  timeline: false,
  spread: true,
  schemaVersion: 1,
  title: (document) => document.name,
});
