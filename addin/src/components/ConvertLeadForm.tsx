import { useEffect, useState } from 'react';
import { Body1, Button, Checkbox, Field, Input, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { Lead, PipelineSettings } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import type { ApiClient } from '../api/api-client';
import { useI18n } from '../i18n/I18nContext';
import { ErrorMessage } from './ErrorMessage';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** A lead with this address: convert it into the contact, its company and, if wanted, a deal, in one step. */
export function ConvertLeadForm({ api, lead, onConverted }: { api: ApiClient; lead: Lead; onConverted: (name: string) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [withDeal, setWithDeal] = useState(false);
  const [dealName, setDealName] = useState(lead.companyName ?? contactDisplayName(lead));
  const [stages, setStages] = useState<PipelineSettings['stages']>([]);
  const [stage, setStage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!withDeal || stages.length > 0) return;
    let live = true;
    api.pipeline().then(
      (pipeline) => {
        if (!live) return;
        const open = pipeline.stages.filter((candidate) => candidate.kind === 'open');
        setStages(open);
        setStage((current) => current || (open[0]?.id ?? ''));
      },
      (caught: unknown) => live && setError(caught instanceof Error ? caught.message : String(caught)),
    );
    return () => {
      live = false;
    };
  }, [api, withDeal, stages.length]);

  const convert = async () => {
    setBusy(true);
    setError(null);
    try {
      const body = withDeal && stage && dealName.trim() ? { deal: { name: dealName.trim(), stage } } : {};
      await api.convertLead(lead.id, body, lead.version);
      onConverted(contactDisplayName(lead));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label={t('lead.heading', { name: contactDisplayName(lead) })}
      onSubmit={(event) => {
        event.preventDefault();
        void convert();
      }}
    >
      <Subtitle2 as="h2">{t('lead.heading', { name: contactDisplayName(lead) })}</Subtitle2>
      <Body1>{t('lead.summary', { company: lead.companyName ?? '—', status: t(`leadStatus.${lead.status}`) })}</Body1>
      <Checkbox checked={withDeal} onChange={(_, data) => setWithDeal(data.checked === true)} label={t('lead.withDeal')} />
      {withDeal ? (
        <>
          <Field label={t('lead.dealName')} required>
            <Input value={dealName} onChange={(_, data) => setDealName(data.value)} />
          </Field>
          <Field label={t('lead.stage')}>
            <Select value={stage} onChange={(_, data) => setStage(data.value)}>
              {stages.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </Select>
          </Field>
        </>
      ) : null}
      {error ? <ErrorMessage message={error} /> : null}
      <div>
        <Button appearance="primary" type="submit" disabled={busy || (withDeal && (!stage || dealName.trim() === ''))}>
          {t('lead.convert')}
        </Button>
      </div>
    </form>
  );
}
