import { Suspense } from 'react';
import { Body1, Caption1, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Contract } from '@rapport/shared';
import { contractReference, contractStatus, type ContractStatus } from '@rapport/shared/contracts/contract.rules';
import { useRecordList } from '../../data/queries';
import { localDate } from '../../data/today';
import { useOpenForm } from '../../hooks/useOpenForm';
import { useI18n } from '../../i18n/I18nContext';
import { lazyWithMessages } from '../../i18n/lazy-with-messages';
import { useOpenRecord } from '../../taskpane/record-navigation';
import { AddButton } from '../AddButton';
import { ErrorMessage } from '../ErrorMessage';
import { RecordLink } from '../RecordLink';
import { StatusBadge, type BadgeTone } from '../StatusBadge';
import { editIcons } from '../editing-icons';

// The form loads when first opened, with the contract views it shares its fields with.
const NewContractForm = lazyWithMessages(() => import('../orders/OrderContractViews'), 'NewContractForm');

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none', minWidth: 0 },
  // The contract's reference and name, its status badge after them (on a line of its own when narrow).
  title: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  name: { minWidth: 0, overflowWrap: 'anywhere' },
  meta: { display: 'block', color: tokens.colorNeutralForeground2 },
});

// A company's contracts: a few over the years.
const CONTRACTS_READ = 50;

const statusTones: Record<ContractStatus, BadgeTone> = { active: 'success', upcoming: 'brand', ended: 'subtle', cancelled: 'subtle' };

/**
 * A company's service contracts, the latest ending first, each opening, with its status and days; New contract opens the
 * form, and the contract it saves opens.
 */
export function CompanyContracts({ companyId }: { companyId: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const contracts = useRecordList('contract', { companyId, limit: CONTRACTS_READ });
  const opener = useOpenForm();
  const openRecord = useOpenRecord();
  const items = contracts.data?.items ?? [];
  return (
    <div className={styles.body}>
      {opener.open ? (
        <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
          <NewContractForm companyId={companyId} onCreated={(contract) => openRecord({ kind: 'contract', id: contract.id })} onCancel={opener.close} />
        </Suspense>
      ) : (
        <AddButton opener={opener} icon={editIcons.add} label={t('contracts.new')} />
      )}
      {contracts.isPending ? <Spinner size="tiny" label={t('app.loading')} /> : null}
      {contracts.isError ? <ErrorMessage error={contracts.error} onRetry={() => void contracts.refetch()} /> : null}
      {contracts.isSuccess && items.length === 0 ? <Body1>{t('contracts.none')}</Body1> : null}
      {items.length > 0 ? (
        <ul className={styles.list} aria-label={t('contracts.title')}>
          {items.map((contract) => (
            <ContractEntry key={contract.id} contract={contract} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A contract: its reference and name (opening it), its status today, and its first and last day. */
function ContractEntry({ contract }: { contract: Contract }) {
  const styles = useStyles();
  const { t, date } = useI18n();
  const status = contractStatus(contract, localDate(new Date()));
  return (
    <li>
      <div className={styles.title}>
        <Body1 className={styles.name}>
          <RecordLink to={{ kind: 'contract', id: contract.id }}>{contractReference(contract)}</RecordLink>
        </Body1>
        <StatusBadge tone={statusTones[status]}>{t(`contract.status.${status}`)}</StatusBadge>
      </div>
      <Caption1 className={styles.meta}>{t('contract.dates', { start: date(contract.startDate), end: date(contract.endDate) })}</Caption1>
    </li>
  );
}
