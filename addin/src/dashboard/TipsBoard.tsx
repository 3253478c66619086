import { useState } from 'react';
import { Body1, Button, Caption1, Card, CardHeader, Field, Select, Skeleton, SkeletonItem, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DeleteRegular, EditRegular, PinOffRegular, PinRegular } from '@fluentui/react-icons';
import type { Me } from '@rapport/shared/contract/members.contract';
import { TIPS_READ_CAP, type TipOrder } from '@rapport/shared/tips/tip.rules';
import type { Tip } from '@rapport/shared/tips/tip.schema';
import { AddButton } from '../components/AddButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { Notice } from '../components/Notice';
import { TipCard } from '../components/tips/TipCard';
import { TipForm } from '../components/tips/TipForm';
import { tipExcerpt } from '../components/tips/TipText';
import { useTipNames } from '../components/tips/useTipNames';
import { usePinTip, useRemoveTip, useTipsBoard, type TipsBoardFilter } from '../data/tips';
import { useMemberNames } from '../hooks/useMe';
import { useOpenForm } from '../hooks/useOpenForm';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, paddingInline: tokens.spacingHorizontalM, paddingBottom: tokens.spacingVerticalM },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end', minWidth: 0 },
  filter: { flexBasis: '11rem', flexGrow: 1, minWidth: 0, maxWidth: '18rem' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, margin: 0, padding: 0, listStyleType: 'none', minWidth: 0, maxWidth: '60rem' },
  skeleton: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
  confirm: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, flexBasis: '100%', minWidth: 0 },
  form: { maxWidth: '40rem' },
});

const ANY = '';

/**
 * The team's tips board: every tip, filtered by stage, product, industry or objection, pinned first, then the newest or
 * the most helpful. Everyone posts and upvotes; an author changes their own tip's words; managers pin and remove any.
 */
export function TipsBoard({ me }: { me: Me }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [filter, setFilter] = useState<TipsBoardFilter>({ order: 'newest' });
  const board = useTipsBoard(filter);
  const names = useTipNames();
  const nameOf = useMemberNames();
  const opener = useOpenForm();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const items = board.data?.items ?? [];
  const filtered = filter.stage !== undefined || filter.productId !== undefined || filter.industry !== undefined || filter.objection !== undefined;
  const set = (key: Exclude<keyof TipsBoardFilter, 'order'>, value: string) =>
    setFilter(({ [key]: _dropped, ...rest }) => (value === ANY ? rest : { ...rest, [key]: value }));
  // Each product once, whatever the currencies it is sold in (the API takes one for all of them).
  const products = [...new Map(names.products.map((product) => [product.name.trim().toLocaleLowerCase(), product])).values()];
  const tagsOf = (tip: Tip) =>
    [
      tip.stages.length > 0 ? t('tips.tags.stages', { list: tip.stages.map(names.stageName).join(', ') }) : null,
      tip.productIds.length > 0 ? t('tips.tags.products', { list: [...new Set(tip.productIds.map(names.productName))].join(', ') }) : null,
      tip.industries.length > 0 ? t('tips.tags.industries', { list: tip.industries.join(', ') }) : null,
      tip.objections.length > 0 ? t('tips.tags.objections', { list: tip.objections.join(', ') }) : null,
    ].filter((line): line is string => line !== null);

  return (
    <Card>
      <CardHeader header={<Subtitle2 as="h2">{t('tips.board.title')}</Subtitle2>} description={<Caption1>{t('tips.board.intro')}</Caption1>} />
      <div className={styles.body}>
        {notice ? <Notice intent="success">{notice}</Notice> : null}
        {opener.open ? (
          <div className={styles.form}>
            <TipForm
              onSaved={() => {
                setNotice(t('tips.posted'));
                opener.close();
              }}
              onCancel={opener.close}
            />
          </div>
        ) : (
          <AddButton
            opener={{
              ...opener,
              show: () => {
                setNotice(null);
                opener.show();
              },
            }}
            icon={EditRegular}
            label={t('tips.post')}
          />
        )}
        <div className={styles.filters} role="group" aria-label={t('tips.board.filters')}>
          <Field className={styles.filter} label={t('tips.board.stage')}>
            <Select value={filter.stage ?? ANY} onChange={(_, data) => set('stage', data.value)}>
              <option value={ANY}>{t('tips.board.any')}</option>
              {names.stages.map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {stage.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field className={styles.filter} label={t('tips.board.product')}>
            <Select value={filter.productId ?? ANY} onChange={(_, data) => set('productId', data.value)}>
              <option value={ANY}>{t('tips.board.any')}</option>
              {products.map((product) => (
                <option key={product.id} value={product.id}>
                  {product.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field className={styles.filter} label={t('tips.board.industry')}>
            <Select value={filter.industry ?? ANY} onChange={(_, data) => set('industry', data.value)}>
              <option value={ANY}>{t('tips.board.any')}</option>
              {(board.data?.tags.industries ?? []).map((industry) => (
                <option key={industry} value={industry}>
                  {industry}
                </option>
              ))}
            </Select>
          </Field>
          <Field className={styles.filter} label={t('tips.board.objection')}>
            <Select value={filter.objection ?? ANY} onChange={(_, data) => set('objection', data.value)}>
              <option value={ANY}>{t('tips.board.any')}</option>
              {(board.data?.tags.objections ?? []).map((objection) => (
                <option key={objection} value={objection}>
                  {objection}
                </option>
              ))}
            </Select>
          </Field>
          <Field className={styles.filter} label={t('tips.board.order')}>
            <Select value={filter.order} onChange={(_, data) => setFilter((current) => ({ ...current, order: data.value as TipOrder }))}>
              <option value="newest">{t('tips.board.order.newest')}</option>
              <option value="upvotes">{t('tips.board.order.upvotes')}</option>
            </Select>
          </Field>
        </div>
        {board.isPending ? (
          <Skeleton className={styles.skeleton} aria-label={t('app.loading')}>
            {[0, 1, 2].map((index) => (
              <div key={index} className={styles.skeleton}>
                <SkeletonItem size={16} />
                <SkeletonItem size={12} />
              </div>
            ))}
          </Skeleton>
        ) : null}
        {board.isError ? <ErrorMessage title={t('tips.failed')} error={board.error} onRetry={() => void board.refetch()} /> : null}
        {board.isSuccess && items.length === 0 ? <Body1>{t(filtered ? 'tips.board.noMatch' : 'tips.board.empty')}</Body1> : null}
        {items.length > 0 ? (
          <ul className={styles.list} aria-label={t('tips.board.list')}>
            {items.map((tip) =>
              editing === tip.id ? (
                <li key={tip.id} className={styles.form} aria-label={tipExcerpt(tip.text)}>
                  <TipForm
                    tip={tip}
                    onSaved={() => {
                      setEditing(null);
                      setNotice(t('tips.changed'));
                    }}
                    onCancel={() => setEditing(null)}
                  />
                </li>
              ) : (
                <TipCard
                  key={tip.id}
                  tip={tip}
                  meId={me.userId}
                  authorName={tip.ownerId === me.userId ? t('tips.you') : (nameOf(tip.ownerId) ?? '…')}
                  tags={tagsOf(tip)}
                  actions={
                    <BoardActions
                      tip={tip}
                      // The author changes their words; a manager pins and removes any tip, and never rewrites it.
                      canChange={tip.ownerId === me.userId}
                      canModerate={me.capabilities.editOthersRecords}
                      onChange={() => {
                        setNotice(null);
                        setEditing(tip.id);
                      }}
                      onRemoved={() => setNotice(t('tips.removed'))}
                    />
                  }
                />
              ),
            )}
          </ul>
        ) : null}
        {board.data && board.data.total > items.length ? <Caption1 className={styles.muted}>{t('tips.board.shown', { shown: items.length, total: board.data.total })}</Caption1> : null}
        {board.data?.capped ? <Caption1 className={styles.muted}>{t('tips.board.capped', { count: TIPS_READ_CAP })}</Caption1> : null}
      </div>
    </Card>
  );
}

/** Change (the author's), Pin or Unpin (managers'), Remove after a confirmation in place (the author's own, a manager's any). */
function BoardActions({ tip, canChange, canModerate, onChange, onRemoved }: { tip: Tip; canChange: boolean; canModerate: boolean; onChange: () => void; onRemoved: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const pin = usePinTip();
  const remove = useRemoveTip();
  const [confirming, setConfirming] = useState(false);
  const excerpt = tipExcerpt(tip.text);
  const pinned = tip.pinnedAt !== undefined;
  const canRemove = canChange || canModerate;
  const sendRemove = () => void remove.removeTip(tip).then(onRemoved, () => undefined);
  return (
    <>
      {canChange ? (
        <Button size="small" appearance="subtle" icon={<EditRegular />} aria-label={t('tips.editOf', { tip: excerpt })} onClick={onChange}>
          {t('tips.edit')}
        </Button>
      ) : null}
      {canModerate ? (
        <Button
          size="small"
          appearance="subtle"
          icon={pinned ? <PinOffRegular /> : <PinRegular />}
          aria-label={t(pinned ? 'tips.unpinOf' : 'tips.pinOf', { tip: excerpt })}
          disabled={pin.isPending}
          onClick={() => void pin.set(tip, !pinned).catch(() => undefined)}
        >
          {t(pinned ? 'tips.unpin' : 'tips.pin')}
        </Button>
      ) : null}
      {canRemove && !confirming ? (
        <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={t('tips.removeOf', { tip: excerpt })} onClick={() => setConfirming(true)}>
          {t('tips.remove')}
        </Button>
      ) : null}
      {confirming ? (
        <div className={styles.confirm} role="group" aria-label={t('tips.removeOf', { tip: excerpt })}>
          <Text>{t('tips.removeConfirm')}</Text>
          <Button size="small" appearance="primary" disabled={remove.isPending} onClick={sendRemove}>
            {t('tips.removeYes')}
          </Button>
          <Button
            size="small"
            disabled={remove.isPending}
            onClick={() => {
              remove.reset();
              setConfirming(false);
            }}
          >
            {t('tips.cancel')}
          </Button>
        </div>
      ) : null}
      {pin.error ? <ErrorMessage error={pin.error} /> : null}
      {remove.error ? <ErrorMessage error={remove.error} onRetry={sendRemove} /> : null}
    </>
  );
}
