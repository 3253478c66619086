import { useEffect, useRef, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { useDebounced } from '../data/debounce';
import { useOperation } from '../data/queries';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  meta: { display: 'block', color: tokens.colorNeutralForeground2 },
});

/** How long typing pauses before the search goes out. */
const TYPING_PAUSE_MS = 250;

/** Finds contacts and companies by name, phone in any format, customer number or company, as the rep types. */
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
  const empty = results && !search.isPlaceholderData && results.contacts.length === 0 && results.companies.length === 0;
  return (
    <section className={styles.panel} aria-label={t('search.label')} aria-busy={search.isFetching}>
      <form
        role="search"
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          searchNow();
        }}
      >
        <Field className={styles.grow} validationMessage={search.isError ? errorText(search.error).fields.q : undefined}>
          <Input
            ref={field}
            type="search"
            aria-label={t('search.label')}
            placeholder={t('search.placeholder')}
            maxLength={200}
            value={text}
            onChange={(_, data) => setText(data.value)}
          />
        </Field>
        <Button type="submit" appearance="primary">
          {t('search.button')}
        </Button>
      </form>
      {search.isFetching && !results ? <Spinner size="tiny" label={t('search.searching')} /> : null}
      {search.isError ? <ErrorMessage error={search.error} onRetry={() => void search.refetch()} /> : null}
      {empty ? <Body1>{t('search.none', { query: q })}</Body1> : null}
      {results && results.contacts.length > 0 ? (
        <div>
          <Subtitle2 as="h2">{t('search.contacts')}</Subtitle2>
          <ul className={styles.list} aria-label={t('search.contacts')}>
            {results.contacts.map(({ contact, company }) => (
              <li key={contact.id}>
                <Body1>
                  <strong>{contactDisplayName(contact)}</strong>
                  {company ? ` · ${company.name}` : ''}
                </Body1>
                <Caption1 className={styles.meta}>
                  {[contact.emails[0], contact.phones[0]?.number, contact.customerNumber].filter(Boolean).join(' · ')}
                </Caption1>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {results && results.companies.length > 0 ? (
        <div>
          <Subtitle2 as="h2">{t('search.companies')}</Subtitle2>
          <ul className={styles.list} aria-label={t('search.companies')}>
            {results.companies.map((company) => (
              <li key={company.id}>
                <Body1>
                  <strong>{company.name}</strong>
                </Body1>
                <Caption1 className={styles.meta}>{[company.domains[0], company.customerNumber].filter(Boolean).join(' · ')}</Caption1>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
