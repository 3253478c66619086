import { Body1, Button, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentSearchRegular } from '@fluentui/react-icons';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM, paddingBlock: tokens.spacingVerticalXXL },
  icon: { fontSize: '48px', color: tokens.colorNeutralForeground3 },
  heading: { margin: 0 },
  body: { maxWidth: '60ch', color: tokens.colorNeutralForeground2 },
});

/** A record page's address that names no record (an unknown kind, a malformed id): what happened and where to go. */
export function RecordNotFound({ dashboardHref }: { dashboardHref: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <section className={styles.box} aria-labelledby="record-not-found" data-testid="record-not-found">
      <DocumentSearchRegular className={styles.icon} aria-hidden />
      <Title2 as="h1" id="record-not-found" className={styles.heading}>
        {t('recordPage.notFound.title')}
      </Title2>
      <Body1 className={styles.body}>{t('recordPage.notFound.body')}</Body1>
      <Button as="a" appearance="primary" href={dashboardHref}>
        {t('recordPage.notFound.action')}
      </Button>
    </section>
  );
}
