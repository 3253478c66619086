import { Suspense } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useI18n } from '../../i18n/I18nContext';
import { lazyWithMessages } from '../../i18n/lazy-with-messages';
import type { CampaignLinksProps } from './CampaignLinks';

const CampaignLinks = lazyWithMessages(() => import('./CampaignLinks'), 'CampaignLinks');

/**
 * A campaign's tracked links as a part that is not in the first card's JavaScript: it loads, with its messages, when
 * first shown. What a campaign's view renders; `CampaignLinks` takes the same props.
 */
export function LazyCampaignLinks(props: CampaignLinksProps) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
      <CampaignLinks {...props} />
    </Suspense>
  );
}
