import { lazy, type ComponentType } from 'react';
import { laterMessages } from './load-translator';

/**
 * React's lazy for the pane's views and forms that load on first use, by the name of the component the module exports
 * (`lazyWithMessages(() => import('./MyDay'), 'MyDay')`): the component comes with the messages of the views that load
 * later (one chunk per language), so it never renders a key whose text is not here yet.
 */
// `any` is React.lazy's own constraint on the component's props.
export function lazyWithMessages<M extends Record<N, ComponentType<any>>, N extends keyof M & string>(load: () => Promise<M>, name: N) {
  return lazy(() => Promise.all([load(), laterMessages()]).then(([module]) => ({ default: module[name] })));
}
