import { useState } from 'react';
import { Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import { CurrenciesAdmin } from './CurrenciesAdmin';
import { MembersAdmin } from './MembersAdmin';
import { PipelineAdmin } from './PipelineAdmin';
import { ProductsAdmin } from './ProductsAdmin';
import { TerritoriesAdmin } from './TerritoriesAdmin';
import { WebFormsAdmin } from './WebFormsAdmin';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sections: { flexWrap: 'wrap' },
});

type Section = 'members' | 'pipeline' | 'products' | 'currencies' | 'territories' | 'forms';
const sections: Section[] = ['members', 'pipeline', 'products', 'currencies', 'territories', 'forms'];

/** Admins: the tenant's settings, a section at a time. */
export function SettingsView() {
  const { t } = useI18n();
  const styles = useStyles();
  const [section, setSection] = useState<Section>('members');
  return (
    <div className={styles.view}>
      <TabList className={styles.sections} size="small" selectedValue={section} onTabSelect={(_, data) => setSection(data.value as Section)} aria-label={t('nav.settings')}>
        {sections.map((name) => (
          <Tab key={name} value={name}>
            {t(`settings.${name}`)}
          </Tab>
        ))}
      </TabList>
      {section === 'members' ? <MembersAdmin /> : null}
      {section === 'pipeline' ? <PipelineAdmin /> : null}
      {section === 'products' ? <ProductsAdmin /> : null}
      {section === 'currencies' ? <CurrenciesAdmin /> : null}
      {section === 'territories' ? <TerritoriesAdmin /> : null}
      {section === 'forms' ? <WebFormsAdmin /> : null}
    </div>
  );
}
