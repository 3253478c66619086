import { useEffect, useState } from 'react';
import type { ReportResponse } from '@rapport/shared/contract/reports.contract';
import type { ReportName } from '@rapport/shared/reports/report-tables.rules';
import type { ApiClient } from '../api/api-client';

export type ReportFilters = { from?: string; to?: string; team?: string; territoryId?: string; ownerId?: string; productId?: string; currency?: string };

export type ReportState = { status: 'loading' } | { status: 'ready'; report: ReportResponse } | { status: 'error'; message: string };

/** Reads a report, again whenever its filters change; a late answer to older filters is dropped. */
export function useReport(api: ApiClient, name: ReportName, filters: ReportFilters): ReportState {
  const [state, setState] = useState<ReportState>({ status: 'loading' });
  const key = JSON.stringify(filters);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    api.report(name, JSON.parse(key) as ReportFilters).then(
      (report) => live && setState({ status: 'ready', report }),
      (caught: unknown) => live && setState({ status: 'error', message: caught instanceof Error ? caught.message : String(caught) }),
    );
    return () => {
      live = false;
    };
  }, [api, name, key]);
  return state;
}
