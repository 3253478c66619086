import { Body1, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Company, Contact } from '@rapport/shared';
import type { SurveyView } from '@rapport/shared/surveys/surveys.contract';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { useRecord, useRecordList } from '../../data/queries';
import { SURVEYS_READ, useSurveys, type SurveysOf } from '../../data/surveys';
import { useCapabilities } from '../../hooks/useMe';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { RecordLink } from '../RecordLink';
import { StatusBadge, type BadgeTone } from '../StatusBadge';
import { SendNps } from './SendNps';
import { bandTones, bandWord, scoreOnScale } from './satisfaction-score';
import { satisfactionBand } from '@rapport/shared/surveys/survey.rules';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none', minWidth: 0 },
  entry: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  // The score (or where the survey stands) first, what it was after it; on a line of its own when narrow.
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  meta: { display: 'block', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  // The customer's own words, as they wrote them (line breaks kept), set off from ours.
  comment: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
});

/** A contact's surveys: that they asked for none, then each survey, the latest first. */
export function ContactSurveys({ contact }: { contact: Contact }) {
  const styles = useStyles();
  const { t } = useI18n();
  const name = contactDisplayName(contact);
  return (
    <div className={styles.body}>
      {contact.doNotSurvey ? <Caption1 className={styles.muted}>{t('satisfaction.doNotSurvey', { name })}</Caption1> : null}
      <SurveyList of={{ contactId: contact.id }} empty={t('satisfaction.noneContact', { name })} />
    </div>
  );
}

/** A company's surveys (all its contacts'), and for managers, NPS to its contacts. */
export function CompanySurveys({ company }: { company: Company }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { viewTeam } = useCapabilities();
  return (
    <div className={styles.body}>
      {viewTeam ? <SendNps company={company} /> : null}
      <SurveyList of={{ companyId: company.id }} empty={t('satisfaction.noneCompany')} named />
    </div>
  );
}

/**
 * Surveys, the latest first, with designed loading, error and empty states. The cases they were about are named from the
 * record's cases (the record view reads the same list); `named`: each says whose it is (a company's contacts).
 */
function SurveyList({ of, empty, named = false }: { of: SurveysOf; empty: string; named?: boolean }) {
  const styles = useStyles();
  const { t } = useI18n();
  const surveys = useSurveys(of);
  const cases = useRecordList('case', { ...of, limit: 50 });
  const people = useRecordList('contact', { companyId: 'companyId' in of ? of.companyId : '', limit: 50 }, { enabled: named });
  if (surveys.isPending) return <Spinner size="tiny" label={t('app.loading')} />;
  if (surveys.isError) return <ErrorMessage error={surveys.error} onRetry={() => void surveys.refetch()} />;
  const items = surveys.data.items;
  if (items.length === 0) return <Body1>{empty}</Body1>;
  const caseOf = (id: string) => cases.data?.items.find((item) => item.id === id);
  const personOf = (id: string) => people.data?.items.find((item) => item.id === id);
  return (
    <>
      <ul className={styles.list} aria-label={t('satisfaction.listLabel')}>
        {items.map((survey) => (
          <SurveyEntry key={survey.id} survey={survey} knownCase={survey.caseId ? caseOf(survey.caseId) : undefined} person={named ? (personOf(survey.contactId) ?? survey.contactId) : null} />
        ))}
      </ul>
      {items.length === SURVEYS_READ ? <Caption1 className={styles.muted}>{t('satisfaction.latest', { count: SURVEYS_READ })}</Caption1> : null}
    </>
  );
}

type CaseName = { id: string; number: number; subject: string };
type Person = Pick<Contact, 'id' | 'firstName' | 'lastName'>;

const statusTones: Record<'queued' | 'sent' | 'expired' | 'failed', BadgeTone> = { queued: 'informative', sent: 'brand', expired: 'subtle', failed: 'severe' };

/**
 * One survey: the score coloured by what it means, and the words for it (or where it stands: waiting, no answer,
 * not sent), when, whose (a company's), the customer's comment, and the case it asked about, opening it.
 */
function SurveyEntry({ survey, knownCase, person }: { survey: SurveyView; knownCase: CaseName | undefined; person: Person | string | null }) {
  const styles = useStyles();
  const { t, date } = useI18n();
  const type = t(`satisfaction.type.${survey.type}`);
  const answered = survey.status === 'answered' && survey.score !== undefined;
  const expired = survey.status === 'sent' && survey.expiresAt !== undefined && Date.parse(survey.expiresAt) < Date.now();
  const state = expired ? 'expired' : survey.status === 'answered' ? 'sent' : survey.status;
  const when = answered
    ? t('satisfaction.answeredOn', { date: date(survey.answeredAt ?? survey.updatedAt) })
    : survey.status === 'queued' || !survey.sentAt
      ? t('satisfaction.queuedOn', { date: date(survey.createdAt) })
      : t(expired ? 'satisfaction.expiredOn' : 'satisfaction.sentOn', { date: date(survey.sentAt), until: date(survey.expiresAt ?? survey.sentAt) });
  return (
    <li className={styles.entry}>
      <div className={styles.title}>
        {answered ? (
          <StatusBadge tone={bandTones[satisfactionBand(survey.type, survey.score!)]}>{scoreOnScale(survey.type, survey.score!)}</StatusBadge>
        ) : (
          <StatusBadge tone={statusTones[state]}>{t(`satisfaction.status.${state}`)}</StatusBadge>
        )}
        <Body1>{answered ? t('satisfaction.typeAndBand', { type, band: bandWord(t, survey.type, survey.score!) }) : type}</Body1>
        {person ? <PersonLink person={person} /> : null}
      </div>
      <Caption1 className={styles.meta}>{survey.status === 'failed' ? t('satisfaction.failedHelp') : when}</Caption1>
      {survey.comment ? (
        <blockquote className={styles.comment}>
          <Body1>{survey.comment}</Body1>
        </blockquote>
      ) : null}
      {survey.caseId ? (
        <Caption1 className={styles.meta}>
          <CaseLink id={survey.caseId} known={knownCase} />
        </Caption1>
      ) : null}
    </li>
  );
}

/**
 * The case a survey asked about ("About Case #41 · Scanner arrived without its cradle"), opening it: one link that wraps
 * as text does. Read when the record's list did not have it.
 */
function CaseLink({ id, known }: { id: string; known: CaseName | undefined }) {
  const { t } = useI18n();
  const read = useRecord('case', known ? null : id);
  const serviceCase = known ?? read.data;
  const name = serviceCase ? `${t('case.number', { number: serviceCase.number })} · ${serviceCase.subject}` : t('record.kind.case');
  return <RecordLink to={{ kind: 'case', id }}>{t('satisfaction.about', { case: name })}</RecordLink>;
}

/** Whose answer it is, on a company's list, opening them: read when the company's people did not have them. */
function PersonLink({ person }: { person: Person | string }) {
  const { t } = useI18n();
  const read = useRecord('contact', typeof person === 'string' ? person : null);
  const known = typeof person === 'string' ? read.data : person;
  const id = typeof person === 'string' ? person : person.id;
  return (
    <Body1>
      <RecordLink to={{ kind: 'contact', id }}>{known ? contactDisplayName(known) : t('record.kind.contact')}</RecordLink>
    </Body1>
  );
}
