import type { ComponentType } from 'react';
import { makeStyles } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';
// The icon's own module: from the package's index it would join the icons the first card's JavaScript carries.
import { MailProhibitedRegular } from '@fluentui/react-icons/lib/atoms/svg/mail-prohibited';
import { DocumentSignatureRegular } from '@fluentui/react-icons/lib/atoms/svg/document-signature';
import { ClockAlarmRegular } from '@fluentui/react-icons/lib/atoms/svg/clock-alarm';
import { PersonFeedbackRegular } from '@fluentui/react-icons/lib/atoms/svg/person-feedback';
import { useI18n } from '../i18n/I18nContext';
import { CurrenciesAdmin } from './CurrenciesAdmin';
import { DocumentLimitsAdmin } from './DocumentLimitsAdmin';
import { MembersAdmin } from './MembersAdmin';
import { OwnDomainsAdmin } from './OwnDomainsAdmin';
import { PipelineAdmin } from './PipelineAdmin';
import { ProductsAdmin } from './ProductsAdmin';
import { Section } from './Section';
import { SendChecksAdmin } from './SendChecksAdmin';
import { NeverLogAdmin } from './never-log/NeverLogAdmin';
import { QuoteSettingsAdmin } from './quote-settings/QuoteSettingsAdmin';
import { RenewalReminderAdmin } from './contracts/RenewalReminderAdmin';
import { ServiceLevelAdmin } from './service-levels/ServiceLevelAdmin';
import { SurveySettingsAdmin } from './surveys/SurveySettingsAdmin';
import { TerritoriesAdmin } from './TerritoriesAdmin';
import { WebFormsAdmin } from './WebFormsAdmin';
import { settingsIcons } from './editing-icons';
import { sectionIcons } from './icons';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column' },
});

const icons = { ...settingsIcons, neverLog: MailProhibitedRegular, documents: sectionIcons.documents, contracts: DocumentSignatureRegular, serviceLevels: ClockAlarmRegular, surveys: PersonFeedbackRegular } satisfies Record<string, FluentIcon>;
type SettingsSection = keyof typeof icons;
const sections: [SettingsSection, ComponentType][] = [
  ['members', MembersAdmin],
  ['domains', OwnDomainsAdmin],
  ['sendChecks', SendChecksAdmin],
  ['neverLog', NeverLogAdmin],
  ['documents', DocumentLimitsAdmin],
  ['pipeline', PipelineAdmin],
  ['products', ProductsAdmin],
  ['quotes', QuoteSettingsAdmin],
  ['contracts', RenewalReminderAdmin],
  ['serviceLevels', ServiceLevelAdmin],
  ['surveys', SurveySettingsAdmin],
  ['currencies', CurrenciesAdmin],
  ['territories', TerritoriesAdmin],
  ['forms', WebFormsAdmin],
];

/**
 * Admins: the tenant's settings, each a section opened in place (tabs would wrap into rows in a narrow pane). A
 * section reads what it shows only once it is opened.
 */
export function SettingsView() {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.view} role="group" aria-label={t('nav.settings')}>
      {sections.map(([name, Admin]) => (
        <Section key={name} title={t(`settings.${name}`)} icon={icons[name]}>
          <Admin />
        </Section>
      ))}
    </div>
  );
}
