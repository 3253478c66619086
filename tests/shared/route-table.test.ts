import { compactRouteTable, expandRouteTable, routeTable } from '@rapport/shared/contract/route-table';

describe("the pane's route table", () => {
  it('is inlined in a compact form that gives back every route exactly', () => {
    const compact = compactRouteTable(routeTable);
    expect(expandRouteTable(compact)).toEqual(routeTable);
    // What the compact form leaves out is what every kind's routes share.
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(routeTable).length / 2);
  });
});
