import { useRef, useState } from 'react';
import { RecordLink } from './RecordLink';
import { Body1, Button, Caption1, Field, Input, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Case, CaseStatus } from '@rapport/shared';
import { caseIsOpen, caseStatusFlow } from '@rapport/shared/cases/case-kinds';
import { isApiError } from '../api/api-error';
import type { ChangeInput } from '../api/api-types';
import { useLatestRecord } from '../data/latest';
import { useRecordList } from '../data/queries';
import { useChangeRecord } from '../data/writes';
import { useCanEditRecord } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';
import { actionIcons } from './icons';
import { Token } from './Token';
import { editIcons } from './editing-icons';
import { CaseCoverage } from './contracts/CaseCoverage';
import { CaseServiceLevel } from './service-levels/CaseServiceLevel';
import type { Contract } from '@rapport/shared';
// Offered to knowledge editors once a case is closed here; the list comes with the card's later parts, as it does.
import { DraftFromCase } from './knowledge/DraftFromCase';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke2,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  subject: { overflowWrap: 'break-word' },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'break-word' },
  // Status, then tracking number, each the row's width; the save under them.
  edit: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalS, justifyItems: 'start' },
  field: { width: '100%', minWidth: 0 },
  fill: { width: '100%', minWidth: 0, maxWidth: '100%', '& select': { width: '100%', minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' } },
});

/**
 * A person's open cases: whether their company's service contract covers them, then each case's service level (what is
 * due next and when), its status along its flow and the tracking number, changed by whoever may change the case.
 */
export function CaseList({
  cases,
  owner,
  coverage,
}: {
  cases: Case[];
  /** Whose cases: a contact's or a company's closed ones can be shown too. */
  owner?: { kind: string; id: string } | undefined;
  /** Their company, and its contract in force when the lookup brought it (read otherwise). */
  coverage?: { companyId: string | undefined; contract?: Contract | null | undefined };
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [ended, setEnded] = useState<Case | null>(null);
  const [showClosed, setShowClosed] = useState(false);
  const ownerKind = owner?.kind === 'contact' || owner?.kind === 'company' ? owner.kind : null;
  return (
    <>
      {ended ? <Body1 role="status">{t('case.ended', { number: ended.number, status: t(`caseStatus.${ended.status}`) })}</Body1> : null}
      {ended?.status === 'closed' ? <DraftFromCase key={ended.id} serviceCase={ended} justClosed /> : null}
      {coverage && (cases.length > 0 || coverage.contract) ? <CaseCoverage companyId={coverage.companyId} contract={coverage.contract} /> : null}
      {cases.length === 0 ? <Body1>{t('cases.empty')}</Body1> : null}
      <ul className={styles.list}>
        {cases.map((serviceCase) => (
          <CaseRow key={serviceCase.id} serviceCase={serviceCase} onEnded={setEnded} />
        ))}
      </ul>
      {ownerKind && owner && !showClosed ? (
        <Button appearance="subtle" size="small" onClick={() => setShowClosed(true)}>
          {t('cases.showClosed')}
        </Button>
      ) : null}
      {ownerKind && owner && showClosed ? <ClosedCases owner={{ kind: ownerKind, id: owner.id }} /> : null}
    </>
  );
}

function CaseRow({ serviceCase: known, onEnded }: { serviceCase: Case; onEnded: (ended: Case) => void }) {
  const { t, date } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const canEdit = useCanEditRecord();
  // The case as last saved: a change shows at once, and a case ended here leaves the open cases.
  const { record: serviceCase, query } = useLatestRecord('case', known);
  const change = useChangeRecord('case');
  const [tracking, setTracking] = useState<string | null>(null);
  // A status picked but not saved yet (or refused): the list shows it until the save answers.
  const [statusDraft, setStatusDraft] = useState<CaseStatus | null>(null);
  const afterSave = useRef<() => void>(() => undefined);
  type Variables = { id: string; changes: ChangeInput<'case'>; version: number; previous: Case };
  const send = (variables: Variables) =>
    change.mutate(variables, {
      onSuccess: (saved) => {
        afterSave.current();
        if (!caseIsOpen(saved.status)) onEnded(saved);
      },
    });
  const save = (changes: ChangeInput<'case'>, done: () => void) => {
    afterSave.current = done;
    send({ id: serviceCase.id, changes, version: serviceCase.version, previous: serviceCase });
  };
  const reload = async () => {
    const reloaded = await query.refetch();
    if (reloaded.isSuccess) {
      change.reset();
      setStatusDraft(null);
    }
  };

  if (!caseIsOpen(serviceCase.status)) return null;
  const number = t('case.number', { number: serviceCase.number });
  const draft = tracking ?? serviceCase.trackingNumber ?? '';
  const busy = change.isPending || query.isFetching;
  const error = query.isError ? query.error : change.error;
  const fields = change.error ? errorText(change.error).fields : {};
  const stale = isApiError(change.error) && change.error.code === 'RECORD.STALE_VERSION';
  const status = statusDraft ?? serviceCase.status;
  return (
    <li className={styles.entry}>
      <Body1 className={styles.subject}>
        <RecordLink to={{ kind: 'case', id: serviceCase.id }}>
          <strong>{number}</strong> · {serviceCase.subject}
        </RecordLink>
      </Body1>
      <Caption1 className={styles.meta}>
        {[t(`caseStatus.${serviceCase.status}`), t(`caseType.${serviceCase.type}`), t(`priority.${serviceCase.priority}`), t('case.openedOn', { date: date(serviceCase.openedAt) })].join(' · ')}
        <Tracking number={serviceCase.trackingNumber} />
      </Caption1>
      <CaseServiceLevel serviceCase={serviceCase} />
      {error ? <ErrorMessage error={error} onRetry={() => (query.isError ? void reload() : change.variables && send(change.variables as Variables))} /> : null}
      {stale ? (
        <div>
          <Button size="small" icon={<actionIcons.reload />} disabled={busy} onClick={() => void reload()}>
            {t('case.reload')}
          </Button>
        </div>
      ) : null}
      {canEdit(serviceCase) ? (
        <div className={styles.edit}>
          <Field className={styles.field} label={t('case.statusOf', { number })} validationMessage={fields.status}>
            <Select
              className={styles.fill}
              value={status}
              disabled={busy}
              onChange={(_, data) => {
                setStatusDraft(data.value as CaseStatus);
                save({ status: data.value as CaseStatus }, () => setStatusDraft(null));
              }}
            >
              {[...new Set([status, serviceCase.status, ...caseStatusFlow[serviceCase.status]])].map((one) => (
                <option key={one} value={one}>
                  {t(`caseStatus.${one}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field className={styles.field} label={t('case.trackingOf', { number })} validationMessage={fields.trackingNumber}>
            <Input className={styles.fill} value={draft} maxLength={100} onChange={(_, data) => setTracking(data.value)} />
          </Field>
          <Button
            icon={<editIcons.save />}
            disabled={busy || draft.trim() === (serviceCase.trackingNumber ?? '')}
            onClick={() => save({ trackingNumber: draft.trim() === '' ? null : draft.trim() }, () => setTracking(null))}
          >
            {t('case.saveTracking')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

// A contact's or company's ended cases, read when the rep asks (the lookup brings only the open ones).
function ClosedCases({ owner }: { owner: { kind: 'contact' | 'company'; id: string } }) {
  const { t, date } = useI18n();
  const styles = useStyles();
  const cases = useRecordList('case', { [`${owner.kind}Id`]: owner.id, limit: 50 });
  if (cases.isPending) return <Spinner size="tiny" label={t('app.loading')} />;
  if (cases.isError) return <ErrorMessage error={cases.error} onRetry={() => void cases.refetch()} />;
  const closed = cases.data.items.filter((serviceCase) => !caseIsOpen(serviceCase.status));
  if (closed.length === 0) return <Body1>{t('cases.noneClosed')}</Body1>;
  return (
    <ul className={styles.list} aria-label={t('cases.closed')}>
      {closed.map((serviceCase) => (
        <li key={serviceCase.id} className={styles.entry}>
          <Body1 className={styles.subject}>
            <RecordLink to={{ kind: 'case', id: serviceCase.id }}>
              <strong>{t('case.number', { number: serviceCase.number })}</strong> · {serviceCase.subject}
            </RecordLink>
          </Body1>
          <Caption1 className={styles.meta}>
            {[t(`caseStatus.${serviceCase.status}`), t(`caseType.${serviceCase.type}`), serviceCase.closedAt ? t('case.closedOn', { date: date(serviceCase.closedAt) }) : null]
              .filter(Boolean)
              .join(' · ')}
            <Tracking number={serviceCase.trackingNumber} />
          </Caption1>
          <CaseServiceLevel serviceCase={serviceCase} />
        </li>
      ))}
    </ul>
  );
}

// The courier's tracking number is read and typed as one piece: never broken across lines.
function Tracking({ number }: { number?: string | undefined }) {
  const { t } = useI18n();
  if (!number) return null;
  const [before = '', after = ''] = t('case.tracking', { tracking: '\uE000' }).split('\uE000');
  return (
    <>
      {' · '}
      {before}
      <Token>{number}</Token>
      {after}
    </>
  );
}
