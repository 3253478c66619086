import { defineKind } from '../kinds/kind-definition';
import { WebFormInputSchema, WebFormPatchSchema, WebFormSchema } from './web-form.schema';

export const webFormKind = defineKind(WebFormSchema, {
  plural: 'forms',
  label: 'Web form',
  references: [{ field: 'campaignId', kind: 'campaign', link: true }],
  timeline: false,
  // 2: forms name their campaign by id (`campaignId`), as leads do.
  schemaVersion: 2,
  api: {
    input: WebFormInputSchema,
    patch: WebFormPatchSchema,
    filters: [],
    // Web forms are settings: admins make and revoke them.
    write: { role: 'admin', allows: 'change web forms' },
    example: { input: (text, n) => ({ name: `${text} Form ${n}` }), patch: { thankYouUrl: 'https://example.com/thanks' } },
  },
});
