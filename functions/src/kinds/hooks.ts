import { activityHooks } from './activity.hooks';
import { caseHooks } from './case.hooks';
import { commissionPlanHooks } from './commission-plan.hooks';
import { companyHooks } from './company.hooks';
import { contactHooks } from './contact.hooks';
import { dealHooks } from './deal.hooks';
import { expenseHooks } from './expense.hooks';
import type { HooksByKind, KindHooks } from './kind-hooks';
import { leadHooks } from './lead.hooks';
import { memberHooks } from './member.hooks';
import { productHooks } from './product.hooks';
import { quoteHooks } from './quote.hooks';
import { orderHooks } from './order.hooks';
import { contractHooks } from './contract.hooks';
import { templateHooks } from './template.hooks';
import { territoryHooks } from './territory.hooks';
import { threadHooks } from './thread.hooks';
import { tipHooks } from './tip.hooks';
import { articleHooks } from './article.hooks';
import { webFormHooks } from './web-form.hooks';
import { campaignHooks } from './campaign.hooks';
import { linkHooks } from './link.hooks';
import type { RecordKind } from '@rapport/shared';

/** The behaviour special to each kind; a kind with none has an empty entry, so none is forgotten. */
export const hooksByKind: HooksByKind = {
  company: companyHooks,
  contact: contactHooks,
  lead: leadHooks,
  deal: dealHooks,
  activity: activityHooks,
  case: caseHooks,
  product: productHooks,
  territory: territoryHooks,
  member: memberHooks,
  pipeline: {},
  form: webFormHooks,
  settings: {},
  tip: tipHooks,
  article: articleHooks,
  template: templateHooks,
  thread: threadHooks,
  document: {},
  goal: {},
  expense: expenseHooks,
  quote: quoteHooks,
  order: orderHooks,
  contract: contractHooks,
  activityPlan: {},
  commissionPlan: commissionPlanHooks,
  commissionStatement: {},
  survey: {},
  campaign: campaignHooks,
  link: linkHooks,
};

export function hooksOf<K extends RecordKind>(kind: K): KindHooks<K> {
  return hooksByKind[kind] as KindHooks<K>;
}
