import { useEffect, useRef, useState, type RefObject } from 'react';
import { MenuDivider, MenuGroup, MenuGroupHeader, MenuItem, MenuList, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared/activities/activity.schema';
import { canSnooze } from '@rapport/shared/activities/activity-actions.rules';
import { quickDateAt, quickDates } from '@rapport/shared/activities/quick-dates.rules';
import { useRecord } from '../../data/queries';
import { useI18n } from '../../i18n/I18nContext';
import { ChangeError } from '../ChangeError';
import { Notice } from '../Notice';
import { ActivityEditForm } from './ActivityEditForm';
import { DeleteActivity } from './DeleteActivity';
import { SnoozeDateForm } from './SnoozeDateForm';
import { useActivityChange } from './useActivityChange';
import { useWorkingHours } from './useWorkingHours';

export type ActivityMenuProps = {
  activity: Activity;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button the menu opens from, and gives the focus back to. */
  anchor: RefObject<HTMLButtonElement | null>;
  /** The activity was deleted (true) or brought back (false): its entry hides its buttons meanwhile. */
  onGone: (gone: boolean) => void;
};

export { ChangeError };

type Panel = 'pick' | 'edit' | 'delete' | null;

const useStyles = makeStyles({
  // In the flow under the entry, as wide as the pane allows: nothing floats over the list or scrolls sideways.
  menu: { maxWidth: '100%', boxSizing: 'border-box', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingVerticalXS, backgroundColor: tokens.colorNeutralBackground1 },
});

/**
 * An activity's menu (snooze a task to a quick date or a date picked, edit, delete), and in place under the entry the
 * form or notice the chosen item opens.
 */
export function ActivityMenu({ activity, open, onOpenChange, anchor, onGone }: ActivityMenuProps) {
  const { t, locale, dateTime } = useI18n();
  const { hours, known } = useWorkingHours();
  const live = useRecord('activity', activity.id, { initial: activity });
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const snooze = useActivityChange(activity, (saved) => {
    setPanel(null);
    setNotice(t('activity.snoozed', { when: dateTime(saved.at, hours.timeZone) }));
  });
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Opened: the first item has the focus, as in a menu; the arrow keys move through the rest.
    if (open) list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);
  const dismiss = () => {
    onOpenChange(false);
    anchor.current?.focus();
  };
  const choose = (next: Panel) => {
    onOpenChange(false);
    setNotice(null);
    snooze.reset();
    setPanel(next);
  };
  const close = () => {
    setPanel(null);
    anchor.current?.focus();
  };
  const reload = () => void live.refetch();
  const now = Date.now();
  const day = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: hours.timeZone });
  const snoozable = canSnooze(activity);

  return (
    <>
      {open ? (
        <MenuList
          ref={list}
          className={styles.menu}
          aria-label={t('activity.more', { subject: activity.subject })}
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.stopPropagation();
            dismiss();
          }}
        >
          {snoozable ? (
            <MenuGroup>
              <MenuGroupHeader>{t('activity.snoozeUntil')}</MenuGroupHeader>
              {quickDates.map((which) => {
                const at = quickDateAt(which, now, hours);
                return (
                  <MenuItem
                    key={which}
                    disabled={!known || snooze.pending}
                    secondaryContent={day.format(new Date(at))}
                    onClick={() => {
                      choose(null);
                      anchor.current?.focus();
                      snooze.send({ at });
                    }}
                  >
                    {t(`activity.quick.${which}`)}
                  </MenuItem>
                );
              })}
              <MenuItem disabled={!known} onClick={() => choose('pick')}>
                {t('activity.pickDate')}
              </MenuItem>
            </MenuGroup>
          ) : null}
          {snoozable ? <MenuDivider /> : null}
          <MenuItem onClick={() => choose('edit')}>{t('activity.edit')}</MenuItem>
          <MenuItem onClick={() => choose('delete')}>{t('activity.delete')}</MenuItem>
        </MenuList>
      ) : null}
      {notice ? <Notice intent="success">{notice}</Notice> : null}
      {snooze.pending ? <Spinner size="tiny" label={t('activity.snoozing')} /> : null}
      {snooze.error ? <ChangeError error={snooze.error} onRetry={snooze.retry} onReload={reload} onApplyAgain={snooze.applyAgain} myFields={snooze.fields} timeZone={hours.timeZone} /> : null}
      {panel === 'pick' ? <SnoozeDateForm subject={activity.subject} hours={hours} pending={snooze.pending} onSnooze={(at) => snooze.send({ at })} onCancel={close} /> : null}
      {panel === 'edit' ? (
        known ? (
          <ActivityEditForm
            activity={activity}
            timeZone={hours.timeZone}
            onSaved={() => {
              setPanel(null);
              setNotice(t('activity.saved'));
              anchor.current?.focus();
            }}
            onCancel={close}
            onReload={reload}
          />
        ) : (
          <Spinner size="tiny" label={t('app.loading')} />
        )
      ) : null}
      {panel === 'delete' ? <DeleteActivity activity={activity} onDeleted={onGone} onClose={close} onReload={reload} /> : null}
    </>
  );
}
