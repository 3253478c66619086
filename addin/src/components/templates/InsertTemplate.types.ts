import type { TemplateField, TemplateLanguage } from '@rapport/shared/templates/fill-template.rules';

/** What the picker hands the message: the filled body as HTML (escaped, line breaks as `<br>`) and as text, and a subject. */
export type FilledForInsert = { html: string; text: string; subject?: string };

export type InsertTemplateProps = {
  /** The recipient's and the rep's values from the CRM; a field left out stays empty (or takes its fallback). */
  values: Partial<Record<TemplateField, string>>;
  /**
   * The rep's next free times as text in the template's language (the question and the zone's name are words too),
   * asked only when the chosen template uses `{{freeTimes}}`.
   */
  freeTimes?: (language: TemplateLanguage) => Promise<string>;
  /** Puts the filled template at the cursor of the message being written; a rejection is said to the rep. */
  insert: (filled: FilledForInsert) => Promise<{ subjectSet: boolean } | void>;
  /** The rep's display language (`es`, `pt-BR`): which variant shows first, and a new template's language. */
  language: string;
};
