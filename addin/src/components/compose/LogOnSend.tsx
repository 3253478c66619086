import { useId } from 'react';
import { Caption1, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { LookupResult } from '@rapport/shared';
import { useI18n } from '../../i18n/I18nContext';
import type { LogChoiceStore } from '../../office/draft-log-choice';
import { DealSelect } from '../DealSelect';
import { Notice } from '../Notice';
import { useLogOnSend } from './useLogOnSend';

const useStyles = makeStyles({
  logOnSend: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  // Fluent's switch carries its own padding: the pane's column starts at its edge.
  switch: { marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
  said: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

export type LogOnSendProps = {
  /** The draft (one per compose window): the choice is kept on it. */
  itemKey: string;
  store: LogChoiceStore;
  /** What the CRM knows of each recipient (empty until the lookup answers). */
  results: readonly LookupResult[];
  /** The recipient whose card the pane shows: their open deals are offered. */
  selected: LookupResult | undefined;
};

/** The Log on send switch of a draft, what will happen in one line, and the deal the e-mail is about. */
export function LogOnSend({ itemKey, store, results, selected }: LogOnSendProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const lineId = useId();
  const state = useLogOnSend(store, itemKey, results, selected);
  const who = state.who.join(', ');
  const line = !state.on
    ? t('logonsend.off')
    : who === ''
      ? t('logonsend.onUnknown')
      : state.deal
        ? t('logonsend.onWithDeal', { who, deal: state.deal.name })
        : t('logonsend.on', { who });
  return (
    <div className={styles.logOnSend}>
      <Switch
        className={styles.switch}
        label={t('logonsend.switch')}
        checked={state.on}
        disabled={state.loading}
        aria-describedby={lineId}
        onChange={(_, data) => state.setOn(data.checked)}
      />
      <Caption1 id={lineId} className={styles.said}>
        {line}
      </Caption1>
      {state.on ? <DealSelect deals={state.deals} value={state.deal?.id ?? ''} onChange={state.setDeal} /> : null}
      {state.saveFailed ? <Notice intent="warning">{t('logonsend.notSaved')}</Notice> : null}
    </div>
  );
}
