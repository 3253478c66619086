import { useState } from 'react';
import { Body1, Button, Caption1, Input, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { SearchResponse } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import type { ApiClient } from '../api/api-client';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  meta: { display: 'block', color: tokens.colorNeutralForeground2 },
});

/** Finds contacts and companies by name, phone in any format, customer number or company. */
export function SearchPanel({ api }: { api: ApiClient }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [results, setResults] = useState<SearchResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    const text = query.trim();
    if (!text) return;
    setError(null);
    try {
      setResults(await api.search(text));
      setSearched(text);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const empty = results && results.contacts.length === 0 && results.companies.length === 0;
  return (
    <section className={styles.panel} aria-label={t('search.label')}>
      <form
        role="search"
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Input
          className={styles.grow}
          type="search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={query}
          onChange={(_, data) => setQuery(data.value)}
        />
        <Button type="submit" appearance="primary">
          {t('search.button')}
        </Button>
      </form>
      {error ? <Body1 role="alert">{t('app.error', { message: error })}</Body1> : null}
      {empty ? <Body1>{t('search.none', { query: searched ?? '' })}</Body1> : null}
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
