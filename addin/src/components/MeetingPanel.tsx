import { useState } from 'react';
import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { LookupResult } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import type { CalendarLoader } from '../data/calendar';
import type { OutlookEvent } from '../graph/calendar';
import { useIsSending } from '../data/sending';
import { linkMeetingKey, meetingAppointment, useLinkMeeting, useMeeting } from '../hooks/useMeeting';
import { useCanEdit } from '../hooks/useMe';
import { useOpenForm } from '../hooks/useOpenForm';
import { useI18n } from '../i18n/I18nContext';
import type { MailItem } from '../office/mail-item';
import { DealSelect } from './DealSelect';
import { ErrorMessage } from './ErrorMessage';

import { LogOutcomeForm } from './LogOutcomeForm';
import { ScheduleAppointmentForm } from './ScheduleAppointmentForm';
import { appointmentIcons } from './appointment-icons';
import { Notice } from './Notice';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export type MeetingPanelProps = {
  loadCalendar: CalendarLoader;
  userEmail: string;
  item: MailItem;
  /** The lookup of the meeting's people: the contacts and deals it can be linked to. */
  results: LookupResult[];
};

/**
 * The open meeting in the CRM: recognised as the appointment it was booked as (by its iCalUId), or
 * linked now; then its outcome, logged by the organizer, with the next step in the same flow.
 */
export function MeetingPanel({ loadCalendar, userEmail, item, results }: MeetingPanelProps) {
  const styles = useStyles();
  const { t, dateTime } = useI18n();
  const state = useMeeting(loadCalendar, item);
  const canEditAppointment = useCanEdit({ ownerId: state.status === 'ready' ? (state.appointment?.ownerId ?? '') : '' });
  const [notice, setNotice] = useState<string | null>(null);
  // The next appointment's form opens after the outcome is saved (the form that asked for it is gone by then): when it
  // closes, focus goes back to the meeting's panel.
  const next = useOpenForm<HTMLElement>();
  const known = results.filter((result): result is LookupResult & { contact: NonNullable<LookupResult['contact']> } => result.contact !== null);
  const firstContact = known[0];

  let body: JSX.Element;
  if (state.status === 'loading') body = <Spinner size="tiny" label={t('meeting.checking')} />;
  else if (state.status === 'unsaved') body = <Caption1>{t('meeting.notSaved')}</Caption1>;
  else if (state.status === 'error')
    body = <ErrorMessage {...(state.step === 'outlook' ? { title: t('meeting.unreadable') } : {})} error={state.error} onRetry={state.retry} />;
  else if (!state.event) body = <Caption1>{t('meeting.notSaved')}</Caption1>;
  else if (!state.appointment) body = <LinkMeeting event={state.event} results={results} onLinked={() => setNotice(t('meeting.linked'))} />;
  else {
    const appointment = state.appointment;
    // The organizer logs the outcome; of a meeting a customer organized, the rep who attended does.
    const organizerDomain = state.event.organizer?.address.split('@')[1];
    const organizer =
      item.mode === 'appointment-organizer' || state.event.isOrganizer || (organizerDomain !== undefined && organizerDomain !== userEmail.split('@')[1]?.toLowerCase());
    const mayLog = organizer && canEditAppointment === true;
    body = (
      <>
        <Body1>{t('meeting.recognised', { status: t(`status.${appointment.status}`), when: dateTime(appointment.at) })}</Body1>
        {appointment.outcome ? <Caption1>{t('meeting.logged', { outcome: t(`outcome.${appointment.outcome}`) })}</Caption1> : null}
        {appointment.status === 'planned' && mayLog ? (
          <LogOutcomeForm
            key={`${appointment.id}:${appointment.version}`}
            appointment={appointment}
            openInOutlook
            onSaved={(summary, scheduleNext) => {
              setNotice(summary);
              if (scheduleNext) next.show();
            }}
          />
        ) : null}
        {appointment.status === 'planned' && !organizer ? <Caption1>{t('meeting.onlyOrganizer')}</Caption1> : null}
        {appointment.status === 'planned' && organizer && canEditAppointment === false ? <Caption1>{t('meeting.notYours')}</Caption1> : null}
      </>
    );
  }

  return (
    <section ref={next.triggerRef} tabIndex={-1} className={styles.panel} aria-label={item.subject || t('people.onMeeting')}>
      {body}
      {notice ? (
        <Notice intent="success">{notice}</Notice>
      ) : null}
      {next.open && firstContact ? (
        <ScheduleAppointmentForm
          loadCalendar={loadCalendar}
          userEmail={userEmail}
          contact={{ id: firstContact.contact.id, name: contactDisplayName(firstContact.contact), email: firstContact.email ?? firstContact.contact.emails[0] ?? '' }}
          {...(firstContact.company ? { companyId: firstContact.company.id } : {})}
          deals={firstContact.openDeals}
          others={known.slice(1).map((other) => ({ email: other.email ?? '', name: contactDisplayName(other.contact), contactId: other.contact.id }))}
          onBooked={(summary) => {
            next.close();
            setNotice(summary);
          }}
          onCancel={next.close}
        />
      ) : null}
    </section>
  );
}

/** A meeting not booked through Rapport, linked to the contacts on it and (if chosen) a deal. */
function LinkMeeting({ event, results, onLinked }: { event: OutlookEvent; results: LookupResult[]; onLinked: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const deals = results.flatMap((result) => result.openDeals).filter((deal, index, all) => all.findIndex((other) => other.id === deal.id) === index);
  const [dealId, setDealId] = useState(deals.length === 1 ? (deals[0]?.id ?? '') : '');
  const link = useLinkMeeting();
  const sending = useIsSending(linkMeetingKey);
  const hasContacts = results.some((result) => result.contact);
  const send = (input: ReturnType<typeof meetingAppointment>) => {
    if (!sending()) link.mutate(input, { onSuccess: onLinked });
  };

  return (
    <>
      <Body1>{t('meeting.notInCrm')}</Body1>
      <DealSelect deals={deals} value={dealId} onChange={setDealId} />
      {link.error ? <ErrorMessage error={link.error} onRetry={() => link.variables && send(link.variables)} /> : null}
      <div className={styles.actions}>
        <Button appearance="primary" icon={<appointmentIcons.link />} disabled={link.isPending || !hasContacts} onClick={() => send(meetingAppointment(event, results, dealId))}>
          {t('meeting.link')}
        </Button>
      </div>
    </>
  );
}
