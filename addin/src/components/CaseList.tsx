import { useEffect, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Case, CaseStatus } from '@rapport/shared';
import { caseIsOpen, caseStatusFlow } from '@rapport/shared/cases/case-kinds';
import type { ApiClient } from '../api/api-client';
import { useCanEditRecord } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

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
  meta: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
});

/** A person's open cases: status along its flow and the tracking number, changed by whoever may change the case. */
export function CaseList({
  api,
  cases,
  owner,
  onChanged,
}: {
  api: ApiClient;
  cases: Case[];
  /** Whose cases: a contact's or a company's closed ones can be shown too. */
  owner?: { kind: string; id: string } | undefined;
  onChanged?: (() => void) | undefined;
}) {
  const { t, date } = useI18n();
  const styles = useStyles();
  const canEdit = useCanEditRecord();
  const [shown, setShown] = useState(cases);
  const [tracking, setTracking] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [closed, setClosed] = useState<Case[] | null>(null);
  useEffect(() => setShown(cases), [cases]);
  const ownerKind = owner?.kind === 'contact' || owner?.kind === 'company' ? owner.kind : null;
  const showClosed = async () => {
    if (!ownerKind || !owner) return;
    try {
      const page = await api.casesOf(ownerKind, owner.id);
      setClosed(page.items.filter((serviceCase) => !caseIsOpen(serviceCase.status)));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const save = async (serviceCase: Case, patch: { status?: CaseStatus; trackingNumber?: string | null }) => {
    setBusy(serviceCase.id);
    setError(null);
    try {
      const saved = await api.updateCase(serviceCase.id, patch, serviceCase.version);
      if (caseIsOpen(saved.status)) setShown((current) => current.map((candidate) => (candidate.id === saved.id ? saved : candidate)));
      else {
        setShown((current) => current.filter((candidate) => candidate.id !== saved.id));
        setNotice(t('case.ended', { number: saved.number, status: t(`caseStatus.${saved.status}`) }));
        onChanged?.();
      }
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {notice ? <Body1 role="status">{notice}</Body1> : null}
      {error ? <ErrorMessage message={error} /> : null}
      {shown.length === 0 ? <Body1>{t('cases.empty')}</Body1> : null}
      <ul className={styles.list}>
        {shown.map((serviceCase) => {
          const number = t('case.number', { number: serviceCase.number });
          const editable = canEdit(serviceCase);
          const draft = tracking[serviceCase.id] ?? serviceCase.trackingNumber ?? '';
          return (
            <li key={serviceCase.id} className={styles.entry}>
              <Body1>
                <strong>{number}</strong> · {serviceCase.subject}
              </Body1>
              <Caption1 className={styles.meta}>
                {[
                  t(`caseStatus.${serviceCase.status}`),
                  t(`caseType.${serviceCase.type}`),
                  t(`priority.${serviceCase.priority}`),
                  t('case.openedOn', { date: date(serviceCase.openedAt) }),
                  serviceCase.trackingNumber ? t('case.tracking', { tracking: serviceCase.trackingNumber }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Caption1>
              {editable ? (
                <div className={styles.row}>
                  <Field label={t('case.statusOf', { number })}>
                    <Select
                      value={serviceCase.status}
                      disabled={busy === serviceCase.id}
                      onChange={(_, data) => void save(serviceCase, { status: data.value as CaseStatus })}
                    >
                      {[serviceCase.status, ...caseStatusFlow[serviceCase.status]].map((status) => (
                        <option key={status} value={status}>
                          {t(`caseStatus.${status}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t('case.trackingOf', { number })}>
                    <Input value={draft} maxLength={100} onChange={(_, data) => setTracking({ ...tracking, [serviceCase.id]: data.value })} />
                  </Field>
                  <Button
                    disabled={busy === serviceCase.id || draft.trim() === (serviceCase.trackingNumber ?? '')}
                    onClick={() => void save(serviceCase, { trackingNumber: draft.trim() === '' ? null : draft.trim() })}
                  >
                    {t('case.saveTracking')}
                  </Button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {ownerKind && !closed ? (
        <Button appearance="subtle" size="small" onClick={() => void showClosed()}>
          {t('cases.showClosed')}
        </Button>
      ) : null}
      {closed ? (
        <>
          {closed.length === 0 ? <Body1>{t('cases.noneClosed')}</Body1> : null}
          <ul className={styles.list} aria-label={t('cases.closed')}>
            {closed.map((serviceCase) => (
              <li key={serviceCase.id} className={styles.entry}>
                <Body1>
                  <strong>{t('case.number', { number: serviceCase.number })}</strong> · {serviceCase.subject}
                </Body1>
                <Caption1 className={styles.meta}>
                  {[
                    t(`caseStatus.${serviceCase.status}`),
                    t(`caseType.${serviceCase.type}`),
                    serviceCase.closedAt ? t('case.closedOn', { date: date(serviceCase.closedAt) }) : null,
                    serviceCase.trackingNumber ? t('case.tracking', { tracking: serviceCase.trackingNumber }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
