import { lazyWithMessages } from '../../i18n/lazy-with-messages';

/**
 * "Insert free times" as the compose pane shows it: loaded on first use with the messages it says, so nothing of it is
 * in the pane's first JavaScript. Render it inside a <Suspense>; its props are InsertFreeTimesProps.
 */
export const LazyInsertFreeTimes = lazyWithMessages(() => import('./InsertFreeTimes'), 'InsertFreeTimes');
