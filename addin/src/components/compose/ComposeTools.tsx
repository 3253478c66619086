import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n/I18nContext';

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground2 },
});

export type ComposeToolsProps = {
  /** Whether the draft has recipients yet. */
  hasRecipients: boolean;
};

/**
 * What the pane offers in a message being written, above the recipients' cards. Loaded only in compose windows, so
 * the read card's JavaScript does not carry it.
 */
export function ComposeTools({ hasRecipients }: ComposeToolsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  return hasRecipients ? null : <Body1 className={styles.hint}>{t('compose.noRecipients')}</Body1>;
}
