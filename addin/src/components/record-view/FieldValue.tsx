import { makeStyles, tokens } from '@fluentui/react-components';
import type { FieldEntry, ViewableKind } from '@rapport/shared/contract/field-table';
import { useCampaign } from '../../data/campaigns';
import { useOperation, useRecordList } from '../../data/queries';
import { useMemberNames } from '../../hooks/useMe';
import { useI18n } from '../../i18n/I18nContext';
import { RecordLink } from '../RecordLink';
import { Token } from '../Token';
import { ReferenceName } from './FieldControl';
import { addressPartLabel, phoneTypeLabel, valueLabel } from './field-labels';

const useStyles = makeStyles({
  values: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0, overflowWrap: 'anywhere' },
  empty: { color: tokens.colorNeutralForeground3 },
  text: { whiteSpace: 'pre-wrap' },
});

/** A field's value as the record view shows it: formatted in the user's language, each referenced record opening. */
export function FieldValue({ kind, entry, record }: { kind: ViewableKind; entry: FieldEntry; record: Record<string, unknown> }) {
  const { t, date, dateTime, money, locale } = useI18n();
  const styles = useStyles();
  const value = record[entry.name];
  const none = <span className={styles.empty}>{t('record.notSet')}</span>;
  // A flag never set is off (a contact nobody marked Do not survey is surveyed).
  if (entry.type === 'boolean') return <span>{value === true ? t('record.yes') : t('record.no')}</span>;
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return none;
  switch (entry.type) {
    case 'text':
      // An e-mail address (a lead's) is one piece, never broken across lines, as in a list of addresses.
      return entry.format === 'email' ? <Token>{String(value)}</Token> : <span className={styles.text}>{String(value)}</span>;
    case 'number': {
      const currency = typeof record.currency === 'string' ? record.currency : null;
      if (entry.name === 'probability') return <span>{new Intl.NumberFormat(locale, { style: 'percent' }).format(Number(value) / 100)}</span>;
      // Amounts are money in the record's currency; counts are numbers.
      return <span>{currency && (entry.name === 'amount' || entry.name === 'estimatedValue') ? money(Number(value), currency) : new Intl.NumberFormat(locale).format(Number(value))}</span>;
    }
    case 'date':
      return <span>{date(String(value))}</span>;
    case 'datetime':
      return <span>{dateTime(String(value))}</span>;
    case 'choice':
      return <span>{valueLabel(t, kind, entry.name, String(value))}</span>;
    case 'currency':
      return <span>{String(value)}</span>;
    case 'stage':
      return <StageName id={String(value)} />;
    case 'list':
      return (
        <span className={styles.values}>
          {(value as string[]).map((item) => (
            <Token key={item}>{item}</Token>
          ))}
        </span>
      );
    case 'phones':
    case 'phone':
      return (
        <span className={styles.values}>
          {(entry.type === 'phone' ? [value as { type: string; number: string }] : (value as { type: string; number: string }[])).map((phone) => (
            <span key={phone.number}>
              <Token>{phone.number}</Token> <span className={styles.empty}>· {phoneTypeLabel(t, phone.type)}</span>
            </span>
          ))}
        </span>
      );
    case 'address': {
      const address = value as Record<string, string>;
      return (
        <span className={styles.values}>
          {entry.parts
            .filter((part) => address[part.name])
            .map((part) => (
              <span key={part.name} title={addressPartLabel(t, part.name)}>
                {address[part.name]}
              </span>
            ))}
        </span>
      );
    }
    case 'reference':
      if (entry.kind === 'member') return <MemberName id={String(value)} />;
      if (entry.kind === 'territory') return <TerritoryName id={String(value)} />;
      if (entry.kind === 'campaign') {
        return (
          <RecordLink to={{ kind: 'campaign', id: String(value) }}>
            <CampaignName id={String(value)} kept={typeof record.campaign === 'string' ? record.campaign : undefined} />
          </RecordLink>
        );
      }
      return (
        <span className={styles.values}>
          {(Array.isArray(value) ? (value as string[]) : [String(value)]).map((id) => (
            <OpenReference key={id} kind={entry.kind === 'company' ? 'company' : 'contact'} id={id} />
          ))}
        </span>
      );
    case 'lines':
      return <span>{t('record.lineCount', { count: (value as unknown[]).length })}</span>;
  }
}

/** A referenced company or contact by name, opening it. */
export function OpenReference({ kind, id }: { kind: 'company' | 'contact'; id: string }) {
  return (
    <RecordLink to={{ kind, id }}>
      <ReferenceName kind={kind} id={id} />
    </RecordLink>
  );
}

function StageName({ id }: { id: string }) {
  const pipeline = useOperation('pipeline', {});
  return <span>{pipeline.data?.stages.find((stage) => stage.id === id)?.name ?? id}</span>;
}

function MemberName({ id }: { id: string }) {
  const nameOf = useMemberNames();
  return <span>{nameOf(id) ?? '…'}</span>;
}

/** A campaign's name as it is called now; `kept`, the name the record keeps, until it is read (and once it is deleted). */
function CampaignName({ id, kept }: { id: string; kept: string | undefined }) {
  const { t } = useI18n();
  const { campaign, isError } = useCampaign(id);
  return <span>{campaign?.name ?? kept ?? (isError ? t('record.unavailable') : '…')}</span>;
}

function TerritoryName({ id }: { id: string }) {
  const territories = useRecordList('territory', { limit: 100 });
  return <span>{territories.data?.items.find((territory) => territory.id === id)?.name ?? '…'}</span>;
}
