import { Fragment, type ReactNode } from 'react';
import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { CrudKind } from '@rapport/shared/kinds/kinds';
import { useHistory } from '../data/queries';
import { useMemberNames } from '../hooks/useMe';
import { fieldLabelKey } from '../i18n/field-labels';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';
import { ErrorMessage } from './ErrorMessage';
import { Token, isToken } from './Token';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  changes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  meta: { color: tokens.colorNeutralForeground2, display: 'block' },
  // Free text wraps between words, a long word where it must; phones, addresses and domains are Tokens, never broken.
  value: { overflowWrap: 'break-word' },
});

const MAX_VALUE_LENGTH = 80;

// Field names the pane had words for before each kind's field labels: for a field a kind does not label.
const labelled: Record<string, MessageKey> = {
  firstName: 'field.firstName',
  lastName: 'field.lastName',
  emails: 'field.email',
  phones: 'field.phone',
  title: 'field.title',
  subject: 'field.subject',
  notes: 'field.notes',
  dealId: 'field.deal',
  ownerId: 'changes.owner',
};

/**
 * A value as the items it lists, each in the pieces it is read in: a list's items (a phone: its type, then its number),
 * an object's values, a member by name. Long text is cut; a phone, an address or a domain never is (a Token ends it
 * with an ellipsis when the pane is too narrow).
 */
function asPieces(value: unknown, ownerName: (id: string) => string, field: string): string[][] {
  if (value === undefined || value === null || value === '') return [['—']];
  const cut = (text: string) => (text.length > MAX_VALUE_LENGTH && !isToken(text) ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text);
  const valuesOf = (item: object) => Object.values(item as Record<string, unknown>).map((part) => cut(String(part)));
  if (field === 'ownerId' && typeof value === 'string') return [[ownerName(value)]];
  if (Array.isArray(value)) return value.map((item: unknown) => (typeof item === 'object' && item !== null ? valuesOf(item) : [cut(String(item))]));
  if (typeof value === 'object') return valuesOf(value).map((part) => [part]);
  return [[cut(String(value))]];
}

/** A value's items separated by commas, their pieces by spaces: a Token for each phone, address or domain. */
function Value({ pieces }: { pieces: string[][] }) {
  return (
    <>
      {pieces.map((item, at) => (
        <Fragment key={at}>
          {at > 0 ? ', ' : null}
          {item.map((piece, index) => (
            <Fragment key={index}>
              {index > 0 ? ' ' : null}
              {isToken(piece) ? <Token>{piece}</Token> : piece}
            </Fragment>
          ))}
        </Fragment>
      ))}
    </>
  );
}

/** A message with elements where its `{name}`s are: the translator fills in text only. */
function withElements(message: (params: Record<string, string>) => string, elements: Record<string, ReactNode>): ReactNode[] {
  const marks = Object.fromEntries(Object.keys(elements).map((name, at) => [name, `\uE000${at}\uE000`]));
  return message(marks)
    .split(/\uE000(\d+)\uE000/)
    .map((part, at) => (at % 2 === 1 ? <Fragment key={at}>{Object.values(elements)[Number(part)]}</Fragment> : part));
}

/** A record's audit trail: who changed what, from what to what, and when; newest first. */
export function ChangeHistory({ owner }: { owner: { kind: CrudKind; id: string } }) {
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const nameOf = useMemberNames();
  const history = useHistory(owner.kind, owner.id);

  if (history.isPending) return <Spinner size="tiny" label={t('app.loading')} />;
  // A failed first read shows only the failure; a failed "show older" keeps the entries already shown.
  if (history.isError && !history.data) return <ErrorMessage error={history.error} onRetry={() => void history.refetch()} />;
  const entries = history.items;
  if (entries.length === 0) return <Body1>{t('changes.none')}</Body1>;
  const who = (id: string) => nameOf(id) ?? t('changes.someone');
  // A field by the kind's label for it (field.<kind>.<field>: an article's title is no job title), else the pane's
  // older word for it, else as the API names it.
  const fieldName = (field: string) => {
    const label = t(fieldLabelKey(owner.kind, field));
    if (!label.startsWith('field.')) return label;
    const older = labelled[field];
    return older ? t(older) : field;
  };
  return (
    <>
      <ul className={styles.list} aria-label={t('tabs.changes')}>
        {entries.map((entry) => (
          <li key={entry.version}>
            <Body1>{t(`changes.${entry.action}`, { who: who(entry.by) })}</Body1>
            <Caption1 className={styles.meta}>{dateTime(entry.at)}</Caption1>
            {entry.action === 'updated' && entry.changes.length > 0 ? (
              <ul className={styles.changes}>
                {entry.changes.map((change) => (
                  <li key={change.field} className={styles.value}>
                    <Caption1>
                      {withElements((marks) => t('changes.field', { field: fieldName(change.field), ...marks }), {
                        before: <Value pieces={asPieces(change.before, who, change.field)} />,
                        after: <Value pieces={asPieces(change.after, who, change.field)} />,
                      })}
                    </Caption1>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {history.isError ? (
        <ErrorMessage error={history.error} onRetry={() => (history.isFetchNextPageError ? history.loadMore() : void history.refetch())} />
      ) : null}
      {history.loadingMore ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {history.hasMore && !history.loadingMore ? (
        <Button appearance="subtle" onClick={history.loadMore}>
          {t('timeline.more')}
        </Button>
      ) : null}
    </>
  );
}
