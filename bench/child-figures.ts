import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Runs a script of the benchmark (`bench/<script>`) in a process of its own, through tsx, and returns the figures it
 * printed as JSON on its last line. `what` names the measurement in the error when the child fails.
 */
export function figuresFromChild<T>(script: string, args: readonly string[], what: string, nodeFlags: readonly string[] = []): T {
  const child = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', path.join(__dirname, script), ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${what} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? 'null') as T;
}
