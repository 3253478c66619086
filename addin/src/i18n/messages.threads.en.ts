// Following a logged e-mail's thread, under "Logged to the CRM". The other locales must translate each one.
export const enThreads = {
  'thread.following': 'Following this thread: replies are logged too.',
  'thread.notFollowing': 'Replies to this e-mail are not logged.',
  'thread.stop': 'Stop following',
  'thread.follow': 'Follow this thread',
  'thread.failed': 'The thread was not changed.',
} as const;
