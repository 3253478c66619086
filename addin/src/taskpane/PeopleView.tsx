import { Suspense } from 'react';
import { Body1, Button, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { LookupResult } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { CardActions } from '../components/CardActions';
import { ContactCard } from '../components/ContactCard';
import { ErrorMessage } from '../components/ErrorMessage';
import { FocusDeal } from '../components/FocusDeal';
import { actionIcons } from '../components/icons';
import { LeadActions } from '../components/LeadActions';
import { LeadCard } from '../components/LeadCard';
import { LogEmailButton } from '../components/LogEmailButton';
import { ParticipantList } from '../components/ParticipantList';
import { readableName } from '../components/person-name';
import { RecordSections } from '../components/RecordSections';
import { ReassignOwner } from '../components/ReassignOwner';
import { emailActivity, type EmailLinks } from '../data/email-activity';
import type { CalendarLoader } from '../hooks/useScheduling';
import type { ComposeContent } from '../office/compose-item';
import type { MailItem } from '../office/mail-item';
import { useI18n } from '../i18n/I18nContext';
import { usePeopleView } from './usePeopleView';
import { lazyWithMessages } from '../i18n/lazy-with-messages';
import { Notice } from '../components/Notice';
import { useOpenRecord } from './record-navigation';

// The meeting's panel, Graph and every form come on first use, keeping the first card's JavaScript small.
const MeetingPanel = lazyWithMessages(() => import('../components/MeetingPanel'), 'MeetingPanel');
const StrangerChoices = lazyWithMessages(() => import('../components/StrangerChoices'), 'StrangerChoices');
// The tools of a message being written: only in compose windows.
const ComposeTools = lazyWithMessages(() => import('../components/compose/ComposeTools'), 'ComposeTools');
const ConvertLeadForm = lazyWithMessages(() => import('../components/ConvertLeadForm'), 'ConvertLeadForm');
// The knowledge articles that answer a customer's e-mail: after the card, with its other later parts (ClosedSections).
const EmailAnswers = lazyWithMessages(() => import('../components/ClosedSections'), 'EmailAnswers');

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  divider: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  colleague: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  colleagueIcon: { flexShrink: 0, fontSize: tokens.fontSizeBase500 },
});

export type PeopleViewProps = {
  /** Still taken by RecordSections, MeetingPanel and the scheduling form; the card's own parts read the client from context. */
  loadCalendar: CalendarLoader;
  userEmail: string;
  item: MailItem;
  readBody: () => Promise<string>;
  /** Puts content into the open draft at the cursor; only in a message being written. */
  insertIntoDraft?: (content: ComposeContent) => Promise<{ subjectSet: boolean }>;
};

/**
 * The people on the open item, and the CRM card of the one selected (by default the first the CRM knows). Keyed by
 * the item, so another item starts afresh. The card starts with what the e-mail is about: who wrote and their most
 * relevant open deal; then one primary action (logging the e-mail, adding the sender, converting the lead) and the
 * rest as secondary buttons; the record's history below.
 */
export function PeopleView({ loadCalendar, userEmail, item, readBody, insertIntoDraft }: PeopleViewProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const { lookup, results, selectedEmail, select, result, participant, notice, setNotice } = usePeopleView(item);
  const openRecord = useOpenRecord();

  const loading = <Spinner size="small" label={t('app.loading')} />;
  const draft = item.mode === 'message-compose';
  const composeTools =
    draft && insertIntoDraft ? (
      <Suspense fallback={loading}>
        <ComposeTools item={item} results={results} selected={result} owners={lookup.data?.owners ?? {}} loadCalendar={loadCalendar} insert={insertIntoDraft} />
      </Suspense>
    ) : null;
  // A draft keeps its tools in one place whether or not it has recipients yet, so a half-written template survives the first.
  if (item.participants.length === 0 && !composeTools) return <Body1>{t('people.none')}</Body1>;
  const data = lookup.data;
  // Logging the e-mail: the view's primary action, unless the person in view has one of their own (adding them,
  // converting their lead).
  const logEmail = (primary: boolean) =>
    data && item.mode === 'message-read' ? <LogEmailButton item={item} lookup={data} readBody={readBody} appearance={primary ? 'primary' : 'secondary'} /> : null;
  const opens = notice?.open;
  const said = notice ? (
    <Notice
      intent="success"
      actions={
        opens ? (
          <Button size="small" onClick={() => openRecord(opens.record)}>
            {opens.label}
          </Button>
        ) : null
      }
    >
      {notice.text}
    </Notice>
  ) : null;
  // The open e-mail, to log with a case opened from it; none for a meeting.
  const openingEmail = (links: EmailLinks) => {
    const activity = item.mode === 'message-read' ? emailActivity(item, links) : null;
    return activity ? { activity, readSummary: readBody } : null;
  };
  // The others on the item, who may be invited to an appointment too; known contacts are linked to it.
  const othersThan = (email: string | null) =>
    item.participants
      .filter((other) => other.email !== email)
      .map((other) => {
        const known = results.find((candidate) => candidate.email === other.email)?.contact;
        return { email: other.email, ...(other.name ? { name: other.name } : {}), ...(known ? { contactId: known.id } : {}) };
      });

  const card = (selected: LookupResult) => {
    const contact = selected.contact;
    if (contact) {
      const companyId = selected.company?.id;
      const deal = selected.openDeals[0];
      return (
        <>
          <ContactCard
            // Each person's card is a new card: its mark ends an item switch (the benchmark).
            key={`card:${contact.id}`}
            contact={contact}
            company={selected.company}
            ownerName={data?.owners[contact.ownerId]?.displayName ?? null}
            otherContacts={selected.otherContacts.length}
            focus={deal ? <FocusDeal key={deal.id} deal={deal} /> : null}
            contract={selected.contract}
          />
          <CardActions
            key={`actions:${contact.id}`}
            log={logEmail(true)}
            schedule={{
              loadCalendar,
              userEmail,
              contact: { id: contact.id, name: contactDisplayName(contact), email: selected.email ?? contact.emails[0] ?? '' },
              ...(companyId ? { companyId } : {}),
              deals: selected.openDeals,
              others: othersThan(selected.email),
            }}
            activity={{ links: { contactIds: [contact.id], ...(companyId ? { companyId } : {}) }, deals: selected.openDeals, about: contactDisplayName(contact) }}
            serviceCase={{
              subject: item.subject,
              contactId: contact.id,
              companyId: contact.companyId,
              email: openingEmail({ contactIds: [contact.id], companyId: contact.companyId }),
            }}
            deal={{
              contactId: contact.id,
              companyId,
              companyName: selected.company?.name,
              subject: item.subject,
              withNames: [contactDisplayName(contact), selected.company?.name].filter(Boolean).join(' · '),
            }}
            onDone={setNotice}
          />
          {said}
          <ReassignOwner
            // Kept across the contact's versions: a refused owner stays chosen through a reload.
            key={`owner:${contact.id}`}
            record={contact}
            onReassigned={(name) => setNotice(t('reassign.saved', { name }))}
          />
          {/* A received e-mail's answers (none for a draft): nothing in their place until they come. */}
          <Suspense>
            <EmailAnswers item={item} readBody={readBody} selected={selected} />
          </Suspense>
          <RecordSections
            key={contact.id}
            owner={{ kind: 'contact', id: contact.id }}
            companyId={contact.companyId}
            initialTimeline={selected.timeline}
            initialRelated={data?.related}
            openDeals={selected.openDeals}
            openCases={selected.openCases}
            contract={selected.contract}
          />
        </>
      );
    }
    if (!participant) return null;
    if (selected.match === 'colleague') {
      // A member of the tenant, or an address on its own domains: never someone to add to the CRM.
      const Icon = actionIcons.colleague;
      return (
        <>
          <div className={styles.colleague}>
            <Icon className={styles.colleagueIcon} aria-hidden />
            <Body1>{t('people.colleague', { name: participant.name ? readableName(participant.name) : participant.email })}</Body1>
          </div>
          <CardActions log={logEmail(true)} onDone={setNotice} />
          {said}
        </>
      );
    }
    if (selected.lead) {
      const lead = selected.lead;
      const name = contactDisplayName(lead);
      return (
        <>
          {/* Kept across the lead's versions: what the rep chose or typed stays through a refusal and a reload. */}
          <LeadCard lead={lead}>
            <LeadActions key={`status:${lead.id}`} lead={lead} onChanged={setNotice} />
            <Suspense fallback={loading}>
              <ConvertLeadForm key={`convert:${lead.id}`} lead={lead} onConverted={(converted) => setNotice(t('lead.converted', { name: converted }))} />
            </Suspense>
          </LeadCard>
          {/* What a contact's card offers, on the lead: its notes, tasks, calls and appointments are on its timeline. */}
          <CardActions
            key={`actions:${lead.id}`}
            log={logEmail(false)}
            schedule={{ loadCalendar, userEmail, contact: { name, email: lead.email ?? participant.email }, leadId: lead.id, deals: [], others: othersThan(selected.email) }}
            activity={{ links: { leadId: lead.id }, deals: [], about: name }}
            onDone={setNotice}
          />
          {said}
          <RecordSections key={lead.id} owner={{ kind: 'lead', id: lead.id }} />
        </>
      );
    }
    const company = selected.company;
    return (
      <>
        <Suspense fallback={loading}>
          <StrangerChoices
            key={participant.email}
            email={participant.email}
            displayName={participant.name}
            company={selected.freeMail ? null : company}
            onCreated={(name) => setNotice(t('create.saved', { name }))}
            // Someone has the address already: read the card again, which then shows them.
            onOpenExisting={() => void lookup.refetch()}
          />
        </Suspense>
        {/* Short of adding them: an appointment, a note or a task with their company (named in the form above). */}
        <CardActions
          key={`actions:${participant.email}`}
          log={logEmail(false)}
          {...(company
            ? {
                schedule: {
                  loadCalendar,
                  userEmail,
                  contact: { name: participant.name ?? participant.email, email: participant.email },
                  companyId: company.id,
                  deals: selected.openDeals,
                  others: [],
                },
                activity: { links: { companyId: company.id }, deals: selected.openDeals, about: participant.name ? readableName(participant.name) : participant.email },
                // Someone new at the company: the deal is the company's until they are added.
                deal: { companyId: company.id, companyName: company.name, subject: item.subject, withNames: company.name },
              }
            : {})}
          onDone={setNotice}
        />
        {said}
      </>
    );
  };

  return (
    <div className={styles.view}>
      <Subtitle2 as="h1">{item.mode === 'message-read' || draft ? t('people.onEmail') : t('people.onMeeting')}</Subtitle2>
      {item.participants.length > 0 ? <ParticipantList participants={item.participants} results={results} selectedEmail={selectedEmail} onSelect={select} /> : null}
      {composeTools}
      {/* A draft's new recipient: the last answer stays until theirs comes, so say it is coming. */}
      {item.participants.length > 0 && (lookup.isPending || lookup.isPlaceholderData) ? loading : null}
      {lookup.error ? <ErrorMessage error={lookup.error} onRetry={() => void lookup.refetch()} /> : null}
      {data && (item.mode === 'appointment-organizer' || item.mode === 'appointment-attendee') ? (
        <Suspense fallback={<Spinner size="tiny" label={t('meeting.checking')} />}>
          <MeetingPanel loadCalendar={loadCalendar} userEmail={userEmail} item={item} results={results} />
        </Suspense>
      ) : null}
      {result ? (
        <>
          <div className={styles.divider} />
          {card(result)}
        </>
      ) : null}
    </div>
  );
}
