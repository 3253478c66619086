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
 * not take the pane down with it: it says, where it would be, that Rapport can't be reached (or, when its file came and
 * failed as it ran, that something went wrong), and Retry reloads the page, which brings the files of the deployment in
 * place.
 */
// `any` is React.lazy's own constraint on the component's props.
export function lazyWithMessages<M extends Record<N, ComponentType<any>>, N extends keyof M & string>(load: () => Promise<M>, name: N, unavailable = partUnavailable) {
  return lazy(() =>
    Promise.all([load(), laterMessages()]).then(
      ([module]) => ({ default: module[name] }),
      (error: unknown) => ({ default: unavailable(error) as M[N] }),
    ),
  );
}

/** What a part that did not load renders in its place: that Rapport can't be reached, and Retry. */
export function partUnavailable(error: unknown): ComponentType {
  // The browser's own words stay in its console, for whoever looks into it.
  console.error('Rapport: a part of the page did not load.', error);
  // A file that did not arrive is the network's (or a deployment's); one that arrived and failed as it ran is not.
  const unreachable = new ApiError(0, error instanceof TypeError ? 'NETWORK' : 'UNKNOWN', error instanceof Error ? error.message : String(error));
  return function PartUnavailable() {
    return createElement(ErrorMessage, { error: unreachable, onRetry: () => location.reload() });
  };
}
