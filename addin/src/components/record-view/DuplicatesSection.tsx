import { useState } from 'react';
import { Button, Link, Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { mergeGains, type DuplicateReason } from '@rapport/shared/contacts/contact-merge.rules';
import type { RecordFor } from '../../api/api-types';
import { useOperation, useRecord } from '../../data/queries';
import { useMergeContacts } from '../../data/writes';
import { useCapabilities } from '../../hooks/useMe';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/messages.en';
import { useOpenRecord } from '../../taskpane/record-navigation';
import { ChangeError } from '../ChangeError';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';

type Contact = RecordFor<'contact'>;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  // One column: name, e-mail, company and why stack, so nothing is pushed past the pane's 320 px.
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  name: { textAlign: 'start', overflowWrap: 'anywhere' },
  line: { minWidth: 0, maxWidth: '100%', overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  why: { color: tokens.colorNeutralForeground3 },
  confirm: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, width: '100%', overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

// The survivor's fields a merge can fill, in the order the summary names them.
const gainedFields = ['firstName', 'title', 'companyId', 'customerNumber', 'address', 'emails', 'phones'] as const;

/**
 * Managers and admins: the contacts the API suspects to be the same person as this one (a shared e-mail address, or the
 * same name at the same company), each opening, and each mergeable into this contact after a confirmation in place.
 * Shown to no one else (the API refuses reps anyway).
 */
export function DuplicatesSection({ contact }: { contact: Contact }) {
  const { editOthersRecords } = useCapabilities();
  if (!editOthersRecords) return null;
  return <Duplicates contact={contact} />;
}

function Duplicates({ contact }: { contact: Contact }) {
  const styles = useStyles();
  const { t } = useI18n();
  // The survivor at its latest version in the pane: the merge is made on it.
  const survivor = useRecord('contact', contact.id, { initial: contact });
  const current = survivor.data ?? contact;
  const query = useOperation('contactDuplicates', { params: { id: contact.id } });
  const [merged, setMerged] = useState<{ name: string; moved: { activities: number; deals: number; cases: number } } | null>(null);
  const headingId = `duplicates-${contact.id}`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t('merge.heading')}
      </Subtitle2>
      {merged ? (
        <Notice intent="success">{t('merge.done', { duplicate: merged.name, ...merged.moved })}</Notice>
      ) : null}
      {query.isPending ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {query.error ? <ErrorMessage error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? <Text className={styles.why}>{t('merge.none')}</Text> : null}
      {query.data && query.data.items.length > 0 ? (
        <ul className={styles.list} aria-labelledby={headingId}>
          {query.data.items.map((item) => (
            <DuplicateItem
              key={item.contact.id}
              survivor={current}
              duplicate={item.contact}
              reasons={item.reasons}
              onReload={() => void survivor.refetch()}
              onMerged={(moved) => setMerged({ name: contactDisplayName(item.contact), moved })}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function DuplicateItem({
  survivor,
  duplicate,
  reasons,
  onReload,
  onMerged,
}: {
  survivor: Contact;
  duplicate: Contact;
  reasons: DuplicateReason[];
  onReload: () => void;
  onMerged: (moved: { activities: number; deals: number; cases: number }) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const openRecord = useOpenRecord();
  const company = useRecord('company', duplicate.companyId);
  const merge = useMergeContacts();
  const [confirming, setConfirming] = useState(false);
  const name = contactDisplayName(duplicate);
  const survivorName = contactDisplayName(survivor);
  const send = () => merge.mutate({ survivor, duplicate }, { onSuccess: (result) => onMerged(result.moved) });
  const gains = mergeGains(survivor, duplicate);
  const fields = gainedFields.filter((field) => gains[field] !== undefined).map((field) => t(`merge.field.${field}` as MessageKey));
  return (
    <li className={styles.item}>
      <Link className={styles.name} onClick={() => openRecord({ kind: 'contact', id: duplicate.id })}>
        {name}
      </Link>
      {duplicate.emails.map((email) => (
        <Text key={email} className={styles.line}>
          {email}
        </Text>
      ))}
      {company.data ? <Text className={styles.line}>{company.data.name}</Text> : null}
      <Text size={200} className={styles.why}>
        {reasons.map((reason) => t(`merge.reason.${reason}`)).join(' · ')}
      </Text>
      {confirming ? (
        <div className={styles.confirm} role="group" aria-label={t('merge.confirmTitle', { duplicate: name, survivor: survivorName })}>
          <Text weight="semibold">{t('merge.confirmTitle', { duplicate: name, survivor: survivorName })}</Text>
          <Text>{t('merge.confirmMoves', { duplicate: name, survivor: survivorName })}</Text>
          <Text>{fields.length > 0 ? t('merge.confirmGains', { survivor: survivorName, fields: fields.join(', ') }) : t('merge.confirmKeeps', { survivor: survivorName })}</Text>
          {merge.error ? <ChangeError error={merge.error} onRetry={send} onReload={onReload} /> : null}
          <div className={styles.actions}>
            <Button appearance="primary" size="small" disabled={merge.isPending} onClick={send}>
              {merge.isPending ? t('merge.merging') : t('merge.confirm')}
            </Button>
            <Button
              size="small"
              disabled={merge.isPending}
              onClick={() => {
                merge.reset();
                setConfirming(false);
              }}
            >
              {t('merge.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button size="small" aria-label={t('merge.mergeIntoNamed', { duplicate: name })} onClick={() => setConfirming(true)}>
          {t('merge.mergeInto')}
        </Button>
      )}
    </li>
  );
}
