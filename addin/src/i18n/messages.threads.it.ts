import type { enThreads } from './messages.threads.en';

export const itThreads: Record<keyof typeof enThreads, string> = {
  'thread.following': 'Segui questa conversazione: anche le risposte vengono registrate.',
  'thread.notFollowing': 'Le risposte a questa e-mail non vengono registrate.',
  'thread.stop': 'Smetti di seguire',
  'thread.follow': 'Segui la conversazione',
  'thread.failed': 'La conversazione non è stata modificata.',
};
