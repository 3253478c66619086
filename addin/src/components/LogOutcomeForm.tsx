import { Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import type { Activity } from '@rapport/shared';
import { useI18n } from '../i18n/I18nContext';
import { lazyWithMessages } from '../i18n/lazy-with-messages';

// Its radios, fields and date input load with the form, when an organizer opens a meeting: not with the first card.
const LogOutcomeFormBody = lazyWithMessages(() => import('./LogOutcomeFormBody'), 'LogOutcomeFormBody');

export type LogOutcomeFormProps = {
  appointment: Activity;
  /** After the outcome (and any follow-up task) is saved; `scheduleNext` when the rep chose a new appointment. */
  onSaved: (summary: string, scheduleNext: boolean) => void;
  /** The meeting is the item open in Outlook: once its outcome is saved, Outlook mobile's Log card says "View". */
  openInOutlook?: boolean;
};

/** The organizer's record of how a meeting went, and the next step: a follow-up task or a new appointment. */
export function LogOutcomeForm(props: LogOutcomeFormProps) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
      <LogOutcomeFormBody {...props} />
    </Suspense>
  );
}
