import { Button, Caption1, Checkbox, Radio, RadioGroup, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { timeZoneName } from '@rapport/shared/appointments/free-times.rules';
import { useFormFocus } from '../../hooks/useOpenForm';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import type { RecipientZone } from './find-free-times';
import { Notice } from '../Notice';
import { FREE_TIMES_LENGTHS, type FreeTimesLength, type InsertFreeTimesProps } from './InsertFreeTimes.types';
import { useInsertFreeTimes } from './useInsertFreeTimes';

export type { InsertFreeTimesProps } from './InsertFreeTimes.types';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // A fieldset keeps its content's width unless told otherwise: here it takes the form's, and long times wrap.
  group: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  choice: { minWidth: 0, overflowWrap: 'anywhere' },
  lengths: { display: 'flex', flexWrap: 'wrap' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/**
 * Proposes a meeting in a new e-mail: the rep's next free times (up to five over the next 5 working days, each ticked;
 * untick what not to offer), written in the recipient's zone when it is known, and Insert puts them into the e-mail.
 * Loaded on first use (LazyInsertFreeTimes); the inserted text is in the rep's display language.
 */
export function InsertFreeTimes(props: InsertFreeTimesProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const view = useInsertFreeTimes(props);
  const focus = useFormFocus(props.onDone ?? noop);
  const { state, zone, insertion } = view;
  const nameOf = (zoneId: string) => timeZoneName(zoneId, locale);
  const lengthLabel = (minutes: FreeTimesLength) => t(minutes === 30 ? 'freetimes.halfHour' : 'freetimes.hour');
  // Where the recipient's zone comes from, so the rep can trust it (or write in their own).
  const zoneSource = ({ recipient, from }: RecipientZone) =>
    from === 'outlook' ? t('freetimes.fromOutlook', { name: recipientName(recipient) }) : t('freetimes.fromAddress', { name: recipientName(recipient), country: recipient.country ?? '' });

  return (
    <form
      ref={focus.ref}
      onKeyDown={focus.onKeyDown}
      className={styles.form}
      aria-label={t('freetimes.heading')}
      onSubmit={(event) => {
        event.preventDefault();
        view.insertion.insert();
      }}
    >
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('freetimes.length')}</legend>
        <RadioGroup className={styles.lengths} layout="horizontal" value={String(view.length)} onChange={(_, data) => view.setLength(Number(data.value) as FreeTimesLength)}>
          {FREE_TIMES_LENGTHS.map((minutes) => (
            <Radio key={minutes} value={String(minutes)} label={lengthLabel(minutes)} />
          ))}
        </RadioGroup>
      </fieldset>

      <div role="status" aria-live="polite">
        {state.status === 'loading' ? <Spinner size="tiny" label={t('freetimes.searching')} /> : null}
        {state.status === 'empty' ? (
          <Notice
            intent="info"
            actions={
              view.length !== 30 ? (
                <Button size="small" onClick={() => view.setLength(30)}>
                  {t('freetimes.tryShorter')}
                </Button>
              ) : null
            }
          >
            {t(view.length !== 30 ? 'freetimes.noneTryShorter' : 'freetimes.none')}
          </Notice>
        ) : null}
      </div>
      {state.status === 'error' ? <ErrorMessage title={t('freetimes.failed')} error={state.error} onRetry={state.retry} /> : null}

      {state.status === 'ready' ? (
        <>
          <fieldset className={styles.group}>
            <legend className={styles.legend}>{t('freetimes.slots')}</legend>
            {state.slots.map((slot) => (
              <Checkbox key={slot.start} className={styles.choice} checked={view.ticked(slot)} onChange={(_, data) => view.tick(slot, data.checked === true)} label={view.label(slot)} />
            ))}
          </fieldset>

          {zone.kind === 'choose' ? (
            <fieldset className={styles.group}>
              <legend className={styles.legend}>{t('freetimes.writeIn')}</legend>
              <RadioGroup value={zone.writeIn} onChange={(_, data) => view.chooseZone(data.value === 'mine' ? 'mine' : 'theirs')}>
                <Radio className={styles.choice} value="theirs" label={t('freetimes.theirZone', { name: recipientName(zone.theirs.recipient), zone: nameOf(zone.theirs.timeZone) })} />
                <Radio className={styles.choice} value="mine" label={t('freetimes.myZone', { zone: nameOf(zone.own) })} />
              </RadioGroup>
              <Caption1 className={styles.note}>{zoneSource(zone.theirs)}</Caption1>
            </fieldset>
          ) : (
            <Caption1 className={styles.note}>
              {zone.kind === 'same' ? t('freetimes.sameZone', { zone: nameOf(zone.theirs.timeZone), name: recipientName(zone.theirs.recipient) }) : t('freetimes.ownZoneOnly', { zone: nameOf(zone.own) })}
            </Caption1>
          )}

          {insertion.error ? <ErrorMessage title={t('freetimes.insertFailed')} error={insertion.error} onRetry={insertion.insert} /> : null}
          {insertion.done ? (
            <Notice intent="success" role="status">
              {t('freetimes.inserted')}
            </Notice>
          ) : null}
          <div className={styles.row}>
            <Button appearance="primary" type="submit" disabledFocusable={view.chosen === 0 || insertion.pending}>
              {insertion.pending ? t('freetimes.inserting') : t('freetimes.insert')}
            </Button>
            {view.chosen === 0 ? <Caption1 className={styles.note}>{t('freetimes.noneChosen')}</Caption1> : null}
          </div>
        </>
      ) : null}
    </form>
  );
}

const noop = () => undefined;
const recipientName = (recipient: RecipientZone['recipient']) => recipient.name?.trim() || recipient.email;
