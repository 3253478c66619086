import { Button } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import { describeError } from '../i18n/describe-error';
import { Notice } from './Notice';

/**
 * A failure, said in the user's language with what to do; Retry where sending again may help (nothing answered, the
 * API was busy). A form shows its fields' problems at the fields and this above them.
 */
export function ErrorMessage({ error, onRetry, title }: {
  error: unknown;
  onRetry?: () => void;
  /** What the failure means here (what was or was not saved), in bold before the error: one box, not two. */
  title?: string;
}) {
  const translator = useI18n();
  const { message, retryable } = describeError(error, translator);
  return (
    <Notice
      intent="error"
      title={title}
      actions={
        retryable && onRetry ? (
          <Button size="small" onClick={onRetry}>
            {translator.t('app.retry')}
          </Button>
        ) : null
      }
    >
      {message}
    </Notice>
  );
}
