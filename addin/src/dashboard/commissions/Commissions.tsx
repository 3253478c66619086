import { makeStyles, tokens } from '@fluentui/react-components';
import type { Me, Member, Product } from '@rapport/shared';
import { useOperation } from '../../data/queries';
import { CommissionPlans } from './CommissionPlans';
import { MyStatement } from './MyStatement';
import { TeamStatements } from './TeamStatements';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalL },
});

/** The Commissions tab: everyone's own statement; the team's for managers to approve; the plans for admins. */
export function Commissions({ me, members, products }: { me: Me; members: readonly Member[]; products: readonly Product[] }) {
  const styles = useStyles();
  const settings = useOperation('settings', {}, { enabled: me.capabilities.manageSettings });
  const productName = (id: string) => products.find((product) => product.id === id)?.name ?? id;
  return (
    <div className={styles.grid}>
      <MyStatement productName={productName} />
      {me.capabilities.viewTeam ? <TeamStatements productName={productName} /> : null}
      {me.capabilities.manageSettings ? <CommissionPlans members={members} products={products} currency={settings.data?.reportingCurrency ?? 'EUR'} /> : null}
    </div>
  );
}
