import { useEffect, useRef, useState, type RefObject } from 'react';
import { Menu, MenuDivider, MenuGroup, MenuGroupHeader, MenuItem, MenuList, MenuPopover, Spinner } from '@fluentui/react-components';
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

type Panel = 'pick' | 'edit' | 'delete' | null;

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
  const popover = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    // Closed with nothing opened from it (Escape, a snooze): the focus goes back to the button, as a menu's trigger.
    const active = document.activeElement;
    if (wasOpen.current && !open && (!active || active === document.body || popover.current?.contains(active))) anchor.current?.focus();
    wasOpen.current = open;
  }, [open, anchor]);

  const choose = (next: Panel) => {
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
      <Menu open={open} onOpenChange={(_, data) => onOpenChange(data.open)} positioning={{ target: anchor.current, position: 'below', align: 'end' }}>
        <MenuPopover ref={popover}>
          <MenuList aria-label={t('activity.more', { subject: activity.subject })}>
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
        </MenuPopover>
      </Menu>
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
