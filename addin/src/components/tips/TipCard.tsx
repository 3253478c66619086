import type { ReactNode } from 'react';
import { Badge, Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
// The icons' own modules: from the package's index they would join the icons the first card's JavaScript carries.
import { PinRegular } from '@fluentui/react-icons/lib/atoms/svg/pin';
import { ThumbLikeFilled, ThumbLikeRegular } from '@fluentui/react-icons/lib/atoms/svg/thumb-like';
import type { Tip } from '@rapport/shared/tips/tip.schema';
import type { TipMatch } from '@rapport/shared/tips/tip.rules';
import { useUpvoteTip } from '../../data/tips';
import { useI18n } from '../../i18n/I18nContext';
import { ErrorMessage } from '../ErrorMessage';
import { TipText, tipExcerpt } from './TipText';

const useStyles = makeStyles({
  tip: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke2,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  pinned: { borderInlineStartColor: tokens.colorBrandStroke1 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  // The words as typed: line breaks kept, a long address broken anywhere rather than run past the pane.
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere', minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  // The member's own upvote: pressed, in the brand's colour.
  upvoted: { color: tokens.colorBrandForeground1 },
});

export type TipCardProps = {
  tip: Tip;
  /** The signed-in member: their upvote shows pressed. */
  meId: string | null;
  /** Who wrote it, as the team knows them. */
  authorName: string;
  /** In the pane: what about the open deal it is for (none: pinned for every deal). */
  matches?: TipMatch[];
  /** On the board: its tags, each line already worded. */
  tags?: string[];
  /** On the board: change, pin, remove, as the member may. */
  actions?: ReactNode;
};

/** One tip: pinned or not, its words with their links, who wrote it and when, and the team's upvotes, which the member toggles. */
export function TipCard({ tip, meId, authorName, matches, tags, actions }: TipCardProps) {
  const styles = useStyles();
  const { t, date } = useI18n();
  const upvote = useUpvoteTip();
  const pinned = tip.pinnedAt !== undefined;
  const mine = meId !== null && tip.upvotedBy.includes(meId);
  const why = matches ? (matches.length === 0 ? [t('tips.for.all')] : matches.map((match) => t(`tips.for.${match}`))) : [];
  return (
    <li className={pinned ? `${styles.tip} ${styles.pinned}` : styles.tip} aria-label={tipExcerpt(tip.text)}>
      {pinned || why.length > 0 ? (
        <div className={styles.head}>
          {pinned ? (
            <Badge appearance="tint" color="brand" size="small" icon={<PinRegular />}>
              {t('tips.pinned')}
            </Badge>
          ) : null}
          {why.length > 0 ? <Caption1 className={styles.muted}>{why.join(' · ')}</Caption1> : null}
        </div>
      ) : null}
      <Body1 className={styles.text}>
        <TipText text={tip.text} />
      </Body1>
      {tags?.map((line) => (
        <Caption1 key={line} className={styles.muted}>
          {line}
        </Caption1>
      ))}
      <div className={styles.actions}>
        {/* A toggle (aria-pressed), as Fluent's ToggleButton, whose styles would otherwise join the first card's JavaScript. */}
        <Button
          size="small"
          appearance="subtle"
          aria-pressed={mine}
          className={mine ? styles.upvoted : undefined}
          icon={mine ? <ThumbLikeFilled /> : <ThumbLikeRegular />}
          title={t('tips.helpfulHint')}
          disabled={upvote.isPending || meId === null}
          onClick={() => {
            upvote.reset();
            void upvote.toggle(tip, !mine).catch(() => undefined);
          }}
        >
          {t('tips.helpful', { count: tip.upvotedBy.length })}
        </Button>
        <Caption1 className={styles.muted}>{t('tips.byOn', { name: authorName, date: date(tip.createdAt) })}</Caption1>
        {actions}
      </div>
      {upvote.error ? <ErrorMessage error={upvote.error} onRetry={() => void upvote.toggle(tip, !mine).catch(() => undefined)} /> : null}
    </li>
  );
}
