import { createElement, lazy, type ComponentType } from 'react';
import { ApiError } from '../api/api-error';
import { ErrorMessage } from '../components/ErrorMessage';
import { laterMessages } from './load-translator';

/**
 * React's lazy for the pane's views and forms that load on first use, by the name of the component the module exports
 * (`lazyWithMessages(() => import('./MyDay'), 'MyDay')`): the component comes with the messages of the views that load
 * later (one chunk per language), so it never renders a key whose text is not here yet.
 *
 * A part whose file does not load (no network, or a new deployment replaced the pane's files while it was open) does
 * not take the pane down with it: it says, where it would be, that Rapport can't be reached, and Retry reloads the
 * page, which brings the files of the deployment in place.
 */
// `any` is React.lazy's own constraint on the component's props.
export function lazyWithMessages<M extends Record<N, ComponentType<any>>, N extends keyof M & string>(load: () => Promise<M>, name: N) {
  return lazy(() =>
    Promise.all([load(), laterMessages()]).then(
      ([module]) => ({ default: module[name] }),
      (error: unknown) => ({ default: partUnavailable(error) as M[N] }),
    ),
  );
}

function partUnavailable(error: unknown): ComponentType {
  const unreachable = new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  return function PartUnavailable() {
    return createElement(ErrorMessage, { error: unreachable, onRetry: () => location.reload() });
  };
}
