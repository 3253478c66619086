import { Suspense, type ComponentProps, type ComponentType } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import { lazyWithMessages } from '../i18n/lazy-with-messages';
import { partsOfOneFile } from './parts-of-one-file';
import type { DashboardTab } from './report-catalog';

// Each tab's parts besides its reports (goals, plans, commissions, the tips board…) load with the tab, not with the
// page: the page's first JavaScript is the one every tab needs, and a tab's own is read ahead with its reports.
const chunks = {
  mine: () => import('./mine-parts'),
  team: () => import('./team-parts'),
  commissions: () => import('./commissions/Commissions'),
  tips: () => import('./TipsBoard'),
};

/** Starts loading a tab's own parts, beside its reports, so that they are here when it renders. */
export function loadPartsOf(tab: DashboardTab): void {
  if (tab in chunks) void chunks[tab as keyof typeof chunks]().catch(() => undefined);
}

// The parts of one chunk say once that it did not load.
const files = new Map<() => Promise<unknown>, ReturnType<typeof partsOfOneFile>>(Object.values(chunks).map((load) => [load, partsOfOneFile()]));

/** A tab's part by the name its chunk exports it under, showing a spinner while the chunk loads. */
// `any` is React.lazy's own constraint on the component's props.
function part<M extends Record<N, ComponentType<any>>, N extends keyof M & string>(load: () => Promise<M>, name: N) {
  const Lazy = lazyWithMessages(load, name, files.get(load)?.unavailable);
  return function Part(props: ComponentProps<M[N]>) {
    return (
      <Suspense fallback={<PartLoading />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

function PartLoading() {
  const { t } = useI18n();
  return <Spinner size="small" label={t('app.loading')} />;
}

export const MyNumbersCard = part(chunks.mine, 'MyNumbersCard');
export const MyWork = part(chunks.mine, 'MyWork');
export const TeamAttainment = part(chunks.mine, 'TeamAttainment');
export const ExpenseApprovalsCard = part(chunks.team, 'ExpenseApprovalsCard');
export const ActivityPlans = part(chunks.team, 'ActivityPlans');
export const GoalBandsCard = part(chunks.team, 'GoalBandsCard');
export const GoalsGrid = part(chunks.team, 'GoalsGrid');
export const GoalsImport = part(chunks.team, 'GoalsImport');
export const Commissions = part(chunks.commissions, 'Commissions');
export const TipsBoard = part(chunks.tips, 'TipsBoard');
