import { useState, type RefObject } from 'react';
import { Spinner } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared/activities/activity.schema';
import { setLastAction } from '../../data/last-action';
import { canSnooze, isCalendarEvent } from '@rapport/shared/activities/activity-actions.rules';
import { quickDateAt, quickDates } from '@rapport/shared/activities/quick-dates.rules';
import { useRecord } from '../../data/queries';
import { useI18n } from '../../i18n/I18nContext';
import { ChangeError } from '../ChangeError';
import { Notice } from '../Notice';
import { ActionMenu, ActionMenuDivider, ActionMenuGroup, ActionMenuItem } from './ActionMenu';
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
  /** The entry's Complete or Reopen: its refusal is said here, with Retry (at a version) and Reload. */
  toggle: { error: unknown; retry: (version?: number) => void; reset: () => void };
};

type Panel = 'pick' | 'edit' | 'delete' | null;

/**
 * An activity's menu (snooze a task to a quick date or a date picked, edit, delete), and in place under the entry the
 * form or notice the chosen item opens.
 */
export function ActivityMenu({ activity, open, onOpenChange, anchor, onGone, toggle }: ActivityMenuProps) {
  const { t, locale, dateTime } = useI18n();
  const { hours, known } = useWorkingHours();
  const live = useRecord('activity', activity.id, { initial: activity });
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const snooze = useActivityChange(activity, (saved) => {
    setPanel(null);
    setNotice(t('activity.snoozed', { when: dateTime(saved.at, hours.timeZone) }));
    // The task may leave the list it was in (My day): its view says so, with Undo.
    setLastAction({ what: 'snoozed', subject: activity.subject, at: saved.at, undo: { id: activity.id, version: saved.version, changes: { at: activity.at } } });
  });
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
        <ActionMenu label={t('activity.more', { subject: activity.subject })} onDismiss={dismiss}>
          {snoozable ? (
            <ActionMenuGroup label={t('activity.snoozeUntil')}>
              {quickDates.map((which) => {
                const at = quickDateAt(which, now, hours);
                return (
                  <ActionMenuItem
                    key={which}
                    disabled={!known || snooze.pending}
                    secondary={day.format(new Date(at))}
                    onClick={() => {
                      choose(null);
                      anchor.current?.focus();
                      snooze.send({ at });
                    }}
                  >
                    {t(`activity.quick.${which}`)}
                  </ActionMenuItem>
                );
              })}
              <ActionMenuItem disabled={!known} onClick={() => choose('pick')}>
                {t('activity.pickDate')}
              </ActionMenuItem>
            </ActionMenuGroup>
          ) : null}
          {snoozable ? <ActionMenuDivider /> : null}
          <ActionMenuItem onClick={() => choose('edit')}>{t('activity.edit')}</ActionMenuItem>
          {isCalendarEvent(activity) ? null : <ActionMenuItem onClick={() => choose('delete')}>{t('activity.delete')}</ActionMenuItem>}
        </ActionMenu>
      ) : null}
      {toggle.error ? (
        <ChangeError
          error={toggle.error}
          onRetry={() => toggle.retry()}
          onReload={() => {
            toggle.reset();
            reload();
          }}
          onApplyAgain={toggle.retry}
          myFields={['status']}
        />
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
