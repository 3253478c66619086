import { useEffect, useRef, useState } from 'react';
import { Body1, Button, Caption1, Field, Input, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { useDebounced } from '../data/debounce';
import { useOperation } from '../data/queries';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ErrorMessage } from './ErrorMessage';
import { PersonAvatar } from './PersonAvatar';
import { viewIcons } from './icons';
import { TokenList } from './TokenList';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // A result: its avatar, then its name on one line and its addresses and numbers under it.
  result: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, minWidth: 0 },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  company: { color: tokens.colorNeutralForeground2 },
  meta: { color: tokens.colorNeutralForeground2 },
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
      {search.isFetching && !results ? <Spinner size="tiny" label={t('search.searching')} /> : null}
      {search.isError ? <ErrorMessage error={search.error} onRetry={() => void search.refetch()} /> : null}
      {empty ? <Body1>{t('search.none', { query: q })}</Body1> : null}
      {results && results.contacts.length > 0 ? (
        <div>
          <Subtitle2 as="h2">{t('search.contacts')}</Subtitle2>
          <ul className={styles.list} aria-label={t('search.contacts')}>
            {results.contacts.map(({ contact, company }) => (
              <li key={contact.id} className={styles.result}>
                <PersonAvatar name={contactDisplayName(contact)} email={contact.emails[0] ?? null} />
                <div className={styles.text}>
                  <Body1 className={styles.name} title={company ? `${contactDisplayName(contact)} · ${company.name}` : contactDisplayName(contact)}>
                    <strong>{contactDisplayName(contact)}</strong>
                    {company ? <span className={styles.company}> · {company.name}</span> : null}
                  </Body1>
                  <Caption1 className={styles.meta}>
                    <TokenList values={present([contact.emails[0], contact.phones[0]?.number, contact.customerNumber])} />
                  </Caption1>
                </div>
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
              <li key={company.id} className={styles.result}>
                <PersonAvatar name={company.name} email={company.domains[0] ?? null} square />
                <div className={styles.text}>
                  <Body1 className={styles.name} title={company.name}>
                    <strong>{company.name}</strong>
                  </Body1>
                  <Caption1 className={styles.meta}>
                    <TokenList values={present([company.domains[0], company.customerNumber])} />
                  </Caption1>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

const present = (values: (string | null | undefined)[]): string[] => values.filter((value): value is string => Boolean(value));
