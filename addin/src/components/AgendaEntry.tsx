import { Body1, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared';
import type { RelatedNames } from '@rapport/shared/contract/related-names.schema';
import { useI18n } from '../i18n/I18nContext';
import { activityIcons } from './icons';
import { readableName } from './person-name';
import { TokenList } from './TokenList';
import { methodIcons } from './appointment-icons';
import { RecordLink } from './RecordLink';
import type { RecordRef } from '../taskpane/record-navigation';
import { ActivityActions } from './activity-actions/ActivityActions';

const useStyles = makeStyles({
  entry: { display: 'flex', gap: tokens.spacingHorizontalS, minWidth: 0 },
  icon: { flexShrink: 0, fontSize: tokens.fontSizeBase500, marginTop: tokens.spacingVerticalXXS, color: tokens.colorBrandForeground1 },
  body: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  // May wrap: an appointment across midnight names both dates ("11/30/2026, 11:00 PM – 12/1/2026, 12:00 AM"), wider than 320 px.
  when: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
  subject: { overflowWrap: 'break-word' },
  cancelled: { textDecorationLine: 'line-through' },
});

/** How many people an entry names before it says how many more. */
const PEOPLE_SHOWN = 3;

export type AgendaEntryProps = {
  activity: Activity;
  /** When it is, as the list needs it: the time of day in a day's agenda, the date of an overdue task. */
  when: string;
  /** Whose it is, in the team's calendar: "Avery Quinn with …". */
  owner?: string | undefined;
  /** Names of the records the entry points at: its contact and company are named and open. */
  related?: RelatedNames | undefined;
};

/**
 * One appointment or task in an agenda: its icon (how it is held), when, how and its status; its subject; its contact
 * and company, each opening; with whom, each address whole.
 */
export function AgendaEntry({ activity, when, owner, related }: AgendaEntryProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const Icon = activity.contactMethod ? methodIcons[activity.contactMethod] : activityIcons[activity.kind];
  const details = [
    activity.contactMethod ? t(`method.${activity.contactMethod}`) : null,
    // An open task's list says it is open (overdue, due today): its status would only repeat it.
    activity.outcome ? t(`outcome.${activity.outcome}`) : activity.kind === 'task' && activity.status === 'planned' ? null : t(`status.${activity.status}`),
  ].filter((detail): detail is string => Boolean(detail));
  // Whom it is with: not its organizer (the owner) nor the sender of a logged e-mail.
  const people = activity.participants.filter((person) => person.role !== 'organizer' && person.role !== 'from').map((person) => (person.name ? readableName(person.name) : person.email));
  const more = people.length - PEOPLE_SHOWN;
  const named = namedRecordsOf(activity, related);
  // Without names (a server of the previous release), the subject opens what the entry is about.
  const about = named.length === 0 ? recordOf(activity) : null;
  const otherContacts = activity.contactIds.length - 1;
  return (
    <li className={styles.entry}>
      <Icon aria-hidden className={styles.icon} />
      <div className={styles.body}>
        <Caption1 className={styles.meta}>
          <span className={styles.when}>{when}</span>
          {details.map((detail) => ` · ${detail}`).join('')}
        </Caption1>
        <Body1 className={mergeClasses(styles.subject, activity.status === 'cancelled' && styles.cancelled)}>
          {about ? <RecordLink to={about}>{activity.subject}</RecordLink> : activity.subject}
        </Body1>
        {named.length > 0 ? (
          <Caption1 className={styles.meta}>
            {named.map(({ to, name }, index) => (
              <span key={to.kind}>
                {index > 0 ? ' · ' : null}
                <RecordLink to={to}>{name}</RecordLink>
                {to.kind === 'contact' && otherContacts > 0 ? ` +${otherContacts}` : null}
              </span>
            ))}
          </Caption1>
        ) : null}
        {people.length > 0 ? (
          <Caption1 className={styles.meta}>
            {owner ? t('calendar.ownerWith', { owner }) : t('calendar.with')} <TokenList values={people.slice(0, PEOPLE_SHOWN)} />
            {more > 0 ? ` +${more}` : null}
          </Caption1>
        ) : owner ? (
          <Caption1 className={styles.meta}>{owner}</Caption1>
        ) : null}
        <ActivityActions activity={activity} />
      </div>
    </li>
  );
}

/** From when to when an appointment is, "4:30 – 5:15 PM"; its start alone when it has no length. */
export function timeSpan(clock: Intl.DateTimeFormat, activity: Activity): string {
  const start = new Date(activity.at);
  if (!activity.durationMinutes) return clock.format(start);
  return clock.formatRange(start, new Date(start.getTime() + activity.durationMinutes * 60_000));
}

/** The entry's contact and company by name; when it has neither, its deal, case or lead. */
export function namedRecordsOf(activity: Activity, related: RelatedNames | undefined): { to: RecordRef; name: string }[] {
  const named = (refs: RecordRef[]) => refs.flatMap((to) => {
    const name = related?.[to.kind]?.[to.id];
    return name ? [{ to, name }] : [];
  });
  const people = named([
    ...(activity.contactIds[0] ? [{ kind: 'contact' as const, id: activity.contactIds[0] }] : []),
    ...(activity.companyId ? [{ kind: 'company' as const, id: activity.companyId }] : []),
  ]);
  if (people.length > 0) return people;
  return named(
    (['deal', 'case', 'lead'] as const).flatMap((kind) => {
      const id = activity[`${kind}Id`];
      return id ? [{ kind, id }] : [];
    }),
  ).slice(0, 1);
}

/** The record an appointment or task is about, which its subject opens: its contact, else its company, deal, case or lead. */
export function recordOf(activity: Activity): RecordRef | null {
  const contactId = activity.contactIds[0];
  if (contactId) return { kind: 'contact', id: contactId };
  if (activity.companyId) return { kind: 'company', id: activity.companyId };
  if (activity.dealId) return { kind: 'deal', id: activity.dealId };
  if (activity.caseId) return { kind: 'case', id: activity.caseId };
  if (activity.leadId) return { kind: 'lead', id: activity.leadId };
  return null;
}
