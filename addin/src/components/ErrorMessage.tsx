import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

/** A failed action, said in the user's language with the API's message for people. */
export function ErrorMessage({ message }: { message: string }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="error">
      <MessageBarBody>{t('app.error', { message })}</MessageBarBody>
    </MessageBar>
  );
}
