import { Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useI18n } from '../../i18n/I18nContext';
import { lazyWithMessages } from '../../i18n/lazy-with-messages';
import type { InsertTemplateProps } from './InsertTemplate.types';

const InsertTemplate = lazyWithMessages(() => import('./InsertTemplate'), 'InsertTemplate');

/**
 * The template picker as a view that is not in the first card's JavaScript: it loads, with its messages, when first
 * shown. What a compose surface renders; `InsertTemplate` takes the same props.
 */
export function LazyInsertTemplate(props: InsertTemplateProps) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
      <InsertTemplate {...props} />
    </Suspense>
  );
}
