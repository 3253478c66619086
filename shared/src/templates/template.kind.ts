import { defineKind } from '../kinds/kind-definition';
import { TemplateInputSchema, TemplatePatchSchema, TemplateSchema, TemplateShareSchema } from './template.schema';

export const templateKind = defineKind(TemplateSchema, {
  plural: 'templates',
  label: 'E-mail template',
  references: [],
  timeline: false,
  schemaVersion: 1,
  title: (template) => template.name,
  api: {
    input: TemplateInputSchema,
    patch: TemplatePatchSchema,
    filters: ['ownerId'],
    example: {
      input: (text) => ({
        name: `${text}: follow-up after a call`,
        variants: [
          { language: 'en', subject: 'Our call today', body: 'Hi {{firstName|there}},\n\nThank you for your time today.\n\nBest regards,\n{{me}}' },
          { language: 'es', subject: 'Nuestra llamada de hoy', body: 'Hola {{firstName}}:\n\nGracias por tu tiempo hoy.\n\nUn saludo,\n{{me}}' },
        ],
      }),
      patch: { name: 'Follow-up after a call' },
    },
    actions: {
      share: {
        summary: "Make a template one of the team's, which every member picks from (shared: true), or its owner's alone again (managers)",
        body: TemplateShareSchema,
        role: 'manager',
        allows: 'share templates with the team',
        example: { shared: true },
      },
    },
  },
});
