import { Suspense, lazy } from 'react';
import { Body1, Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { ContactCard } from '../components/ContactCard';
import { CreatePersonForm } from '../components/CreatePersonForm';
import { ConvertLeadForm } from '../components/ConvertLeadForm';
import { LeadActions } from '../components/LeadActions';
import { ErrorMessage } from '../components/ErrorMessage';
import { LogEmailButton } from '../components/LogEmailButton';
import { ParticipantList } from '../components/ParticipantList';
import { QuickActivityForm } from '../components/QuickActivityForm';
import { OpenCaseForm } from '../components/OpenCaseForm';
import { RecordTabs } from '../components/RecordTabs';
import { ReassignOwner } from '../components/ReassignOwner';
import type { CalendarLoader } from '../hooks/useScheduling';
import type { ScheduleAppointmentFormProps } from '../components/ScheduleAppointmentForm';
import type { MailItem } from '../office/mail-item';
import { useI18n } from '../i18n/I18nContext';
import { usePeopleView } from './usePeopleView';

// The scheduling form and Graph come on first use, keeping the first card's JavaScript small.
const MeetingPanel = lazy(() => import('../components/MeetingPanel').then((module) => ({ default: module.MeetingPanel })));
const ScheduleAppointmentForm = lazy(() => import('../components/ScheduleAppointmentForm').then((module) => ({ default: module.ScheduleAppointmentForm })));

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  divider: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

export type PeopleViewProps = {
  /** Still taken by RecordTabs, MeetingPanel and the scheduling form; the card's own parts read the client from context. */
  loadCalendar: CalendarLoader;
  userEmail: string;
  item: MailItem;
  readBody: () => Promise<string>;
};

/**
 * The people on the open item, and the CRM card of the one selected (by default the first the CRM
 * knows). Keyed by the item, so another item starts afresh.
 */
export function PeopleView({ loadCalendar, userEmail, item, readBody }: PeopleViewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { lookup, results, selectedEmail, select, result, participant, notice, setNotice, scheduling, setScheduling} =
    usePeopleView(item);

  // Whom an appointment is with differs between a contact and a company's unknown sender; the rest is the same.
  const scheduleForm = (meeting: Pick<ScheduleAppointmentFormProps, 'contact' | 'companyId' | 'deals' | 'others'>) => (
    <Suspense fallback={<Spinner size="small" label={t('app.loading')} />}>
      <ScheduleAppointmentForm
        loadCalendar={loadCalendar}
        userEmail={userEmail}
        {...meeting}
        onBooked={(summary) => {
          setScheduling(false);
          setNotice(summary);
        }}
        onCancel={() => setScheduling(false)}
      />
    </Suspense>
  );

  if (item.participants.length === 0) return <Body1>{t('people.none')}</Body1>;
  const data = lookup.data;

  return (
    <div className={styles.view}>
      <Subtitle2 as="h1">{item.mode === 'message-read' ? t('people.onEmail') : t('people.onMeeting')}</Subtitle2>
      <ParticipantList participants={item.participants} results={results} selectedEmail={selectedEmail} onSelect={select} />
      {lookup.isPending ? <Spinner size="small" label={t('app.loading')} /> : null}
      {lookup.error ? <ErrorMessage error={lookup.error} onRetry={() => void lookup.refetch()} /> : null}
      {data && item.mode === 'message-read' ? <LogEmailButton item={item} lookup={data} readBody={readBody} /> : null}
      {data && item.mode !== 'message-read' ? (
        <Suspense fallback={<Spinner size="tiny" label={t('meeting.checking')} />}>
          <MeetingPanel loadCalendar={loadCalendar} userEmail={userEmail} item={item} results={results} />
        </Suspense>
      ) : null}
      {notice ? (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.divider} />
      {result?.contact ? (
        <>
          <ContactCard
            contact={result.contact}
            company={result.company}
            ownerName={data?.owners[result.contact.ownerId]?.displayName ?? null}
            otherContacts={result.otherContacts.length}
          />
          <ReassignOwner
            // Kept across the contact's versions: a refused owner stays chosen through a reload.
            key={`owner:${result.contact.id}`}
            record={result.contact}
            onReassigned={(name) => setNotice(t('reassign.saved', { name }))}
          />
          {scheduling ? (
            scheduleForm({
              contact: { id: result.contact.id, name: contactDisplayName(result.contact), email: result.email ?? result.contact.emails[0] ?? '' },
              ...(result.company ? { companyId: result.company.id } : {}),
              deals: result.openDeals,
              others: item.participants
                .filter((other) => other.email !== result.email)
                .map((other) => {
                  const known = results.find((candidate) => candidate.email === other.email)?.contact;
                  return { email: other.email, ...(other.name ? { name: other.name } : {}), ...(known ? { contactId: known.id } : {}) };
                }),
            })
          ) : (
            <>
              <Button appearance="primary" onClick={() => setScheduling(true)}>
                {t('action.schedule')}
              </Button>
              <QuickActivityForm
                key={`activity:${result.contact.id}`}
                links={{ contactIds: [result.contact.id], ...(result.company ? { companyId: result.company.id } : {}) }}
                deals={result.openDeals}
              />
              <OpenCaseForm
                key={`case:${result.contact.id}`}
                subject={item.subject}
                contactId={result.contact.id}
                companyId={result.contact.companyId}
                onOpened={(opened) => setNotice(t('case.opened', { number: opened.number }))}
              />
            </>
          )}
          <RecordTabs
            key={result.contact.id}
            owner={{ kind: 'contact', id: result.contact.id }}
            companyId={result.contact.companyId}
            initialTimeline={result.timeline}
            openDeals={result.openDeals}
            openCases={result.openCases}
          />
        </>
      ) : null}
      {result?.match === 'colleague' ? <Body1>{t('people.colleague')}</Body1> : null}
      {result && !result.contact && result.match !== 'colleague' && participant ? (
        <>
          {result.company ? (
            <>
              <Caption1>
                {t('card.company')}: {result.company.name}
              </Caption1>
              {scheduling ? (
                scheduleForm({
                  contact: { name: participant.name ?? participant.email, email: participant.email },
                  companyId: result.company.id,
                  deals: result.openDeals,
                  others: [],
                })
              ) : (
                <Button onClick={() => setScheduling(true)}>{t('action.schedule')}</Button>
              )}
              <QuickActivityForm key={`activity:${result.company.id}`} links={{ companyId: result.company.id }} deals={result.openDeals} />
            </>
          ) : null}
          {result.lead ? (
            <>
              {/* Kept across the lead's versions: what the rep chose or typed stays through a refusal and a reload. */}
              <LeadActions key={`actions:${result.lead.id}`} lead={result.lead} onChanged={setNotice} />
              <ConvertLeadForm key={`convert:${result.lead.id}`} lead={result.lead} onConverted={(name) => setNotice(t('lead.converted', { name }))} />
            </>
          ) : (
            <CreatePersonForm
              key={participant.email}
              email={participant.email}
              displayName={participant.name}
              company={result.freeMail ? null : result.company}
              onCreated={(name) => setNotice(t('create.saved', { name }))}
              // Someone has the address already: read the card again, which then shows them.
              onOpenExisting={() => void lookup.refetch()}
            />
          )}
        </>
      ) : null}
    </div>
  );
}
