/** @jest-environment jsdom */
import { act, renderHook, waitFor } from '@testing-library/react';
import { useAddressNavigation } from '../../addin/src/records/useAddressNavigation';

const keep = { lang: 'es', as: 'morgan.blake@rapport-demo.com' };
const DASHBOARD = '/dashboard?lang=es&as=morgan.blake%40rapport-demo.com';

describe("the record page's navigation, by its address", () => {
  beforeEach(() => history.replaceState(null, '', '/records/deal/d1?lang=es&as=morgan.blake%40rapport-demo.com'));

  it('reads the record from the address, opens another by changing it, and goes back with the browser', async () => {
    const { result } = renderHook(() => useAddressNavigation(keep, DASHBOARD));
    expect(result.current.record).toEqual({ kind: 'deal', id: 'd1' });
    act(() => result.current.navigation.openRecord({ kind: 'company', id: 'c1' }));
    expect(result.current.record).toEqual({ kind: 'company', id: 'c1' });
    expect(`${location.pathname}${location.search}`).toBe('/records/company/c1?lang=es&as=morgan.blake%40rapport-demo.com');
    // The same record again adds nothing to go back through.
    act(() => result.current.navigation.openRecord({ kind: 'company', id: 'c1' }));
    expect(history.state).toEqual({ depth: 1 });
    act(() => result.current.navigation.back());
    await waitFor(() => expect(result.current.record).toEqual({ kind: 'deal', id: 'd1' }));
    expect(location.pathname).toBe('/records/deal/d1');
  });

  it('names no record when the address names none', () => {
    history.replaceState(null, '', '/records/widget/w1');
    const { result } = renderHook(() => useAddressNavigation(keep, DASHBOARD));
    expect(result.current.record).toBeNull();
  });
});
