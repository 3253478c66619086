import { useI18n } from './I18nContext';
import { describeError, type ErrorDescription } from './describe-error';

/** Describes errors in the user's language (for a form's fields: `fields[path]`). */
export function useErrorText(): (error: unknown) => ErrorDescription {
  const translator = useI18n();
  return (error) => describeError(error, translator);
}
