import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { placeholderOf, templateFields, type TemplateField } from '@rapport/shared/templates/fill-template.rules';
import { useI18n } from '../../i18n/I18nContext';
import { fieldLabelKeys } from './template-labels';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  hint: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/**
 * A button per field a template can fill, each putting its placeholder where the cursor is in the subject or the text
 * (whichever the rep was last in), so nobody has to type braces.
 */
export function PlaceholderButtons({ onInsert }: { onInsert: (placeholder: string) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <div className={styles.box} role="group" aria-label={t('templates.insertField')}>
      <Caption1 className={styles.hint}>{t('templates.insertFieldHint', { example: placeholderOf('firstName', t('templates.fallbackExample')) })}</Caption1>
      <div className={styles.buttons}>
        {templateFields.map((field: TemplateField) => (
          <Button key={field} size="small" onClick={() => onInsert(placeholderOf(field))}>
            {t(fieldLabelKeys[field])}
          </Button>
        ))}
      </div>
    </div>
  );
}

/**
 * Puts `text` at the cursor of a field (over what is selected), and the cursor after it: the field keeps its place in
 * the text even though a button was clicked meanwhile.
 */
export function insertAtCursor(element: HTMLInputElement | HTMLTextAreaElement | null, value: string, text: string, update: (next: string) => void) {
  const start = element?.selectionStart ?? value.length;
  const end = element?.selectionEnd ?? start;
  update(value.slice(0, start) + text + value.slice(end));
  // After React has written the new value.
  setTimeout(() => {
    element?.focus();
    element?.setSelectionRange(start + text.length, start + text.length);
  }, 0);
}
