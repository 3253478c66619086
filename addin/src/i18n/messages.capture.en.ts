// The messages of logging a call or a past meeting, opening a case with its e-mail and converting a lead with a deal,
// part of the later messages (messages.later.en.ts). The other locales must translate each one.
export const enCapture = {
  'capture.direction': 'Who called',
  'capture.direction.outbound': 'I called them',
  'capture.direction.inbound': 'They called me',
  'capture.callTo': 'Call to {name}',
  'capture.callFrom': 'Call from {name}',
  'capture.meetingWith': 'Meeting with {name}',
  'capture.date': 'Date',
  'capture.time': 'Time',
  'capture.minutes': 'Duration (minutes)',
  'capture.problem.date': 'Choose a date.',
  'capture.problem.time': 'Choose a time, such as 14:30.',
  'capture.problem.future': 'That is later than now: log it once it has happened, or add a follow-up task to plan it.',
  'capture.problem.duration': 'Enter whole minutes, from 0 to {max}.',
  'capture.saveCall': 'Save call',
  'capture.saveMeeting': 'Save meeting',
  'capture.callLogged': 'Call logged: {subject}.',
  'capture.meetingLogged': 'Meeting logged: {subject}.',
  'capture.description': 'Description',
  'capture.caseWithEmail': 'Case #{number} is open, with this e-mail on its timeline.',
  'capture.caseEmailElsewhere': 'Case #{number} is open. This e-mail was logged before, to another case or by a colleague, and stays there.',
  'capture.dealAmount': 'Amount ({currency})',
  'capture.dealClose': 'Expected close',
} as const;

export type CaptureMessages = Record<keyof typeof enCapture, string>;
