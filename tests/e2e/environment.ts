import NodeEnvironment from 'jest-environment-node';
import type { Circus } from '@jest/types';
import path from 'node:path';
import { describeOpenPages, type FailureReport } from './failure-report';

/**
 * The e2e suites' environment: Node's, and when a test (or a hook) fails, it prints what each page still open showed
 * and said (failure-report.ts) beside jest's own message, so a failure seen only in CI can be read from CI's log.
 */
export default class E2eEnvironment extends NodeEnvironment {
  private readonly reports = new Set<FailureReport>();

  override async setup(): Promise<void> {
    await super.setup();
    (this.global as { __e2eFailureReports?: Set<FailureReport> }).__e2eFailureReports = this.reports;
  }

  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const name = event.name === 'test_fn_failure' ? event.test.name : `${event.hook.type} hook`;
    const described = await describeOpenPages(this.reports, path.resolve(__dirname, '../../test-results/failures'), name).catch(
      (error: unknown) => `(the pages could not be read: ${String(error)})`,
    );
    if (described) process.stderr.write(`\n── What the browser showed when "${name}" failed ──\n${described}\n\n`);
  }
}
