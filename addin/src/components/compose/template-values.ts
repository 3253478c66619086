import type { LookupResult } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import type { TemplateField } from '@rapport/shared/templates/fill-template.rules';

/**
 * What a template's placeholders say for the recipient whose card the pane shows: their names, company, the deal the
 * card starts with (their most relevant open one) and their owner in the CRM. `{{me}}` is the picker's (the rep's
 * name); `{{freeTimes}}` is read from the calendar when a template uses it.
 */
export function templateValuesOf(result: LookupResult | undefined, owners: Readonly<Record<string, { displayName: string }>>): Partial<Record<TemplateField, string>> {
  const person = result?.contact ?? result?.lead;
  if (!result || !person) return {};
  const company = result.company?.name ?? result.lead?.companyName;
  const deal = result.openDeals[0]?.name;
  const owner = owners[person.ownerId]?.displayName;
  return {
    ...(person.firstName ? { firstName: person.firstName } : {}),
    lastName: person.lastName,
    fullName: contactDisplayName(person),
    ...(company ? { company } : {}),
    ...(deal ? { deal } : {}),
    ...(owner ? { owner } : {}),
  };
}
