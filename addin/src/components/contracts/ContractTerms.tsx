import { useState } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Contract } from '@rapport/shared';
import { quoteReference } from '@rapport/shared/quotes/quote.rules';
import { useChangeRecord, useOperationWrite } from '../../data/writes';
import { useCanEdit } from '../../hooks/useMe';
import { useTenantCurrencies } from '../../hooks/useTenantCurrencies';
import { useI18n } from '../../i18n/I18nContext';
import { useOpenRecord } from '../../taskpane/record-navigation';
import { ChangeError } from '../ChangeError';
import { ErrorMessage } from '../ErrorMessage';
import { Notice } from '../Notice';
import { editIcons } from '../editing-icons';
import { ContractTermsFields } from './ContractTermsFields';
import { termsDraftOf, termsOf, type TermsDraft, type TermsProblems } from './contract-terms-draft';

const useStyles = makeStyles({
  terms: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  term: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  label: { color: tokens.colorNeutralForeground2 },
  value: { minWidth: 0, overflowWrap: 'anywhere' },
  items: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

/**
 * A contract's coverage and terms (what it covers, the service level, how it renews, what it is worth), changed as a
 * whole by whoever may change the contract; and its renewal in one click: a deal and a draft quote for the next term.
 */
export function ContractTerms({ contract }: { contract: Contract }) {
  const styles = useStyles();
  const { t, money, locale } = useI18n();
  const canEdit = useCanEdit(contract) === true;
  const [draft, setDraft] = useState<TermsDraft | null>(null);
  const hours = (value: number) => new Intl.NumberFormat(locale).format(value);
  const level = contract.serviceLevel;
  const value = contract.value;
  return (
    <div className={styles.terms}>
      {draft ? (
        <TermsForm contract={contract} draft={draft} onChange={setDraft} onDone={() => setDraft(null)} />
      ) : (
        <>
          <Term label={t('contract.covers')}>
            {contract.covered.length === 0 ? (
              t('contract.coversNothing')
            ) : (
              <ul className={styles.items}>
                {contract.covered.map((item, index) => (
                  <li key={`${item.productId ?? ''}-${index}`}>{item.name}</li>
                ))}
              </ul>
            )}
          </Term>
          <Term label={t('contract.serviceLevel')}>
            {level
              ? [t('contract.response', { name: level.name, hours: hours(level.responseHours) }), level.resolutionHours !== undefined ? t('contract.resolution', { hours: hours(level.resolutionHours) }) : null]
                  .filter(Boolean)
                  .join(', ')
              : t('contract.noServiceLevel')}
          </Term>
          <Term label={t('contract.renewal')}>
            {contract.renewal.autoRenew
              ? t('contract.autoRenew', { months: contract.renewal.termMonths, days: contract.renewal.noticeDays })
              : t('contract.manualRenew', { days: contract.renewal.noticeDays })}
          </Term>
          <Term label={t('contract.value')}>{value ? t(`contract.per.${value.period}`, { amount: money(value.amount, value.currency) }) : t('contract.noValue')}</Term>
          {canEdit ? (
            <div className={styles.buttons}>
              <Button size="small" icon={<editIcons.edit />} onClick={() => setDraft(termsDraftOf(contract, locale))}>
                {t('contract.edit')}
              </Button>
            </div>
          ) : null}
        </>
      )}
      {contract.cancelled ? null : <RenewalQuote contract={contract} />}
    </div>
  );
}

function Term({ label, children }: { label: string; children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.term}>
      <Caption1 className={styles.label}>{label}</Caption1>
      <div className={styles.value}>{children}</div>
    </div>
  );
}

/** The terms as a form: saved as a whole at the version read; a refusal keeps what was typed. */
function TermsForm({ contract, draft, onChange, onDone }: { contract: Contract; draft: TermsDraft; onChange: (draft: TermsDraft) => void; onDone: () => void }) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const change = useChangeRecord('contract');
  const { fallback } = useTenantCurrencies(draft.currency || undefined);
  const [problems, setProblems] = useState<TermsProblems>({});
  const save = (version = contract.version) => {
    const checked = termsOf(draft, { locale, currency: fallback });
    if ('problems' in checked) {
      setProblems(checked.problems);
      return;
    }
    setProblems({});
    change.mutate({ id: contract.id, changes: checked.terms, version, previous: contract }, { onSuccess: onDone });
  };
  const messages = Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key)]));
  return (
    <form
      className={styles.form}
      aria-label={t('contract.edit')}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <ContractTermsFields draft={draft} onChange={(patch) => onChange({ ...draft, ...patch })} messages={messages} />
      {change.error ? (
        <ChangeError
          error={change.error}
          onRetry={() => save()}
          onReload={() => {
            change.reset();
            onDone();
          }}
          onApplyAgain={(version) => save(version)}
          myFields={['covered', 'serviceLevel', 'renewal', 'value']}
        />
      ) : null}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" size="small" disabled={change.isPending}>
          {change.isPending ? t('contract.saving') : t('contract.save')}
        </Button>
        <Button size="small" onClick={onDone}>
          {t('contract.cancelEdit')}
        </Button>
      </div>
    </form>
  );
}

/** The renewal in one click: a deal for the company and a draft quote for the next term (the same ones when asked again). */
function RenewalQuote({ contract }: { contract: Contract }) {
  const styles = useStyles();
  const { t } = useI18n();
  const openRecord = useOpenRecord();
  const make = useOperationWrite('contractRenewalQuote');
  const made = make.data;
  return (
    <>
      <div className={styles.buttons}>
        <Button appearance="primary" size="small" disabled={make.isPending} onClick={() => make.mutate({ params: { id: contract.id }, body: {} })}>
          {make.isPending ? t('contract.renewalQuoteMaking') : t('contract.renewalQuote')}
        </Button>
      </div>
      {make.error ? <ErrorMessage error={make.error} onRetry={() => make.mutate({ params: { id: contract.id }, body: {} })} /> : null}
      {made ? (
        <Notice
          intent="success"
          actions={
            <Button size="small" onClick={() => openRecord({ kind: 'deal', id: made.dealId })}>
              {t('contract.openRenewalDeal')}
            </Button>
          }
        >
          {t('contract.renewalQuoteMade', { reference: quoteReference(made) })}
        </Notice>
      ) : null}
    </>
  );
}
