import { Spinner } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

/** A read's waiting and failed states: a spinner while it loads, the error with Retry when it failed; else nothing. */
export function QueryState({ query }: { query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => Promise<unknown> } }) {
  const { t } = useI18n();
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  return query.isPending ? <Spinner size="tiny" label={t('app.loading')} /> : null;
}
