import { useState } from 'react';
import { Body1, Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';
// The icon's own module: editing-icons' set would split the first card's icons into one chunk more.
import { AddRegular } from '@fluentui/react-icons/lib/atoms/svg/add';
import type { Deal } from '@rapport/shared/deals/deal.schema';
import { useDealTips } from '../../data/tips';
import { useMe, useMemberNames } from '../../hooks/useMe';
import { useOpenForm } from '../../hooks/useOpenForm';
import { useI18n } from '../../i18n/I18nContext';
import { AddButton } from '../AddButton';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';
import { TipCard } from './TipCard';
import { TipForm } from './TipForm';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none', minWidth: 0 },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * The team's top tips for the deal in view (its stage, its products, its customer's industry; pinned ones first), each
 * upvoted in place, and Post a tip, tagged with what the deal is. Read when the section shows, again when the deal moves.
 */
export function DealTips({ deal }: { deal: Pick<Deal, 'id' | 'name' | 'stage' | 'version' | 'lineItems'> }) {
  const styles = useStyles();
  const { t } = useI18n();
  const tips = useDealTips(deal);
  const me = useMe();
  const nameOf = useMemberNames();
  const opener = useOpenForm();
  const [posted, setPosted] = useState(false);
  const items = tips.data?.items ?? [];
  const context = tips.data?.context;
  return (
    <div className={styles.body}>
      {tips.isPending ? (
        <Skeleton className={styles.skeleton} aria-label={t('tips.finding')}>
          {[0, 1].map((index) => (
            <div key={index} className={styles.skeleton}>
              <SkeletonItem size={16} />
              <SkeletonItem size={12} />
            </div>
          ))}
        </Skeleton>
      ) : null}
      {tips.isError ? <ErrorMessage title={t('tips.failed')} error={tips.error} onRetry={() => void tips.refetch()} /> : null}
      {tips.isSuccess && items.length === 0 ? <Body1>{t('tips.empty')}</Body1> : null}
      {items.length > 0 ? (
        <ul className={styles.list} aria-label={t('tips.listOf', { deal: deal.name })}>
          {items.map(({ tip, matches }) => (
            <TipCard key={tip.id} tip={tip} matches={matches} meId={me?.userId ?? null} authorName={tip.ownerId === me?.userId ? t('tips.you') : (nameOf(tip.ownerId) ?? '…')} />
          ))}
        </ul>
      ) : null}
      {posted ? <Notice intent="success">{t('tips.posted')}</Notice> : null}
      {opener.open ? (
        <TipForm
          // The deal as the API read it for its tips (its industry is its company's); the pane's until then.
          preset={{ stage: context?.stage ?? deal.stage, productIds: context?.productIds ?? [...new Set(deal.lineItems.map((line) => line.productId))], industry: context?.industry }}
          onSaved={() => {
            setPosted(true);
            opener.close();
          }}
          onCancel={opener.close}
        />
      ) : (
        <AddButton
          opener={{
            ...opener,
            show: () => {
              setPosted(false);
              opener.show();
            },
          }}
          icon={AddRegular}
          label={t('tips.post')}
        />
      )}
    </div>
  );
}
