import { Field, Select } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

export type DealSelectProps = {
  deals: { id: string; name: string }[];
  /** The chosen deal's id, or '' for none. */
  value: string;
  onChange: (dealId: string) => void;
};

/** Which open deal an activity or appointment belongs to, if any; nothing when there are no open deals. */
export function DealSelect({ deals, value, onChange }: DealSelectProps) {
  const { t } = useI18n();
  if (deals.length === 0) return null;
  return (
    <Field label={t('field.deal')}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">{t('field.noDeal')}</option>
        {deals.map((deal) => (
          <option key={deal.id} value={deal.id}>
            {deal.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
