import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { LookupResult } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import type { Participant } from '../office/mail-item';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { StatusBadge, type BadgeTone } from './StatusBadge';
import { PersonAvatar } from './PersonAvatar';
import { readableName } from './person-name';
import { Token } from './Token';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none' },
  // Avatar | name and badge on the first line, the address under both: the address gets the row's whole width.
  person: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr) auto',
    gridTemplateAreas: '"avatar name badge" "avatar email email"',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    width: '100%',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'start',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}` },
  avatar: { gridArea: 'avatar', display: 'flex' },
  name: { gridArea: 'name', minWidth: 0, fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  email: { gridArea: 'email', minWidth: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  badge: { gridArea: 'badge', whiteSpace: 'nowrap' },
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
        const known = result?.contact ?? result?.lead;
        const name = known ? contactDisplayName(known) : participant.name ? readableName(participant.name) : null;
        const selected = participant.email === selectedEmail;
        const badge = result ? matchBadge(result) : null;
        return (
          <li key={participant.email}>
            <button
              type="button"
              className={mergeClasses(styles.person, selected && styles.selected)}
              aria-pressed={selected}
              onClick={() => onSelect(participant.email)}
            >
              <span className={styles.avatar}>
                <PersonAvatar name={name} email={participant.email} />
              </span>
              {/* Someone without a name is their address, once. */}
              {name ? <span className={styles.name}>{name}</span> : <Token className={styles.name}>{participant.email}</Token>}
              {name ? <Token className={styles.email}>{participant.email}</Token> : null}
              {badge ? (
                <StatusBadge className={styles.badge} tone={badge.color}>
                  {t(badge.label)}
                </StatusBadge>
              ) : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * What the CRM knows of an address, as a badge readable at 4.5:1 on a selected row as on a plain one (tint badges carry
 * their own background; an outline badge's text would sit on the row's grey).
 */
function matchBadge(result: LookupResult): { label: MessageKey; color: BadgeTone } {
  if (result.match === 'contact') return { label: 'match.contact', color: 'success' };
  if (result.match === 'colleague') return { label: 'match.colleague', color: 'informative' };
  if (result.lead) return { label: 'match.lead', color: 'severe' };
  if (result.match === 'company') return { label: 'match.company', color: 'brand' };
  if (result.freeMail) return { label: 'match.freeMail', color: 'subtle' };
  return { label: 'match.none', color: 'subtle' };
}
