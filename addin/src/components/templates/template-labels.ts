import type { TemplateField, TemplateLanguage } from '@rapport/shared/templates/fill-template.rules';
import type { MessageKey } from '../../i18n/messages.en';

/** What each placeholder is called on its button, in the rep's language. */
export const fieldLabelKeys: Record<TemplateField, MessageKey> = {
  firstName: 'templates.field.firstName',
  lastName: 'templates.field.lastName',
  fullName: 'templates.field.fullName',
  company: 'templates.field.company',
  deal: 'templates.field.deal',
  owner: 'templates.field.owner',
  me: 'templates.field.me',
  freeTimes: 'templates.field.freeTimes',
};

/** What the preview says of a field this recipient has no value for ("No deal for this recipient…"). */
export const missingKeys: Record<TemplateField, MessageKey> = {
  firstName: 'templates.missing.firstName',
  lastName: 'templates.missing.lastName',
  fullName: 'templates.missing.fullName',
  company: 'templates.missing.company',
  deal: 'templates.missing.deal',
  owner: 'templates.missing.owner',
  me: 'templates.missing.me',
  freeTimes: 'templates.missing.freeTimes',
};

/** A template's languages, named in the rep's language. */
export const languageKeys: Record<TemplateLanguage, MessageKey> = {
  en: 'templates.lang.en',
  es: 'templates.lang.es',
  pt: 'templates.lang.pt',
  it: 'templates.lang.it',
};
