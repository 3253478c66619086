import { defineKind } from '../kinds/kind-definition';
import { CommissionStatementSchema, statementRef } from './commission-statement.schema';

/** Written only when a manager approves (see the commissions routes), and never changed after. */
export const commissionStatementKind = defineKind(CommissionStatementSchema, {
  plural: 'commission-statements',
  label: 'Commission statement',
  references: [{ field: 'memberId', kind: 'member' }],
  timeline: false,
  schemaVersion: 1,
  title: (statement) => `${statement.planName} ${statement.start}`,
  index: (statement) => ({ externalRefs: [statementRef(statement)] }),
});
