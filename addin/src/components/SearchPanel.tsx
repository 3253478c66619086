import { useEffect, useRef, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useDebounced } from '../data/debounce';
import { useOperation } from '../data/queries';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';
import { viewIcons } from './icons';
import { SearchResults, hasResults } from './SearchResults';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  empty: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** How long typing pauses before the search goes out. */
const TYPING_PAUSE_MS = 250;

/**
 * Finds contacts, companies, deals, leads and cases as the rep types; every result opens its record. The pane keeps
 * this view mounted (hidden) while a record is open, so what was typed and found is still here on Back.
 */
export function SearchPanel() {
  const styles = useStyles();
  const { t } = useI18n();
  const errorText = useErrorText();
  const [text, setText] = useState('');
  const [q, searchNow] = useDebounced(text.trim(), TYPING_PAUSE_MS);
  // The last answer stays on screen while the next one comes, so the list does not flicker at every key.
  const search = useOperation('search', { query: { q, limit: 20 } }, { enabled: q !== '', keepPrevious: true });
  const field = useRef<HTMLInputElement>(null);
  // Opening Search is asking to type.
  useEffect(() => field.current?.focus(), []);

  const results = q !== '' && !search.isError ? search.data : undefined;
  const empty = results && !search.isPlaceholderData && !hasResults(results);
  return (
    <section className={styles.panel} aria-label={t('search.label')} aria-busy={search.isFetching}>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          searchNow();
        }}
      >
        {/* The whole width for what is typed: it searches as the rep types and on Enter; the button inside is there to click. */}
        <Field validationMessage={search.isError ? errorText(search.error).fields.q : undefined}>
          <Input
            ref={field}
            type="search"
            aria-label={t('search.label')}
            placeholder={t('search.placeholder')}
            maxLength={200}
            value={text}
            onChange={(_, data) => setText(data.value)}
            contentAfter={<Button type="submit" size="small" appearance="transparent" icon={<viewIcons.search />} aria-label={t('search.button')} title={t('search.button')} />}
          />
        </Field>
      </form>
      {/* Before anything is typed: what can be found, and how. */}
      {text.trim() === '' && !results ? <Caption1 className={styles.hint}>{t('search.hint')}</Caption1> : null}
      {search.isFetching && !results ? <Spinner size="tiny" label={t('search.searching')} /> : null}
      {search.isError ? <ErrorMessage error={search.error} onRetry={() => void search.refetch()} /> : null}
      {empty ? (
        <div className={styles.empty} role="status">
          <Body1>{t('search.none', { query: q })}</Body1>
          <Caption1 className={styles.hint}>{t('search.noneHint')}</Caption1>
        </div>
      ) : null}
      {results && hasResults(results) ? <SearchResults results={results} /> : null}
    </section>
  );
}
