import type { enThreads } from './messages.threads.en';

export const ptThreads: Record<keyof typeof enThreads, string> = {
  'thread.following': 'Você acompanha esta conversa: as respostas também são registradas.',
  'thread.notFollowing': 'As respostas a este e-mail não são registradas.',
  'thread.stop': 'Parar de acompanhar',
  'thread.follow': 'Acompanhar a conversa',
  'thread.failed': 'A conversa não foi alterada.',
};
