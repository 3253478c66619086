import { Button, Caption1, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useI18n } from '../i18n/I18nContext';
import { useCopyText } from './useCopyText';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  snippet: { fontFamily: tokens.fontFamilyMonospace },
  copy: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  said: { color: tokens.colorNeutralForeground2 },
});

/**
 * A web form's HTML to paste into the website, and Copy HTML, which puts it on the clipboard in one click. Where the
 * browser refuses the clipboard (an add-in's frame may), the HTML is selected for Ctrl+C instead; either way the
 * outcome is said, and announced to screen readers.
 */
export function WebFormSnippet({ name, formKey, snippet, label }: { name: string; formKey: string; snippet: string; label: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { field, copied, copy } = useCopyText<HTMLTextAreaElement>();
  return (
    <div className={styles.view}>
      <Field label={label} hint={t('forms.key', { key: formKey })}>
        <Textarea ref={field} className={styles.snippet} readOnly resize="vertical" rows={6} value={snippet} />
      </Field>
      <div className={styles.copy}>
        <Button icon={<CopyRegular />} aria-label={t('forms.copyNamed', { name })} onClick={() => void copy(snippet)}>
          {t('forms.copy')}
        </Button>
        {/* Present before anything is said in it, so a screen reader announces what is. */}
        <Caption1 role="status" className={styles.said}>
          {copied === 'yes' ? t('forms.copied') : copied === 'refused' ? t('forms.copyBlocked') : null}
        </Caption1>
      </div>
    </div>
  );
}
