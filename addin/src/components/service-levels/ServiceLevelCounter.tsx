import { useState } from 'react';
import { Body1, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { MyDayResponse } from '@rapport/shared';
import { BREACH_SOON_HOURS } from '@rapport/shared/cases/service-level.rules';
// The icon's own module: from the package's index it would join the icons the first card's JavaScript carries.
import { ClockAlarmRegular } from '@fluentui/react-icons/lib/atoms/svg/clock-alarm';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey, Translator } from '../../i18n/i18n';
import { RecordLink } from '../RecordLink';
import { CaseServiceLevel } from './CaseServiceLevel';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // The line wraps in a narrow pane: the button is as wide as the pane at most, its text aligned to the start.
  toggle: { alignSelf: 'flex-start', justifyContent: 'flex-start', textAlign: 'start', minWidth: 0, maxWidth: '100%', height: 'auto', paddingLeft: 0, paddingRight: 0 },
  // Its colour says how urgent, hovered and pressed too (a transparent button turns brand-coloured then).
  warning: { color: tokens.colorStatusWarningForeground1, ':hover': { color: tokens.colorStatusWarningForeground1 }, ':hover:active': { color: tokens.colorStatusWarningForeground1 } },
  danger: { color: tokens.colorStatusDangerForeground1, ':hover': { color: tokens.colorStatusDangerForeground1 }, ':hover:active': { color: tokens.colorStatusDangerForeground1 } },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke1,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  subject: { overflowWrap: 'break-word' },
  more: { alignSelf: 'flex-start', paddingLeft: 0, paddingRight: 0, minWidth: 0 },
});

// The list opens on the most urgent few; the rest on request.
const SHOWN_FIRST = 10;

type ServiceLevels = NonNullable<MyDayResponse['serviceLevels']>;

const plural = (locale: string, count: number) => (new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other');

/** "2 cases breach in the next 4 hours · 1 breached", "3 cases breached their service level". */
export function serviceLevelSummary({ t, locale }: Pick<Translator, 't' | 'locale'>, { soon, breached }: Pick<ServiceLevels, 'soon' | 'breached'>): string {
  const say = (key: string, count: number) => t(`${key}.${plural(locale, count)}` as MessageKey, { count, hours: BREACH_SOON_HOURS });
  if (soon === 0) return say('serviceLevel.breached', breached);
  const coming = say('serviceLevel.soon', soon);
  return breached === 0 ? coming : `${coming} · ${say('serviceLevel.alsoBreached', breached)}`;
}

/**
 * My day's line of the rep's open cases that breached a service level or come due within BREACH_SOON_HOURS, opening the
 * list of them, the most urgent first, each opening its case. No line when there are none (or the API does not say).
 */
export function ServiceLevelCounter({ serviceLevels }: { serviceLevels: MyDayResponse['serviceLevels'] }) {
  const translator = useI18n();
  const { t } = translator;
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState(false);
  if (!serviceLevels || serviceLevels.soon + serviceLevels.breached === 0) return null;
  const tone = serviceLevels.breached > 0 ? styles.danger : styles.warning;
  const shown = all ? serviceLevels.cases : serviceLevels.cases.slice(0, SHOWN_FIRST);
  return (
    <div className={styles.view}>
      <Button className={mergeClasses(styles.toggle, tone)} appearance="transparent" icon={<ClockAlarmRegular className={tone} />} aria-expanded={open} onClick={() => setOpen(!open)}>
        {serviceLevelSummary(translator, serviceLevels)}
      </Button>
      {open ? (
        <>
          <ul className={styles.list} aria-label={t('serviceLevel.listLabel')}>
            {shown.map(({ case: serviceCase }) => (
              <li key={serviceCase.id} className={styles.entry}>
                <Body1 className={styles.subject}>
                  <RecordLink to={{ kind: 'case', id: serviceCase.id }}>
                    <strong>{t('case.number', { number: serviceCase.number })}</strong> · {serviceCase.subject}
                  </RecordLink>
                </Body1>
                <CaseServiceLevel serviceCase={serviceCase} />
              </li>
            ))}
          </ul>
          {shown.length < serviceLevels.cases.length ? (
            <Button className={styles.more} appearance="transparent" onClick={() => setAll(true)}>
              {t('serviceLevel.showAll', { count: serviceLevels.cases.length })}
            </Button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
