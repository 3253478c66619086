import { useState } from 'react';
import { Body1, Button, Checkbox, Field, Input, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Lead } from '@rapport/shared';
import { contactDisplayName } from '@rapport/shared/contacts/contact.rules';
import { DEAL_NAME_MAX, amountProblem, isCalendarDate, textProblem } from '@rapport/shared/deals/deal-input.rules';
import { useReloadCard } from '../data/card';
import { useOperation } from '../data/queries';
import { localDate } from '../data/today';
import { useOperationWrite } from '../data/writes';
import { useI18n } from '../i18n/I18nContext';
import { parseAmount } from '../i18n/parse-amount';
import { useErrorText } from '../i18n/useErrorText';
import { ChangeError } from './ChangeError';
import { dealProblemText } from './deal-problem-text';
import { ErrorMessage } from './ErrorMessage';
import { actionIcons } from './icons';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** How far ahead a deal made by converting is expected to close unless the rep says otherwise, as a new deal's. */
const CLOSE_IN_DAYS = 30;

/**
 * A lead with this address: convert it into the contact, its company and, if wanted, a deal with its amount and
 * expected close, in one step (shown in the lead's card, under who it is). Keep it mounted across versions of the lead:
 * what the rep typed stays through a refusal and a reload.
 */
export function ConvertLeadForm({ lead, onConverted }: { lead: Lead; onConverted: (name: string) => void }) {
  const translator = useI18n();
  const { t, locale } = translator;
  const styles = useStyles();
  const errorText = useErrorText();
  const [withDeal, setWithDeal] = useState(false);
  const [dealName, setDealName] = useState(lead.companyName ?? contactDisplayName(lead));
  const [stage, setStage] = useState('');
  const [amount, setAmount] = useState('');
  const [expectedCloseDate, setExpectedCloseDate] = useState(() => {
    const day = new Date();
    day.setDate(day.getDate() + CLOSE_IN_DAYS);
    return localDate(day);
  });
  // The stages and the tenant's currency are read only when a deal is wanted.
  const pipeline = useOperation('pipeline', {}, { enabled: withDeal });
  const settings = useOperation('settings', {}, { enabled: withDeal && !lead.currency });
  const convert = useOperationWrite('convertLead');
  const reloadCard = useReloadCard();
  const openStages = pipeline.data?.stages.filter((candidate) => candidate.kind === 'open') ?? [];
  const chosenStage = stage || (openStages[0]?.id ?? '');
  const currency = lead.currency ?? settings.data?.reportingCurrency ?? '';
  const typedAmount = parseAmount(amount, locale);
  const sent = convert.error ? errorText(convert.error).fields : {};
  // Checked by the contract's rules as the rep types: what the API would refuse is said at the field first.
  const problems = {
    name: dealProblemText(translator, textProblem(dealName, DEAL_NAME_MAX, true), currency),
    amount: dealProblemText(translator, typedAmount === null || !currency ? null : amountProblem(typedAmount, currency), currency),
    expectedCloseDate: dealProblemText(translator, expectedCloseDate === '' || isCalendarDate(expectedCloseDate) ? null : 'date', currency),
  };
  // An amount needs its currency; without one, the API gives the deal the lead's or the tenant's.
  const dealReady = Boolean(chosenStage) && (typedAmount === null || currency !== '') && Object.values(problems).every((problem) => problem === undefined);
  const loading = pipeline.isPending || (!lead.currency && settings.isPending);
  const readError = pipeline.error ?? settings.error;

  const save = () => {
    if (withDeal && !dealReady) return;
    const deal = {
      name: dealName.trim(),
      stage: chosenStage,
      ...(currency ? { currency } : {}),
      ...(typedAmount !== null ? { amount: typedAmount } : {}),
      ...(expectedCloseDate ? { expectedCloseDate } : {}),
    };
    convert.mutate({ params: { id: lead.id }, body: withDeal ? { deal } : {}, version: lead.version }, { onSuccess: () => onConverted(contactDisplayName(lead)) });
  };

  return (
    <form
      className={styles.form}
      aria-label={t('lead.convert')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Checkbox checked={withDeal} onChange={(_, data) => setWithDeal(data.checked === true)} label={t('lead.withDeal')} />
      {withDeal ? (
        <>
          <Field label={t('lead.dealName')} required validationMessage={problems.name ?? sent['deal.name']}>
            <Input value={dealName} onChange={(_, data) => setDealName(data.value)} />
          </Field>
          {loading ? <Spinner size="tiny" label={t('lead.loadingStages')} /> : null}
          {readError ? (
            <ErrorMessage
              error={readError}
              onRetry={() => {
                if (pipeline.error) void pipeline.refetch();
                if (settings.error) void settings.refetch();
              }}
            />
          ) : null}
          {pipeline.data && openStages.length === 0 ? <Body1>{t('lead.noStages')}</Body1> : null}
          {openStages.length > 0 ? (
            <Field label={t('lead.stage')} validationMessage={sent['deal.stage']}>
              <Select value={chosenStage} onChange={(_, data) => setStage(data.value)}>
                {openStages.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          {currency ? (
            <>
              <Field label={t('capture.dealAmount', { currency })} validationMessage={problems.amount ?? sent['deal.amount'] ?? sent.amount}>
                <Input inputMode="decimal" value={amount} onChange={(_, data) => setAmount(data.value)} />
              </Field>
              <Field label={t('capture.dealClose')} validationMessage={problems.expectedCloseDate ?? sent['deal.expectedCloseDate'] ?? sent.expectedCloseDate}>
                <Input type="date" value={expectedCloseDate} onChange={(_, data) => setExpectedCloseDate(data.value)} />
              </Field>
            </>
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
        <Button appearance="primary" type="submit" icon={<actionIcons.create />} disabled={convert.isPending || convert.isSuccess || (withDeal && !dealReady)}>
          {t('lead.convert')}
        </Button>
      </div>
    </form>
  );
}
