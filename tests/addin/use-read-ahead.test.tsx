/** @jest-environment jsdom */
import type { ReactNode } from 'react';
import { act, renderHook } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../../addin/src/data/query-client';
import { queryKeys } from '../../addin/src/data/query-keys';
import { useReadAhead } from '../../addin/src/dashboard/useReadAhead';

const filters = { from: '2026-01', to: '2026-12' };
const pipeline = { params: { report: 'pipeline' as const }, query: filters };
const forecast = { params: { report: 'forecast' as const }, query: filters };

/** A read ahead that answers when the test says. */
function readAhead(queryClient: ReturnType<typeof createQueryClient>, request: object) {
  let answer: (value: unknown) => void = () => undefined;
  void queryClient.prefetchQuery({ queryKey: queryKeys.operation('report', request), queryFn: () => new Promise((resolve) => (answer = resolve)) });
  return (value: unknown) => answer(value);
}

describe('useReadAhead: a tab shows its report cards once what was read ahead for them is answered', () => {
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  afterEach(() => queryClient.clear());

  it('holds the cards while the reports read ahead are under way, and shows them when the last is answered', async () => {
    const [answerPipeline, answerForecast] = [readAhead(queryClient, pipeline), readAhead(queryClient, forecast)];
    const { result } = renderHook(() => useReadAhead([pipeline, forecast]), { wrapper });
    expect(result.current).toBe(true);
    await act(async () => answerPipeline({ rows: [] }));
    expect(result.current).toBe(true);
    await act(async () => answerForecast({ rows: [] }));
    expect(result.current).toBe(false);
  });

  it('shows the cards at once when nothing was read ahead for them (their cards read them)', () => {
    const { result } = renderHook(() => useReadAhead([pipeline, forecast]), { wrapper });
    expect(result.current).toBe(false);
  });

  it('keeps the cards once shown, while new filters are read (each card keeps its last report meanwhile)', async () => {
    const answer = readAhead(queryClient, pipeline);
    const { result, rerender } = renderHook(({ requests }) => useReadAhead(requests), { wrapper, initialProps: { requests: [pipeline] } });
    await act(async () => answer({ rows: [] }));
    expect(result.current).toBe(false);
    const lastYear = { params: { report: 'pipeline' as const }, query: { from: '2025-01', to: '2025-12' } };
    readAhead(queryClient, lastYear);
    rerender({ requests: [lastYear] });
    expect(result.current).toBe(false);
  });

  it('shows the cards when a read ahead fails: each card then says what went wrong', async () => {
    let fail: (error: Error) => void = () => undefined;
    void queryClient.prefetchQuery({ queryKey: queryKeys.operation('report', pipeline), queryFn: () => new Promise((_, reject) => (fail = reject)), retry: false });
    const { result } = renderHook(() => useReadAhead([pipeline]), { wrapper });
    expect(result.current).toBe(true);
    await act(async () => fail(new Error('503')));
    expect(result.current).toBe(false);
  });
});
