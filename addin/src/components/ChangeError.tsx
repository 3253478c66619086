import { Button } from '@fluentui/react-components';
import { isApiError } from '../api/api-error';
import { describeError } from '../i18n/describe-error';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';
import { actionIcons } from './icons';
import { Notice } from './Notice';

/**
 * A refused change to a record, said as ErrorMessage says any failure; when someone changed the record first, with
 * Reload in the same box: the record as it is now, what the rep chose kept, to apply again.
 */
export function ChangeError({ error, onRetry, onReload }: { error: unknown; onRetry: () => void; onReload: () => void }) {
  const translator = useI18n();
  if (!isApiError(error) || error.code !== 'RECORD.STALE_VERSION') return <ErrorMessage error={error} onRetry={onRetry} />;
  const Reload = actionIcons.reload;
  return (
    <Notice
      intent="error"
      actions={
        <Button size="small" icon={<Reload />} onClick={onReload}>
          {translator.t('card.reload')}
        </Button>
      }
    >
      {describeError(error, translator).message}
    </Notice>
  );
}
