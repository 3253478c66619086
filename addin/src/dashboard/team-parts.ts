// The parts of the Team sales tab besides its reports, in a chunk of their own (tab-parts.tsx).
import { ExpenseApprovals } from '../components/expenses/ExpenseApprovals';
import { inCard } from './in-card';

export const ExpenseApprovalsCard = inCard(ExpenseApprovals);
export { ActivityPlans } from './ActivityPlans';
export { GoalBandsCard } from './GoalBandsCard';
export { GoalsGrid } from './GoalsGrid';
export { GoalsImport } from './GoalsImport';
