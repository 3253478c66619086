import { Button, Input, makeStyles } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useI18n } from '../../i18n/I18nContext';
import type { useArticleSearchBox } from './useArticleSearchBox';

const useStyles = makeStyles({
  form: { display: 'flex', minWidth: 0 },
  input: { flexGrow: 1, minWidth: 0 },
});

/** The knowledge base's search field: searches as the rep types and on Enter; the button inside is there to click. */
export function ArticleSearchForm({ box }: { box: ReturnType<typeof useArticleSearchBox> }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <form
      role="search"
      aria-label={t('knowledge.search.label')}
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        box.searchNow();
      }}
    >
      <Input
        className={styles.input}
        type="search"
        aria-label={t('knowledge.search.label')}
        placeholder={t('knowledge.search.placeholder')}
        maxLength={200}
        value={box.text}
        onChange={(_, data) => box.setText(data.value)}
        contentAfter={<Button type="submit" size="small" appearance="transparent" icon={<SearchRegular />} aria-label={t('knowledge.search.button')} title={t('knowledge.search.button')} />}
      />
    </form>
  );
}
