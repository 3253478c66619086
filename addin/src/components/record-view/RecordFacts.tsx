import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Article, Campaign, Case, Company, Contact, Contract, Deal, FirstTouch, Lead, Order, Quote } from '@rapport/shared';
import { articleIsPublic } from '@rapport/shared/knowledge/article.rules';
import { contractStatus } from '@rapport/shared/contracts/contract.rules';
import { satisfactionBand } from '@rapport/shared/surveys/survey.rules';
import { fromMinor } from '@rapport/shared/money/money.rules';
import { localDate } from '../../data/today';
import { CaseCoverage } from '../contracts/CaseCoverage';
import { CaseServiceLevel } from '../service-levels/CaseServiceLevel';
import { orderStatusTone } from '../orders/order-tones';
import { RecordLink } from '../RecordLink';
import { useOperation } from '../../data/queries';
import { useI18n } from '../../i18n/I18nContext';
import type { OpenableKind } from '../../taskpane/record-navigation';
import { StatusBadge } from '../StatusBadge';
import { bandTones, scoreOnScale } from '../surveys/satisfaction-score';
import { ReferenceName } from './FieldControl';
import { valueLabel } from './field-labels';
import { useMinorMoney } from './quote-money';
import { quoteState, quoteTones } from './QuoteRecord';
import { campaignDates, campaignStatusTones, channelLabel, statusLabel } from '../campaigns/campaign-text';

const useStyles = makeStyles({
  facts: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2, minWidth: 0 },
  fact: { minWidth: 0, overflowWrap: 'anywhere' },
});

/**
 * The key facts of a record under its name: what tells it apart at a glance (a deal's stage, amount and close date, an
 * order's status and total, a contract's status and dates, an article's status and language, a campaign's status, channel
 * and dates, a lead's campaign; a case's service level and coverage under them).
 */
export function RecordFacts({ kind, record }: { kind: OpenableKind; record: Record<string, unknown> }) {
  const { t, money, date } = useI18n();
  const styles = useStyles();
  const pipeline = useOperation('pipeline', {}, { enabled: kind === 'deal' });
  const minorMoney = useMinorMoney();
  const facts: React.ReactNode[] = [];
  // The tracked link a lead (and the deal made from it) first came by: where it was placed, and when.
  const firstTouchFact = (touch: FirstTouch) => {
    const values = { channel: channelLabel(t, touch), date: date(touch.at) };
    return touch.affiliate ? t('links.firstTouchAffiliate', { ...values, affiliate: touch.affiliate }) : t('links.firstTouch', values);
  };
  const badge = (tone: 'brand' | 'success' | 'danger' | 'informative' | 'subtle' | 'severe', text: string) => (
    <StatusBadge key="badge" tone={tone}>
      {text}
    </StatusBadge>
  );
  switch (kind) {
    case 'contact': {
      const contact = record as Contact;
      if (contact.title) facts.push(contact.title);
      if (contact.companyId) facts.push(<ReferenceName key="company" kind="company" id={contact.companyId} />);
      facts.push(badge(contact.status === 'customer' ? 'success' : 'informative', valueLabel(t, 'contact', 'status', contact.status)));
      // Their latest answer, as on their card ("Satisfaction 2/5"); the Satisfaction section below lists them all.
      const latest = contact.satisfaction;
      if (latest) {
        facts.push(
          <StatusBadge key="satisfaction" tone={bandTones[satisfactionBand(latest.type, latest.score)]}>
            {`${t(`satisfaction.type.${latest.type}`)} ${scoreOnScale(latest.type, latest.score)}`}
          </StatusBadge>,
        );
      }
      break;
    }
    case 'company': {
      const company = record as Company;
      facts.push(badge(company.type === 'customer' ? 'success' : 'informative', valueLabel(t, 'company', 'type', company.type)));
      if (company.industry) facts.push(company.industry);
      if (company.domains[0]) facts.push(company.domains[0]);
      break;
    }
    case 'deal': {
      const deal = record as Deal;
      facts.push(badge(deal.status === 'won' ? 'success' : deal.status === 'lost' ? 'danger' : 'brand', pipeline.data?.stages.find((stage) => stage.id === deal.stage)?.name ?? deal.stage));
      if (deal.amount !== undefined) facts.push(money(deal.amount, deal.currency));
      if (deal.expectedCloseDate) facts.push(t('deal.expectedClose', { date: date(deal.expectedCloseDate) }));
      facts.push(t('record.probability', { percent: deal.probability }));
      if (deal.firstTouch) facts.push(firstTouchFact(deal.firstTouch));
      break;
    }
    case 'lead': {
      const lead = record as Lead;
      facts.push(badge(lead.status === 'converted' ? 'success' : lead.status === 'dead' ? 'subtle' : 'informative', valueLabel(t, 'lead', 'status', lead.status)));
      if (lead.companyName) facts.push(lead.companyName);
      if (lead.campaignId) {
        facts.push(
          <RecordLink key="campaign" to={{ kind: 'campaign', id: lead.campaignId }}>
            {lead.campaign ?? t('record.kind.campaign')}
          </RecordLink>,
        );
      }
      if (lead.firstTouch) facts.push(firstTouchFact(lead.firstTouch));
      break;
    }
    case 'campaign': {
      const campaign = record as Campaign;
      facts.push(badge(campaignStatusTones[campaign.status], statusLabel(t, campaign)));
      facts.push(channelLabel(t, campaign));
      const dates = campaignDates({ t, date }, campaign);
      if (dates) facts.push(dates);
      break;
    }
    case 'case': {
      const serviceCase = record as Case;
      facts.push(badge(serviceCase.status === 'closed' ? 'success' : serviceCase.status === 'rejected' ? 'subtle' : 'informative', valueLabel(t, 'case', 'status', serviceCase.status)));
      facts.push(valueLabel(t, 'case', 'priority', serviceCase.priority));
      facts.push(valueLabel(t, 'case', 'type', serviceCase.type));
      break;
    }
    case 'quote': {
      const quote = record as Quote;
      const state = quoteState(quote, new Date());
      facts.push(badge(quoteTones[state], t(`quoteRecord.status.${state}`)));
      facts.push(t('quoteRecord.totalWithTax', { total: minorMoney(quote.totals.total, quote.currency) }));
      facts.push(t('quoteRecord.validUntilFact', { date: date(quote.validUntil) }));
      break;
    }
    case 'order': {
      const order = record as Order;
      facts.push(badge(orderStatusTone[order.status], valueLabel(t, 'order', 'status', order.status)));
      facts.push(money(fromMinor(order.totals.total, order.currency), order.currency));
      facts.push(<RecordLink key="quote" to={{ kind: 'quote', id: order.quoteId }}>{t('order.fromQuote', { quote: order.quoteReference })}</RecordLink>);
      const when = order.cancelledAt
        ? t('order.cancelledOn', { date: date(order.cancelledAt) })
        : order.deliveredAt
          ? t('order.deliveredOn', { date: date(order.deliveredAt) })
          : order.shippedAt
            ? t('order.shippedOn', { date: date(order.shippedAt) })
            : t('order.orderedOn', { date: date(order.orderedAt) });
      facts.push(when);
      if (order.companyId) facts.push(<ReferenceName key="company" kind="company" id={order.companyId} />);
      break;
    }
    case 'contract': {
      const contract = record as Contract;
      const status = contractStatus(contract, localDate(new Date()));
      facts.push(badge(status === 'active' ? 'success' : status === 'upcoming' ? 'brand' : 'subtle', t(`contract.status.${status}`)));
      facts.push(t('contract.dates', { start: date(contract.startDate), end: date(contract.endDate) }));
      facts.push(<ReferenceName key="company" kind="company" id={contract.companyId} />);
      break;
    }
    case 'article': {
      const article = record as Article;
      facts.push(badge(article.status === 'published' ? 'success' : article.status === 'draft' ? 'informative' : 'subtle', t(`knowledge.article.status.${article.status}`)));
      if (articleIsPublic(article)) facts.push(badge('brand', t('knowledge.article.public')));
      facts.push(t(`value.contact.language.${article.language}`));
      facts.push(t('knowledge.article.updated', { date: date(article.updatedAt) }));
      break;
    }
  }
  const line = (
    <Caption1 className={styles.facts}>
      {facts.map((fact, index) => (
        <span key={index} className={styles.fact}>
          {fact}
        </span>
      ))}
    </Caption1>
  );
  // A case says when it is due (or how it did), whether its customer is covered, and what is promised.
  if (kind !== 'case') return line;
  return (
    <>
      {line}
      <CaseServiceLevel serviceCase={record as Case} />
      <CaseCoverage companyId={(record as Case).companyId} />
    </>
  );
}
