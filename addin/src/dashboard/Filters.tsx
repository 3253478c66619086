import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Member, Product, Territory } from '@rapport/shared';
import { customerSegments } from '@rapport/shared/companies/company-segment.rules';
import type { ReportFilters } from '../hooks/useReport';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/messages.en';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  // A long product's name stays within a 320 px page: the field and its select (a grid item of the field) shrink to it.
  field: { minWidth: 0, maxWidth: '100%' },
  select: { minWidth: 0, maxWidth: '100%' },
});

export type FilterChoices = { members: Member[]; territories: Territory[]; products: Product[]; currencies: string[] };

/**
 * Period, team, territory, owner, product and currency: every report on the page follows them. With `segments`, the
 * segment the reports on customer demographics group by (industry unless another is chosen).
 */
export function Filters({
  value,
  onChange,
  choices,
  teamFilters,
  segments = false,
}: {
  value: ReportFilters;
  onChange: (next: ReportFilters) => void;
  choices: FilterChoices;
  teamFilters: boolean;
  segments?: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const set = (name: keyof ReportFilters) => (next: string) => onChange({ ...value, [name]: next || undefined });
  const teams = [...new Set(choices.members.flatMap((member) => (member.team ? [member.team] : [])))].sort();
  const select = (name: keyof ReportFilters, label: string, options: { value: string; label: string }[], emptyLabel = t('dash.filter.all')) => (
    <Field label={label} className={styles.field}>
      <Select className={styles.select} value={value[name] ?? ''} onChange={(_, data) => set(name)(data.value)}>
        <option value="">{emptyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <div className={styles.bar} role="group" aria-label={t('dash.filters')}>
      <Field label={t('dash.filter.from')}>
        <Input type="month" value={value.from ?? ''} onChange={(_, data) => set('from')(data.value)} />
      </Field>
      <Field label={t('dash.filter.to')}>
        <Input type="month" value={value.to ?? ''} onChange={(_, data) => set('to')(data.value)} />
      </Field>
      {teamFilters && select('team', t('dash.filter.team'), teams.map((team) => ({ value: team, label: team })))}
      {teamFilters && select('territoryId', t('dash.filter.territory'), choices.territories.map((territory) => ({ value: territory.id, label: territory.name })))}
      {teamFilters && select('ownerId', t('dash.filter.owner'), choices.members.map((member) => ({ value: member.id, label: member.displayName })))}
      {select('productId', t('dash.filter.product'), choices.products.map((product) => ({ value: product.id, label: `${product.name} (${product.currency})` })))}
      {segments && (
        <Field label={t('dash.filter.segment')}>
          <Select value={value.segment ?? customerSegments[0]} onChange={(_, data) => onChange({ ...value, segment: customerSegments.find((segment) => segment === data.value && segment !== customerSegments[0]) })}>
            {customerSegments.map((segment) => (
              <option key={segment} value={segment}>
                {t(`dash.segment.${segment}` as MessageKey)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {choices.currencies.length > 1 && select('currency', t('dash.filter.currency'), choices.currencies.map((currency) => ({ value: currency, label: currency })), t('dash.filter.converted'))}
    </div>
  );
}
