import { useState } from 'react';
import { Body1, Button, Checkbox, Field, Input, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Lead } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { useReloadCard } from '../data/card';
import { useOperation } from '../data/queries';
import { useOperationWrite } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { useErrorText } from '../i18n/useErrorText';
import { ChangeError } from './ChangeError';
import { ErrorMessage } from './ErrorMessage';
import { actionIcons } from './icons';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * A lead with this address: convert it into the contact, its company and, if wanted, a deal, in one step (shown in the
 * lead's card, under who it is). Keep it mounted across versions of the lead: what the rep typed stays through a
 * refusal and a reload.
 */
export function ConvertLeadForm({ lead, onConverted }: { lead: Lead; onConverted: (name: string) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const errorText = useErrorText();
  const [withDeal, setWithDeal] = useState(false);
  const [dealName, setDealName] = useState(lead.companyName ?? contactDisplayName(lead));
  const [stage, setStage] = useState('');
  // The stages are read only when a deal is wanted.
  const pipeline = useOperation('pipeline', {}, { enabled: withDeal });
  const convert = useOperationWrite('convertLead');
  const reloadCard = useReloadCard();
  const openStages = pipeline.data?.stages.filter((candidate) => candidate.kind === 'open') ?? [];
  const chosenStage = stage || (openStages[0]?.id ?? '');
  const fields = convert.error ? errorText(convert.error).fields : {};

  const save = () => {
    const body = withDeal && chosenStage && dealName.trim() ? { deal: { name: dealName.trim(), stage: chosenStage } } : {};
    convert.mutate({ params: { id: lead.id }, body, version: lead.version }, { onSuccess: () => onConverted(contactDisplayName(lead)) });
  };

  return (
    <form
      className={styles.form}
      aria-label={t('lead.convert')}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Checkbox checked={withDeal} onChange={(_, data) => setWithDeal(data.checked === true)} label={t('lead.withDeal')} />
      {withDeal ? (
        <>
          <Field label={t('lead.dealName')} required validationMessage={fields['deal.name']}>
            <Input value={dealName} onChange={(_, data) => setDealName(data.value)} />
          </Field>
          {pipeline.isPending ? <Spinner size="tiny" label={t('lead.loadingStages')} /> : null}
          {pipeline.error ? <ErrorMessage error={pipeline.error} onRetry={() => void pipeline.refetch()} /> : null}
          {pipeline.data && openStages.length === 0 ? <Body1>{t('lead.noStages')}</Body1> : null}
          {openStages.length > 0 ? (
            <Field label={t('lead.stage')} validationMessage={fields['deal.stage']}>
              <Select value={chosenStage} onChange={(_, data) => setStage(data.value)}>
                {openStages.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
        </>
      ) : null}
      {convert.error ? (
        <ChangeError
          error={convert.error}
          onRetry={save}
          onReload={() => {
            convert.reset();
            reloadCard();
          }}
        />
      ) : null}
      <div>
        {/* Converted: the card is read again and shows the contact instead of this form. */}
        <Button appearance="primary" type="submit" icon={<actionIcons.create />} disabled={convert.isPending || convert.isSuccess || (withDeal && (!chosenStage || dealName.trim() === ''))}>
          {t('lead.convert')}
        </Button>
      </div>
    </form>
  );
}
