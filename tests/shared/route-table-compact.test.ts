import { routeTable } from '@rapport/shared/contract/route-table';
import { compactRouteTable, expandRouteTable } from '@rapport/shared/contract/route-table-compact';

describe('the route table the pane inlines', () => {
  it('expands from its compact form to exactly the contract’s table, every kind’s routes and actions included', () => {
    expect(expandRouteTable(compactRouteTable(routeTable))).toEqual(routeTable);
    expect(expandRouteTable(compactRouteTable(routeTable)).records.tip.actions.pin).toEqual({ method: 'POST', path: '/api/tips/{id}/pin' });
  });

  it('is smaller than the table written out', () => {
    expect(JSON.stringify(compactRouteTable(routeTable)).length).toBeLessThan(JSON.stringify(routeTable).length * 0.75);
  });
});
