import NodeEnvironment from 'jest-environment-node';
import type { EnvironmentContext, JestEnvironmentConfig } from '@jest/environment';
import type { Circus } from '@jest/types';
import path from 'node:path';
import { describeOpenPages, type FailureReport } from './failure-report';

const FAILURES = path.resolve(__dirname, '../../test-results/failures');

/**
 * The e2e suites' environment: Node's, and when a test (or a hook) fails, it prints what each page it opened or used
 * showed and said (failure-report.ts) beside jest's own message, so a failure seen only in CI can be read from CI's log.
 */
export default class E2eEnvironment extends NodeEnvironment {
  private readonly reports = new Set<FailureReport>();
  private readonly file: string;
  private testStartedAt = 0;

  constructor(config: JestEnvironmentConfig, context: EnvironmentContext) {
    super(config, context);
    this.file = path.basename(context.testPath).replace(/\.e2e\.test\.ts$/, '');
  }

  override async setup(): Promise<void> {
    await super.setup();
    (this.global as { __e2eFailureReports?: Set<FailureReport> }).__e2eFailureReports = this.reports;
  }

  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name === 'test_start') this.testStartedAt = Date.now();
    if (event.name !== 'test_fn_failure' && event.name !== 'hook_failure') return;
    const name = event.name === 'test_fn_failure' ? fullName(event.test) : `${event.hook.type} hook`;
    const shots = `${this.file}-${name.replace(/[^\w-]+/g, '-').slice(0, 80)}-${Date.now()}`;
    const described = await describeOpenPages(this.reports, this.testStartedAt, FAILURES, shots).catch((error: unknown) => `(the pages could not be read: ${String(error)})`);
    if (described) process.stderr.write(`\n── What the browser showed when "${name}" (${this.file}) failed ──\n${described}\n\n`);
  }
}

/** A test's name under its describe blocks, as jest prints it. */
function fullName(test: Circus.TestEntry): string {
  const names: string[] = [test.name];
  for (let block: Circus.DescribeBlock | undefined = test.parent; block && block.name !== 'ROOT_DESCRIBE_BLOCK'; block = block.parent) names.unshift(block.name);
  return names.join(' › ');
}
