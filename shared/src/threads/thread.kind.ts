import { defineKind } from '../kinds/kind-definition';
import { ThreadInputSchema, ThreadPatchSchema, ThreadSchema, threadRef } from './thread.schema';

export const threadKind = defineKind(ThreadSchema, {
  plural: 'threads',
  label: 'Followed thread',
  references: [
    { field: 'contactIds', kind: 'contact' },
    { field: 'companyId', kind: 'company' },
    { field: 'dealId', kind: 'deal' },
    { field: 'leadId', kind: 'lead' },
    { field: 'caseId', kind: 'case' },
  ],
  timeline: false,
  schemaVersion: 1,
  title: (thread) => thread.subject || thread.conversationId,
  // One thread per rep and conversation: following it again is a 409 naming the one there is.
  index: (thread) => ({ externalRefs: [threadRef(thread.ownerId, thread.conversationId)] }),
  api: {
    input: ThreadInputSchema,
    patch: ThreadPatchSchema,
    filters: ['ownerId'],
    example: {
      input: (text, n) => ({ conversationId: `AAQkADEx${n}${text.replace(/[^A-Za-z0-9]/g, '').slice(0, 40)}=`, subject: `${text}: our order` }),
      patch: { following: false },
    },
  },
});
