import { defineKind } from '../kinds/kind-definition';
import { WebFormInputSchema, WebFormPatchSchema, WebFormSchema } from './web-form.schema';

export const webFormKind = defineKind(WebFormSchema, {
  plural: 'forms',
  label: 'Web form',
  references: [],
  timeline: false,
  schemaVersion: 1,
  api: {
    input: WebFormInputSchema,
    patch: WebFormPatchSchema,
    filters: [],
    // Web forms are settings: admins make and revoke them.
    write: { role: 'admin', allows: 'change web forms' },
    example: { input: (text, n) => ({ name: `${text} Form ${n}`, campaign: `${text} Campaign` }), patch: { campaign: 'Autumn fair' } },
  },
});
