import { useState } from 'react';
import { Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Company, Contact, NpsSurveyResult } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { maySurvey, nextNpsDay } from '@rapport/shared/surveys/survey.rules';
import { isApiError } from '../../api/api-error';
import { useOperation, useRecordList } from '../../data/queries';
import { useSendNps } from '../../data/surveys';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/messages.en';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  left: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

// The company's people the pane reads (as its record view does): the count the confirmation gives.
const PEOPLE_READ = 50;

/** `.one` or `.other`, by the language's plural rules. */
const plural = (locale: string, count: number) => (new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other');

/**
 * Managers: NPS to a company's contacts. A confirmation first says to how many (those the API would leave out counted
 * apart) and how long until the next; the answer says who was sent it and who was left out, and why. Within the tenant's
 * period it says from when it can be sent again, as does a send the API refuses as too soon.
 */
export function SendNps({ company }: { company: Company }) {
  const styles = useStyles();
  const { t, date, locale } = useI18n();
  const settings = useOperation('settings', {});
  const people = useRecordList('contact', { companyId: company.id, limit: PEOPLE_READ });
  const send = useSendNps();
  const [confirming, setConfirming] = useState(false);

  if (settings.isError || people.isError) {
    const failed = settings.isError ? settings : people;
    return <ErrorMessage error={failed.error} onRetry={() => void failed.refetch()} />;
  }
  if (!settings.data || !people.data) return <Spinner size="tiny" label={t('app.loading')} />;
  const { npsPeriodDays, contactPeriodDays } = settings.data.surveys;
  const now = new Date().toISOString();
  const next = nextNpsDay(company.lastNpsAt, npsPeriodDays, now);
  const contacts = people.data.items;
  const more = people.data.nextCursor !== null;
  const askable = contacts.filter((contact) => contact.emails.length > 0 && maySurvey(contact, contactPeriodDays, now)).length;
  const leftOut = contacts.length - askable;
  const refusedUntil = tooSoonUntil(send.error);
  const submit = () => {
    setConfirming(false);
    send.mutate(company.id);
  };

  return (
    <div className={styles.body}>
      <Caption1 className={styles.muted}>{t('nps.help')}</Caption1>
      {send.data ? <SentNotice result={send.data} contacts={contacts} contactPeriodDays={contactPeriodDays} /> : null}
      {refusedUntil ? (
        <Notice intent="warning">{t('nps.refusedTooSoon', { company: company.name, next: date(refusedUntil) })}</Notice>
      ) : send.error ? (
        <ErrorMessage error={send.error} onRetry={submit} />
      ) : null}
      {next && company.lastNpsAt ? (
        <Caption1 className={styles.muted}>{t('nps.tooSoon', { company: company.name, date: date(company.lastNpsAt), next: date(next), days: npsPeriodDays })}</Caption1>
      ) : contacts.length === 0 ? (
        <Caption1 className={styles.muted}>{t('nps.noContacts', { company: company.name })}</Caption1>
      ) : askable === 0 && !more ? (
        <Caption1 className={styles.muted}>{t('nps.nobody', { company: company.name, days: contactPeriodDays })}</Caption1>
      ) : confirming ? (
        <Notice
          intent="info"
          role="alert"
          actions={
            <>
              <Button appearance="primary" size="small" onClick={submit}>
                {t('nps.confirmSend')}
              </Button>
              <Button size="small" onClick={() => setConfirming(false)}>
                {t('nps.cancel')}
              </Button>
            </>
          }
        >
          {[
            more ? t('nps.confirmMany', { company: company.name, count: PEOPLE_READ }) : t(`nps.confirm.${plural(locale, askable)}`, { count: askable, company: company.name }),
            !more && leftOut > 0 ? t(`nps.confirmLeftOut.${plural(locale, leftOut)}`, { count: leftOut, days: contactPeriodDays }) : null,
            t('nps.confirmPeriod', { company: company.name, days: npsPeriodDays }),
          ]
            .filter(Boolean)
            .join(' ')}
        </Notice>
      ) : (
        <>
          {company.lastNpsAt ? <Caption1 className={styles.muted}>{t('nps.lastSent', { date: date(company.lastNpsAt) })}</Caption1> : null}
          <Button
            disabled={send.isPending}
            onClick={() => {
              send.reset();
              setConfirming(true);
            }}
          >
            {send.isPending ? t('nps.sending') : t('nps.send')}
          </Button>
        </>
      )}
    </div>
  );
}

/** The day a refusal as too soon names (`details.nextDay`), else null. */
function tooSoonUntil(error: unknown): string | null {
  if (!isApiError(error) || error.code !== 'SURVEY.NPS_TOO_SOON') return null;
  const nextDay = (error.details as { nextDay?: unknown } | undefined)?.nextDay;
  return typeof nextDay === 'string' ? nextDay : null;
}

/** Who was sent the survey, and who was left out and why, by name. */
function SentNotice({ result, contacts, contactPeriodDays }: { result: NpsSurveyResult; contacts: Contact[]; contactPeriodDays: number }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const nameOf = (id: string) => {
    const contact = contacts.find((candidate) => candidate.id === id);
    return contact ? contactDisplayName(contact) : t('record.kind.contact');
  };
  const queued = result.queued.length;
  const left = result.skipped.length;
  return (
    <Notice intent={queued > 0 ? 'success' : 'warning'}>
      {queued > 0 ? t(`nps.queued.${plural(locale, queued)}`, { count: queued }) : t('nps.queuedNone')}
      {left > 0 ? (
        <>
          {' '}
          {t(`nps.leftOut.${plural(locale, left)}`, { count: left })}
          <ul className={styles.left} aria-label={t('nps.leftOutLabel')}>
            {result.skipped.map((skipped) => (
              <li key={skipped.contactId}>{t('nps.leftOutEntry', { name: nameOf(skipped.contactId), reason: t(`nps.reason.${skipped.reason}` as MessageKey, { days: contactPeriodDays }) })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Notice>
  );
}
