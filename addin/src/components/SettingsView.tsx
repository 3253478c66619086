import { Suspense, type ComponentType } from 'react';
import { Spinner, makeStyles } from '@fluentui/react-components';
import type { FluentIcon } from '@fluentui/react-icons';
// The icon's own module: from the package's index it would join the icons the first card's JavaScript carries.
import { MailProhibitedRegular } from '@fluentui/react-icons/lib/atoms/svg/mail-prohibited';
import { DocumentSignatureRegular } from '@fluentui/react-icons/lib/atoms/svg/document-signature';
import { ClockAlarmRegular } from '@fluentui/react-icons/lib/atoms/svg/clock-alarm';
import { PersonFeedbackRegular } from '@fluentui/react-icons/lib/atoms/svg/person-feedback';
import { MegaphoneRegular } from '@fluentui/react-icons/lib/atoms/svg/megaphone';
import { useMe } from '../hooks/useMe';
import { useI18n } from '../i18n/I18nContext';
import { lazyWithMessages } from '../i18n/lazy-with-messages';
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

// With the campaign picker and a campaign's record view: loaded when first opened.
const CampaignsAdmin = lazyWithMessages(() => import('./campaigns/CampaignsAdmin'), 'CampaignsAdmin');

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column' },
});

const icons = { ...settingsIcons, neverLog: MailProhibitedRegular, documents: sectionIcons.documents, contracts: DocumentSignatureRegular, serviceLevels: ClockAlarmRegular, surveys: PersonFeedbackRegular, campaigns: MegaphoneRegular } satisfies Record<string, FluentIcon>;
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
  ['campaigns', CampaignsAdmin],
  ['forms', WebFormsAdmin],
];

/**
 * Admins: the tenant's settings, each a section opened in place (tabs would wrap into rows in a narrow pane). A
 * section reads what it shows only once it is opened. A campaign manager who is no admin gets the campaigns alone, open.
 */
export function SettingsView() {
  const { t } = useI18n();
  const styles = useStyles();
  const me = useMe();
  // Until the user is known, every section: the tab shows to admins and campaign managers, and the API decides anyway.
  const campaignsOnly = me !== null && !me.capabilities.manageSettings;
  const shown = campaignsOnly ? sections.filter(([name]) => name === 'campaigns') : sections;
  return (
    <div className={styles.view} role="group" aria-label={t('nav.settings')}>
      {shown.map(([name, Admin]) => (
        // Keyed by the view too: the campaigns alone open when the user turns out to be a campaign manager, not an admin.
        <Section key={`${name}${campaignsOnly ? ':only' : ''}`} title={t(`settings.${name}`)} icon={icons[name]} defaultOpen={campaignsOnly}>
          <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
            <Admin />
          </Suspense>
        </Section>
      ))}
    </div>
  );
}
