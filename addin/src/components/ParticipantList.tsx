import { Avatar, Badge, makeStyles, tokens } from '@fluentui/react-components';
import type { LookupResult } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import type { Participant } from '../office/mail-item';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
  person: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}` },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  name: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  email: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflow: 'hidden', textOverflow: 'ellipsis' },
  badge: { flexShrink: 0, whiteSpace: 'nowrap' },
});

export type ParticipantListProps = {
  participants: Participant[];
  results: LookupResult[];
  selectedEmail: string | null;
  onSelect(email: string): void;
};

/** Everyone on the item with whether the CRM knows them; choosing one shows their card. */
export function ParticipantList({ participants, results, selectedEmail, onSelect }: ParticipantListProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const byEmail = new Map(results.map((result) => [result.email, result]));
  return (
    <ul className={styles.list}>
      {participants.map((participant) => {
        const result = byEmail.get(participant.email);
        const name = result?.contact ? contactDisplayName(result.contact) : participant.name ?? participant.email;
        const selected = participant.email === selectedEmail;
        return (
          <li key={participant.email}>
            <button
              type="button"
              className={`${styles.person} ${selected ? styles.selected : ''}`}
              aria-pressed={selected}
              onClick={() => onSelect(participant.email)}
            >
              <Avatar name={name} size={32} aria-hidden />
              <span className={styles.text}>
                <span className={styles.name}>{name}</span>
                <span className={styles.email}>{participant.email}</span>
              </span>
              <MatchBadge result={result} />
            </button>
          </li>
        );
      })}
    </ul>
  );

  function MatchBadge({ result }: { result: LookupResult | undefined }) {
    if (!result) return null;
    if (result.match === 'contact') return <Badge className={styles.badge} appearance="tint" color="success">{t('match.contact')}</Badge>;
    if (result.match === 'company') return <Badge className={styles.badge} appearance="tint" color="informative">{t('match.company')}</Badge>;
    if (result.match === 'colleague') return <Badge className={styles.badge} appearance="tint" color="brand">{t('match.colleague')}</Badge>;
    if (result.freeMail) return <Badge className={styles.badge} appearance="outline" color="subtle">{t('match.freeMail')}</Badge>;
    return <Badge className={styles.badge} appearance="outline" color="subtle">{t('match.none')}</Badge>;
  }
}
