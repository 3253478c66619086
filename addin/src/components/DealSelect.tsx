import { Field, Select, makeStyles } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  field: { minWidth: 0, maxWidth: '100%' },
  // A native list is as wide as its longest option (a deal's long name): held to the form, the chosen one cut short.
  select: { width: '100%', minWidth: 0, maxWidth: '100%', '& select': { width: '100%', minWidth: 0, maxWidth: '100%', textOverflow: 'ellipsis' } },
});

export type DealSelectProps = {
  deals: { id: string; name: string }[];
  /** The chosen deal's id, or '' for none. */
  value: string;
  onChange: (dealId: string) => void;
};

/** Which open deal an activity or appointment belongs to, if any; nothing when there are no open deals. */
export function DealSelect({ deals, value, onChange }: DealSelectProps) {
  const { t } = useI18n();
  const styles = useStyles();
  if (deals.length === 0) return null;
  return (
    <Field className={styles.field} label={t('field.deal')}>
      <Select className={styles.select} value={value} onChange={(_, data) => onChange(data.value)}>
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
