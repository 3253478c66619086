import { Suspense, type ReactNode } from 'react';
import { Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';
import { useFormFocus, useOpenForm } from '../hooks/useOpenForm';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/i18n';
import { actionIcons } from './icons';
import type { ScheduleAppointmentFormProps } from './ScheduleAppointmentForm.types';
import { lazyWithMessages } from '../i18n/lazy-with-messages';
import type { RecordRef } from '../taskpane/record-navigation';
import type { NewDealFormProps } from './NewDealForm';
import type { OpenCaseFormProps } from './OpenCaseForm';

// Every form comes on first use: their fields are not in the first card's JavaScript.
const ScheduleAppointmentForm = lazyWithMessages(() => import('./ScheduleAppointmentForm'), 'ScheduleAppointmentForm');
const QuickActivityForm = lazyWithMessages(() => import('./QuickActivityForm'), 'QuickActivityForm');
const LogCallForm = lazyWithMessages(() => import('./LogCallForm'), 'LogCallForm');
const OpenCaseForm = lazyWithMessages(() => import('./OpenCaseForm'), 'OpenCaseForm');
const NewDealForm = lazyWithMessages(() => import('./NewDealForm'), 'NewDealForm');

const useStyles = makeStyles({
  // The primary action on a row of its own; what it says (logged, failed) takes the row's width.
  primary: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingVerticalS, minWidth: 0, ':empty': { display: 'none' } },
  // The others: small subtle buttons as wide as their words, wrapping onto as many rows as the pane needs.
  others: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, rowGap: tokens.spacingVerticalXXS, minWidth: 0, marginInlineStart: `calc(-1 * ${tokens.spacingHorizontalS})` },
  action: { whiteSpace: 'nowrap' },
});

export type CardActionsProps = {
  /** Logging the open e-mail (LogEmailButton), on a row of its own above the others; the primary when the view has no other. */
  log?: ReactNode;
  /** Whom an appointment would be with; no scheduling without. */
  schedule?: Pick<ScheduleAppointmentFormProps, 'loadCalendar' | 'userEmail' | 'contact' | 'companyId' | 'leadId' | 'deals' | 'others'>;
  /** What a note, follow-up task, call or past meeting belongs to, and whom it was with (by name); none of them without. */
  activity?: { links: { contactIds?: string[]; companyId?: string; leadId?: string }; deals: { id: string; name: string }[]; about: string };
  /** A service case for a contact, from the e-mail (logged with it); none without. */
  serviceCase?: Omit<OpenCaseFormProps, 'onOpened' | 'onCancel'>;
  /** A deal with the contact or company on the card, started from the e-mail; none without. */
  deal?: Omit<NewDealFormProps, 'onCreated' | 'onCancel'>;
  /** Something was done: what to tell the rep, and the record it made when there is one to open. */
  onDone: (notice: string | DoneNotice) => void;
};

/** What was done, and a button that opens the record it made ("Open deal"). */
export type DoneNotice = { text: string; open?: { label: string; record: RecordRef } };

type Action = 'deal' | 'schedule' | 'note' | 'task' | 'call' | 'meeting' | 'case';
const labels: Record<Action, MessageKey> = {
  deal: 'action.newDeal',
  schedule: 'action.schedule',
  note: 'action.addNote',
  task: 'action.addTask',
  call: 'action.logCall',
  meeting: 'action.logMeeting',
  case: 'case.open',
};
const icons: Record<Action, FluentIcon> = {
  deal: actionIcons.deal,
  schedule: actionIcons.schedule,
  note: actionIcons.note,
  task: actionIcons.task,
  call: actionIcons.call,
  meeting: actionIcons.meeting,
  case: actionIcons.case,
};

/**
 * What the rep can do with the e-mail and the person in view: logging the e-mail (the view's primary action when it
 * has no other) on its row, then the rest as small subtle buttons with icons. A button opens its form in the buttons'
 * place: focus goes into the form, and back to the button when it closes (Cancel, Escape, or done).
 */
export function CardActions({ log, schedule, activity, serviceCase, deal, onDone }: CardActionsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const forms: Record<Action, ReturnType<typeof useOpenForm<HTMLButtonElement>>> = {
    deal: useOpenForm(),
    schedule: useOpenForm(),
    note: useOpenForm(),
    task: useOpenForm(),
    call: useOpenForm(),
    meeting: useOpenForm(),
    case: useOpenForm(),
  };
  const offered: Action[] = [
    ...(schedule ? (['schedule'] as const) : []),
    ...(activity ? (['note', 'task', 'call', 'meeting'] as const) : []),
    ...(deal ? (['deal'] as const) : []),
    ...(serviceCase ? (['case'] as const) : []),
  ];
  const open = offered.find((action) => forms[action].open);

  if (open) {
    const { close } = forms[open];
    const done = (notice: string | DoneNotice) => {
      close();
      onDone(notice);
    };
    return (
      <Suspense fallback={<Spinner size="small" label={t('app.loading')} />}>
        {open === 'schedule' && schedule ? (
          <FormFocus onClose={close}>
            <ScheduleAppointmentForm {...schedule} onBooked={done} onCancel={close} />
          </FormFocus>
        ) : null}
        {(open === 'note' || open === 'task') && activity ? <QuickActivityForm mode={open} links={activity.links} deals={activity.deals} onSaved={done} onCancel={close} /> : null}
        {(open === 'call' || open === 'meeting') && activity ? (
          <LogCallForm kind={open} about={activity.about} links={activity.links} deals={activity.deals} onSaved={done} onCancel={close} />
        ) : null}
        {open === 'case' && serviceCase ? (
          <OpenCaseForm {...serviceCase} onOpened={done} onCancel={close} />
        ) : null}
        {open === 'deal' && deal ? (
          <NewDealForm {...deal} onCreated={done} onCancel={close} />
        ) : null}
      </Suspense>
    );
  }
  return (
    <>
      {log ? <div className={styles.primary}>{log}</div> : null}
      {offered.length > 0 ? (
        <div className={styles.others}>
          {offered.map((action) => {
            const Icon = icons[action];
            return (
              <Button key={action} ref={forms[action].triggerRef} appearance="subtle" size="small" className={styles.action} icon={<Icon />} onClick={forms[action].show}>
                {t(labels[action])}
              </Button>
            );
          })}
        </div>
      ) : null}
    </>
  );
}

/** The scheduling form, as the card's own forms are: focus into its first field when it opens, Escape closes it. */
function FormFocus({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  // Inside the Suspense boundary: mounted (and focusing) only once the form it holds has rendered.
  const focus = useFormFocus<HTMLDivElement>(onClose);
  return (
    <div ref={focus.ref} onKeyDown={focus.onKeyDown}>
      {children}
    </div>
  );
}
