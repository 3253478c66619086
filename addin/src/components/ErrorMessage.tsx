import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import { describeError } from '../i18n/describe-error';

/**
 * A failure, said in the user's language with what to do; Retry where sending again may help (nothing answered, the
 * API was busy). A form shows its fields' problems at the fields and this above them.
 */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const translator = useI18n();
  const { message, retryable } = describeError(error, translator);
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
      {retryable && onRetry ? (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {translator.t('app.retry')}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
