import { useState } from 'react';
import { Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { emailDomain } from '@rapport/shared/email/email-address.rules';
import { isDomainEntry, neverLogEntryFor, neverLogMatcher } from '@rapport/shared/email/never-log.rules';
import { useI18n } from '../../i18n/I18nContext';
import { isStale } from '../../data/versions';
import { ErrorMessage } from '../ErrorMessage';
import { withTokens } from '../with-tokens';
import { Notice } from '../Notice';
import { useMyNeverLog } from './useMyNeverLog';

const useStyles = makeStyles({
  // Small subtle buttons as the card's others are, wrapping onto as many rows as the pane needs.
  offers: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS, minWidth: 0, marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
  offer: { maxWidth: '100%', textAlign: 'start', whiteSpace: 'normal', overflowWrap: 'anywhere' },
  offerText: { minWidth: 0, maxWidth: '100%' },
  said: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/**
 * On the card of someone the CRM does not have: put their address, or everyone at their domain, on the rep's own
 * never-log list (personal mail stays out of the CRM); once there, the card says so and offers to take it off again.
 */
export function NeverLogOffer({ email }: { /** The person's normalized address. */ email: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { lists, save, entries, tenant, add, remove, reload } = useMyNeverLog();
  // What this card added, so it says "added" (with Undo) rather than "is on your list".
  const [added, setAdded] = useState<string | null>(null);

  if (lists.isPending) return <Spinner size="tiny" label={t('app.loading')} />;
  // Not knowing the list is no reason to hide the card: the offer waits for a retry.
  if (lists.isError) return <ErrorMessage error={lists.error} onRetry={() => void lists.refetch()} />;

  const domain = emailDomain(email);
  const on = neverLogMatcher({ tenant, mine: entries })(email);
  const failure = save.isError ? (
    <>
      <ErrorMessage error={save.error} />
      {isStale(save.error) ? <Button size="small" onClick={reload}>{t('neverLog.reload')}</Button> : null}
    </>
  ) : null;

  if (on === 'tenant') return <Caption1 className={styles.said}>{withTokens((markers) => t('neverLog.onTenant', { email: markers.email ?? '' }), { email })}</Caption1>;
  if (on === 'mine') {
    // The entry that names them: their address, or the closest domain of theirs on the list.
    const entry = neverLogEntryFor(entries, email) ?? email;
    const text =
      added === entry
        ? withTokens((markers) => t(isDomainEntry(entry) ? 'neverLog.addedDomain' : 'neverLog.addedAddress', { entry: markers.entry ?? '' }), { entry })
        : withTokens((markers) => t('neverLog.onMine', { email: markers.email ?? '', entry: markers.entry ?? '' }), { email, entry });
    return (
      <>
        <Notice
          intent={added === entry ? 'success' : 'info'}
          actions={
            <Button size="small" disabled={save.isPending} onClick={() => remove(entry, () => setAdded(null))}>
              {t(added === entry ? 'neverLog.undo' : 'neverLog.takeOff')}
            </Button>
          }
        >
          {text}
        </Notice>
        {failure}
      </>
    );
  }
  return (
    <>
      <div className={styles.offers}>
        <Button appearance="subtle" size="small" className={styles.offer} disabled={save.isPending} onClick={() => add(email, () => setAdded(email))}>
          {t('neverLog.offerAddress')}
        </Button>
        <Button appearance="subtle" size="small" className={styles.offer} disabled={save.isPending} onClick={() => add(domain, () => setAdded(domain))}>
          {/* One run of text (a button lays its children out side by side): the domain wraps whole onto the next line. */}
          <span className={styles.offerText}>{withTokens((markers) => t('neverLog.offerDomain', { domain: markers.domain ?? '' }), { domain })}</span>
        </Button>
      </div>
      {failure}
    </>
  );
}
