import { useEffect, useRef, useState } from 'react';
import { Button } from '@fluentui/react-components';
import { setLastAction, useLastAction } from '../../data/last-action';
import { useChangeRecord } from '../../data/writes';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';

/**
 * Above a list whose entries leave it when acted on (My day, the calendar): what was just done to one of them ("“Call
 * Ana back” completed."), with Undo. The focus comes here, since the entry it was on is gone.
 */
export function LastActionNotice() {
  const { t, dateTime } = useI18n();
  const action = useLastAction();
  const [shownSince] = useState(() => Date.now());
  const box = useRef<HTMLDivElement>(null);
  const undo = useChangeRecord('activity');
  const visible = action && action.doneAt >= shownSince ? action : null;
  useEffect(() => {
    if (visible) box.current?.focus();
  }, [visible]);
  // What was done in this view is said in this view only.
  useEffect(() => () => setLastAction(null), []);
  if (!visible) return null;
  const text =
    visible.what === 'completed' ? t('activity.completedNamed', { subject: visible.subject }) : t('activity.snoozedNamed', { subject: visible.subject, when: dateTime(visible.at ?? '') });
  return (
    <div ref={box} tabIndex={-1}>
      <Notice
        intent="success"
        actions={
          <>
            <Button
              size="small"
              disabled={undo.isPending}
              onClick={() => undo.mutate({ id: visible.undo.id, changes: visible.undo.changes, version: visible.undo.version }, { onSuccess: () => setLastAction(null) })}
            >
              {t('delete.undo')}
            </Button>
            <Button size="small" appearance="subtle" onClick={() => setLastAction(null)}>
              {t('activity.close')}
            </Button>
          </>
        }
      >
        {text}
      </Notice>
      {undo.error ? <ErrorMessage error={undo.error} onRetry={() => undo.mutate({ id: visible.undo.id, changes: visible.undo.changes, version: visible.undo.version })} /> : null}
    </div>
  );
}
