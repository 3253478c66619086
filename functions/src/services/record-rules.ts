import {
  CrmError,
  applyStage,
  canMoveCase,
  caseIsOpen,
  caseStatusFlow,
  defaultActivityStatus,
  invalidField,
  dealAmount,
  fitsCurrency,
  minorDigits,
  nextStageHistory,
  normalizeDomain,
  normalizeEmail,
  outcomeAllowedAt,
  OUTCOME_CLOCK_GRACE_MS,
  toUtcTimestamp,
  type CaseStatus,
  type LineItem,
  type CrudKind,
  type Pipeline,
  type RecordKind,
} from '@rapport/shared';
import type { RecordOf } from '../store/store';

/** A record's own fields, without the system fields the server keeps. */
export type Fields = Record<string, unknown>;

/** A reference a record makes, which must exist in the same tenant. */
export type Reference = { field: string; kind: RecordKind; ids: string[] };

export type PrepareContext = {
  now: string;
  pipeline: Pipeline;
  /** The fields this request set, to tell a hand-set value from a kept one. */
  requested: Fields;
  previous: RecordOf[CrudKind] | undefined;
};

/** The records a record's references point at, by `${kind}:${id}`, read once while preparing it. */
export type Referenced = ReadonlyMap<string, RecordOf[RecordKind]>;

type KindRules = {
  /** Normalizes the fields and derives what the server owns (a deal's status, a case's close time). */
  prepare(fields: Fields, context: PrepareContext): Fields;
  references(fields: Fields): Reference[];
  /** What can be derived only from the records referenced (a deal's line items priced from the catalog). */
  complete?(fields: Fields, context: PrepareContext & { referenced: Referenced }): Fields;
};

// Timestamps are stored in UTC so that their text order is their time order (timelines sort by it).
const utc = (fields: Fields, name: string): Fields => (typeof fields[name] === 'string' ? { [name]: toUtcTimestamp(fields[name] as string) } : {});

const ids = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : []);
const uniqueNormalized = (values: unknown, normalize: (value: string) => string | null) =>
  [...new Set(ids(values).map(normalize).filter((value): value is string => value !== null))];

export const recordRules: Record<CrudKind, KindRules> = {
  company: {
    prepare: (fields) => ({ ...fields, domains: uniqueNormalized(fields.domains, normalizeDomain) }),
    references: (fields) => [{ field: 'parentCompanyId', kind: 'company', ids: ids(fields.parentCompanyId) }],
  },
  contact: {
    prepare: (fields) => ({
      ...fields,
      emails: uniqueNormalized(fields.emails, normalizeEmail),
      ...utc(fields, 'lastContactedAt'),
    }),
    references: (fields) => [{ field: 'companyId', kind: 'company', ids: ids(fields.companyId) }],
  },
  deal: {
    prepare: (fields, { now, pipeline, requested, previous }) => {
      const stage = String(fields.stage);
      const outcome = applyStage(
        pipeline,
        { stage, requestedProbability: requested.probability as number | undefined },
        previous as RecordOf['deal'] | undefined,
        now,
      );
      if (!outcome) {
        const known = pipeline.stages.map((candidate) => candidate.id).join(', ');
        throw invalidField('DEAL.UNKNOWN_STAGE', 'stage', `Stage "${stage}" is not in your pipeline (${known}).`);
      }
      const next: Fields = {
        ...fields,
        status: outcome.status,
        probability: outcome.probability,
        stageHistory: nextStageHistory(previous as RecordOf['deal'] | undefined, stage, now),
      };
      if (outcome.closedAt) next.closedAt = outcome.closedAt;
      else delete next.closedAt;
      return next;
    },
    references: (fields) => [
      { field: 'companyId', kind: 'company', ids: ids(fields.companyId) },
      { field: 'contactIds', kind: 'contact', ids: ids(fields.contactIds) },
      { field: 'lineItems', kind: 'product', ids: [...new Set(((fields.lineItems ?? []) as { productId: string }[]).map((item) => item.productId))] },
    ],
    complete: (fields, { requested, referenced, previous }) => {
      const items = ((fields.lineItems ?? []) as (Omit<LineItem, 'unitPrice'> & { unitPrice?: number })[]).map((item) => {
        if (item.unitPrice !== undefined) return item as LineItem;
        // The catalog's price, unless this line overrides it: a price in another currency is no price for this deal.
        const product = referenced.get(`product:${item.productId}`) as RecordOf['product'] | undefined;
        if (product && product.currency !== fields.currency) {
          throw new CrmError(
            'unprocessable',
            'DEAL.CURRENCY_MISMATCH',
            `"${product.name}" is priced in ${product.currency} and this deal is in ${String(fields.currency)}: give the line a price in ${String(fields.currency)}, or choose the product's ${String(fields.currency)} version.`,
            { field: 'lineItems', productId: product.id },
          );
        }
        return { ...item, unitPrice: product?.unitPrice ?? 0 };
      });
      if (typeof requested.amount === 'number' && requested.amountSetByHand === false) {
        throw invalidField('DEAL.AMOUNT_OR_LINES', 'amountSetByHand', 'Send an amount (set by hand) or amountSetByHand: false (the lines\' total), not both.');
      }
      // An amount typed by hand stays when lines change, unless this request says to use the lines' total.
      // Money keeps to its currency's minor unit (no half yen): the amount and every line's price, whenever either
      // or the currency changes.
      const currency = String(fields.currency);
      const tooPrecise = (value: unknown) => typeof value === 'number' && !fitsCurrency(value, currency);
      const precision = (field: string, value: unknown) =>
        invalidField('DEAL.AMOUNT_PRECISION', field, `${currency} amounts have ${minorDigits(currency)} decimals at most: ${String(value)} has more.`);
      if ((requested.amount !== undefined || requested.currency !== undefined) && tooPrecise(fields.amount)) throw precision('amount', fields.amount);
      if (requested.lineItems !== undefined || requested.currency !== undefined) {
        const line = items.findIndex((item) => tooPrecise(item.unitPrice));
        if (line >= 0) throw precision(`lineItems.${line}.unitPrice`, items[line]?.unitPrice);
      }
      const { amount, amountSetByHand } = dealAmount(items, { amount: fields.amount as number | undefined, currency }, requested, previous as RecordOf['deal'] | undefined);
      const next: Fields = { ...fields, lineItems: items, amountSetByHand };
      if (amount === undefined) delete next.amount;
      else next.amount = amount;
      return next;
    },
  },
  activity: {
    prepare: (fields, { now, requested, previous }) => {
      const outcome = fields.outcome as string | undefined;
      const before = previous as RecordOf['activity'] | undefined;
      // Checked when the outcome is logged or the meeting moved: an outcome of the past never blocks later edits.
      const changed = (requested.outcome !== undefined && outcome !== before?.outcome) || (requested.at !== undefined && fields.at !== before?.at);
      const serverNowWithGrace = new Date(Date.parse(now) + OUTCOME_CLOCK_GRACE_MS);
      if (outcome && changed && !outcomeAllowedAt(outcome, String(fields.at), serverNowWithGrace)) {
        throw new CrmError(
          'conflict',
          'ACTIVITY.NOT_STARTED',
          `This ${String(fields.kind)} starts at ${String(fields.at)}: its outcome (${outcome}) can be logged once it has started.`,
          { field: 'outcome', startsAt: fields.at },
        );
      }
      return {
        ...fields,
        ...utc(fields, 'at'),
        status: fields.status ?? defaultActivityStatus(fields.kind as RecordOf['activity']['kind'], String(fields.at), now),
      };
    },
    references: (fields) => [
      { field: 'contactIds', kind: 'contact', ids: ids(fields.contactIds) },
      { field: 'companyId', kind: 'company', ids: ids(fields.companyId) },
      { field: 'dealId', kind: 'deal', ids: ids(fields.dealId) },
      { field: 'leadId', kind: 'lead', ids: ids(fields.leadId) },
      { field: 'caseId', kind: 'case', ids: ids(fields.caseId) },
    ],
  },
  lead: {
    prepare: (fields, { previous }) => {
      const was = (previous as RecordOf['lead'] | undefined)?.status;
      // Converted is what converting does (POST /api/leads/{id}/convert), and it is final.
      if (fields.status === 'converted' && was !== 'converted') {
        throw new CrmError('conflict', 'LEAD.CONVERT_INSTEAD', 'A lead becomes converted by converting it (it then links to its contact, company and deal), not by setting its status.');
      }
      if (was === 'converted' && fields.status !== 'converted') {
        throw new CrmError('conflict', 'LEAD.ALREADY_CONVERTED', 'This lead is converted: work with the contact it became.');
      }
      const email = typeof fields.email === 'string' ? normalizeEmail(fields.email) : null;
      return email ? { ...fields, email } : fields;
    },
    references: (fields) => [{ field: 'territoryId', kind: 'territory', ids: ids(fields.territoryId) }],
  },
  product: {
    prepare: (fields) => {
      const currency = String(fields.currency);
      if (typeof fields.unitPrice === 'number' && !fitsCurrency(fields.unitPrice, currency)) {
        throw invalidField('PRODUCT.PRICE_PRECISION', 'unitPrice', `${currency} prices have ${minorDigits(currency)} decimals at most: ${fields.unitPrice} has more.`);
      }
      return fields;
    },
    references: () => [],
  },
  form: {
    prepare: (fields) => fields,
    references: () => [],
  },
  territory: {
    prepare: (fields) => ({ ...fields, repIds: [...new Set(ids(fields.repIds))] }),
    references: (fields) => [{ field: 'repIds', kind: 'member', ids: ids(fields.repIds) }],
  },
  case: {
    prepare: (fields, { now, previous }) => {
      const status = fields.status as CaseStatus;
      const next: Fields = { ...fields, openedAt: typeof fields.openedAt === 'string' ? toUtcTimestamp(fields.openedAt) : now };
      const previousCase = previous as RecordOf['case'] | undefined;
      if (previousCase && !canMoveCase(previousCase.status, status)) {
        throw new CrmError(
          'conflict',
          'CASE.STATUS_FLOW',
          `A ${previousCase.status} case cannot become ${status}; from ${previousCase.status} it can become ${caseStatusFlow[previousCase.status].join(', ')}.`,
          { from: previousCase.status, to: status, allowed: caseStatusFlow[previousCase.status] },
        );
      }
      if (caseIsOpen(status)) delete next.closedAt;
      else next.closedAt = previousCase?.closedAt && !caseIsOpen(previousCase.status) ? previousCase.closedAt : now;
      return next;
    },
    references: (fields) => [
      { field: 'contactId', kind: 'contact', ids: ids(fields.contactId) },
      { field: 'companyId', kind: 'company', ids: ids(fields.companyId) },
    ],
  },
};
