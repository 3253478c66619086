import type { enThreads } from './messages.threads.en';

export const esThreads: Record<keyof typeof enThreads, string> = {
  'thread.following': 'Sigues esta conversación: las respuestas también se registran.',
  'thread.notFollowing': 'Las respuestas a este correo no se registran.',
  'thread.stop': 'Dejar de seguir',
  'thread.follow': 'Seguir la conversación',
  'thread.failed': 'La conversación no cambió.',
};
