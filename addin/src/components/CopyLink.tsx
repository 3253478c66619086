import { Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useI18n } from '../i18n/I18nContext';
import { useCopyText } from './useCopyText';

const useStyles = makeStyles({
  link: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0, '& .fui-Field': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  input: { width: '100%', minWidth: 0 },
  copy: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  said: { color: tokens.colorNeutralForeground2 },
});

/**
 * A public page's link (a sent quote's, a public article's) with Copy: put on the clipboard in one click, or (where the
 * add-in's frame may not use the clipboard) selected for Ctrl+C; either way the outcome is said.
 */
export function CopyLink({ url, label }: { url: string; label: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { field, copied, copy } = useCopyText<HTMLInputElement>();
  return (
    <div className={styles.link}>
      <Field label={label}>
        <Input ref={field} className={styles.input} readOnly value={url} onFocus={(event) => event.target.select()} />
      </Field>
      <div className={styles.copy}>
        <Button icon={<CopyRegular />} onClick={() => void copy(url)}>
          {t('quotes.copy')}
        </Button>
        <Caption1 role="status" className={styles.said}>
          {copied === 'yes' ? t('quotes.copied') : copied === 'refused' ? t('quotes.copyBlocked') : null}
        </Caption1>
      </div>
    </div>
  );
}
