import { useState } from 'react';
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { LookupResult } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { ApiError, type ApiClient } from '../api/api-client';
import type { OutlookEvent } from '../graph/calendar';
import { useMeeting } from '../hooks/useMeeting';
import { useCanEdit } from '../hooks/useMe';
import type { CalendarLoader } from '../hooks/useScheduling';
import { useI18n } from '../i18n/I18nContext';
import { DealSelect } from './DealSelect';
import type { MailItem } from '../office/mail-item';
import { ErrorMessage } from './ErrorMessage';
import { LogOutcomeForm } from './LogOutcomeForm';
import { ScheduleAppointmentForm } from './ScheduleAppointmentForm';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export type MeetingPanelProps = {
  api: ApiClient;
  loadCalendar: CalendarLoader;
  userEmail: string;
  item: MailItem;
  /** The lookup of the meeting's people: the contacts and deals it can be linked to. */
  results: LookupResult[];
  onChanged: () => void;
};

/**
 * The open meeting in the CRM: recognised as the appointment it was booked as (by its iCalUId), or
 * linked now; then its outcome, logged by the organizer, with the next step in the same flow.
 */
export function MeetingPanel({ api, loadCalendar, userEmail, item, results, onChanged }: MeetingPanelProps) {
  const styles = useStyles();
  const { t, dateTime } = useI18n();
  const { state, reload } = useMeeting(loadCalendar, api, item);
  const canEditAppointment = useCanEdit({ ownerId: state.status === 'ready' ? (state.appointment?.ownerId ?? '') : '' });
  const [notice, setNotice] = useState<string | null>(null);
  const [schedulingNext, setSchedulingNext] = useState(false);
  const known = results.filter((result): result is LookupResult & { contact: NonNullable<LookupResult['contact']> } => result.contact !== null);
  const firstContact = known[0];

  let body: JSX.Element;
  if (state.status === 'loading') body = <Spinner size="tiny" label={t('meeting.checking')} />;
  else if (state.status === 'unsaved') body = <Caption1>{t('meeting.notSaved')}</Caption1>;
  else if (state.status === 'error') body = <ErrorMessage message={t('meeting.failed', { message: state.message })} />;
  else if (!state.event) body = <Caption1>{t('meeting.notSaved')}</Caption1>;
  else if (!state.appointment)
    body = (
      <LinkMeeting
        api={api}
        event={state.event}
        results={results}
        onLinked={() => {
          setNotice(t('meeting.linked'));
          reload();
          onChanged();
        }}
      />
    );
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
            api={api}
            appointment={appointment}
            onSaved={(summary, scheduleNext) => {
              setNotice(summary);
              setSchedulingNext(scheduleNext);
              reload();
              onChanged();
            }}
          />
        ) : null}
        {appointment.status === 'planned' && !organizer ? <Caption1>{t('meeting.onlyOrganizer')}</Caption1> : null}
        {appointment.status === 'planned' && organizer && canEditAppointment === false ? <Caption1>{t('meeting.notYours')}</Caption1> : null}
      </>
    );
  }

  return (
    <section className={styles.panel} aria-label={item.subject || t('people.onMeeting')}>
      {body}
      {notice ? (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      {schedulingNext && firstContact ? (
        <ScheduleAppointmentForm
          api={api}
          loadCalendar={loadCalendar}
          userEmail={userEmail}
          contact={{ id: firstContact.contact.id, name: contactDisplayName(firstContact.contact), email: firstContact.email ?? firstContact.contact.emails[0] ?? '' }}
          {...(firstContact.company ? { companyId: firstContact.company.id } : {})}
          deals={firstContact.openDeals}
          others={known.slice(1).map((other) => ({ email: other.email ?? '', name: contactDisplayName(other.contact), contactId: other.contact.id }))}
          onBooked={(summary) => {
            setSchedulingNext(false);
            setNotice(summary);
            onChanged();
          }}
          onCancel={() => setSchedulingNext(false)}
        />
      ) : null}
    </section>
  );
}

/** A meeting not booked through Rapport, linked to the contacts on it and (if chosen) a deal. */
function LinkMeeting({ api, event, results, onLinked }: { api: ApiClient; event: OutlookEvent; results: LookupResult[]; onLinked: () => void }) {
  const { t } = useI18n();
  const deals = results.flatMap((result) => result.openDeals).filter((deal, index, all) => all.findIndex((other) => other.id === deal.id) === index);
  const [dealId, setDealId] = useState(deals.length === 1 ? (deals[0]?.id ?? '') : '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const contactIds = results.flatMap((result) => (result.contact ? [result.contact.id] : []));
  const companyId = results.find((result) => result.company)?.company?.id;

  const link = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api.createActivity(
        {
          kind: 'meeting',
          subject: event.subject,
          at: event.start,
          durationMinutes: Math.round((Date.parse(event.end) - Date.parse(event.start)) / 60_000),
          status: 'planned',
          ...(event.isOnlineMeeting ? { contactMethod: 'online-meeting' as const } : event.location ? { contactMethod: 'in-person' as const } : {}),
          participants: [
            ...(event.organizer ? [{ email: event.organizer.address, ...(event.organizer.name ? { name: event.organizer.name } : {}), role: 'organizer' as const }] : []),
            ...event.attendees.map((attendee) => ({ email: attendee.address, ...(attendee.name ? { name: attendee.name } : {}), role: 'attendee' as const })),
          ].slice(0, 100),
          contactIds: contactIds.slice(0, 50),
          ...(companyId ? { companyId } : {}),
          ...(dealId ? { dealId } : {}),
          graphEventId: event.id,
          iCalUId: event.iCalUId,
        },
        // One appointment per meeting, however often (or by whom) the link is pressed.
        `link-meeting:${event.iCalUId}`,
      );
      onLinked();
    } catch (caught) {
      // Linked meanwhile (by a colleague on the same meeting): reloading shows that appointment.
      if (caught instanceof ApiError && caught.code === 'RECORD.ALREADY_LOGGED') onLinked();
      else setFailure(t('app.error', { message: caught instanceof Error ? caught.message : String(caught) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Body1>{t('meeting.notInCrm')}</Body1>
      <DealSelect deals={deals} value={dealId} onChange={setDealId} />
      {failure ? (
        <MessageBar intent="error">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div>
        <Button appearance="primary" disabled={busy || contactIds.length === 0} onClick={() => void link()}>
          {t('meeting.link')}
        </Button>
      </div>
    </>
  );
}
