import type { AppGraph } from '../graph/app-graph';
import { followThreadsJob } from '../mail/follow-threads.job';
import { logSentMailJob } from '../mail/log-sent-mail.job';
import { KEEP_ATTACHMENTS_JOB, keepAttachmentsJob } from '../mail/keep-attachments.job';
import type { MailLogService } from '../mail/mail-log.service';
import type { Store } from '../store/store';
import type { Job } from './job';
import { FOLLOW_THREADS_JOB } from '../mail/mail-log.service';
import { LOG_SENT_MAIL_JOB } from '../mail/sent-mail-captures';
import { dailyDigestJob } from '../digest/daily-digest.job';
import type { DigestContentReader } from '../digest/daily-digest.content';
import { DAILY_DIGEST_JOB } from '../digest/digest-subscriptions';
import { QUOTE_ANSWER_MAIL_JOB } from '../quotes/quote-answer-mail';
import { quoteAnswerMailJob } from '../quotes/quote-answer-mail.job';
import { CONTRACT_RENEWALS_JOB, contractRenewalsJob } from '../contracts/contract-renewals';
import type { RecordWriter } from '../services/record-writer';
import type { PublicLinks } from '../services/public-links';
import { SURVEYS_JOB, surveysJob } from '../surveys/survey-invitations.job';

/**
 * The app's jobs by name and period, known without building the app: Azure registers a timer for each when it loads the
 * entry (azure.ts), before the app has started. `appJobs` builds these and no others (a test holds them together).
 */
export const APP_JOB_SCHEDULES: readonly Pick<Job, 'name' | 'everyMinutes'>[] = [
  { name: LOG_SENT_MAIL_JOB, everyMinutes: 1 },
  { name: FOLLOW_THREADS_JOB, everyMinutes: 5 },
  { name: KEEP_ATTACHMENTS_JOB, everyMinutes: 1 },
  { name: DAILY_DIGEST_JOB, everyMinutes: 15 },
  { name: QUOTE_ANSWER_MAIL_JOB, everyMinutes: 1 },
  { name: SURVEYS_JOB, everyMinutes: 1 },
  { name: CONTRACT_RENEWALS_JOB, everyMinutes: 60 },
];

export type AppJobDependencies = {
  store: Store;
  /** The one path of every record's write: the jobs that make or change records (renewal tasks, renewed contracts) take it. */
  writer: RecordWriter;
  /** Graph as the application: absent where the app has no Graph identity (tests of other things), and so no mail jobs. */
  graph: AppGraph | undefined;
  mailLog: MailLogService;
  /** What a member's morning digest says, and where the links in it go. */
  digests: { content: DigestContentReader; pagesUrl: string | undefined };
  /** The public links surveys are answered by, and where customers reach them. */
  links: PublicLinks;
  publicUrl: () => string | undefined;
};

/**
 * The app's jobs, registered as Azure Functions timers (azure.ts) and run by the standalone host's scheduler
 * (job-scheduler.ts): logging sent mail found by Rapport's marker, following threads, and keeping the attachments of
 * e-mails logged in the pane, the morning digest (the plan of the day by e-mail), and the mail that tells a rep a
 * customer answered their quote, which need Graph as the application; and service contracts' renewal reminders and
 * renewals, which need no mailbox; and satisfaction surveys, sent from a mailbox through Graph.
 */
export function appJobs(deps: AppJobDependencies): Job[] {
  const { graph } = deps;
  const renewals = contractRenewalsJob({ store: deps.store, writer: deps.writer });
  if (!graph) return [renewals];
  return [
    logSentMailJob({ ...deps, graph }),
    followThreadsJob({ ...deps, graph }),
    keepAttachmentsJob({ ...deps, graph }),
    dailyDigestJob({ store: deps.store, graph, content: deps.digests.content, pagesUrl: deps.digests.pagesUrl }),
    quoteAnswerMailJob({ store: deps.store, graph, pagesUrl: deps.digests.pagesUrl }),
    surveysJob({ store: deps.store, writer: deps.writer, graph, links: deps.links, publicUrl: deps.publicUrl }),
    renewals,
  ];
}
