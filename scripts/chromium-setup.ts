// What `npm test` does when the end-to-end tests' Chromium is missing: install Debian's packages where it can
// (as root, or with `sudo -n` where that needs no password), else stop with what to install. Never skip tests.
// The tests drive Debian's `chromium-headless-shell` (the same Chromium, built for headless runs only: the e2e suites
// take about a third less time in it than in the full browser); `npm run bench` measures the full `chromium`, as a
// person's browser draws the pane. Both are installed together.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium-headless-shell';
/** The full browser, for the benchmark. */
export const FULL_CHROMIUM = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'chromium-headless-shell'];

export type ChromiumMachine = {
  /** CHROMIUM_PATH, when the person named another browser binary. */
  chosenPath: string | undefined;
  exists: (path: string) => boolean;
  isRoot: boolean;
  /** Whether `sudo -n true` succeeds: sudo without a password prompt. */
  passwordlessSudo: () => boolean;
  hasAptGet: boolean;
};

export type ChromiumPlan =
  | { action: 'ready'; path: string }
  | { action: 'install'; commands: string[][] }
  | { action: 'stop'; message: string };

const APT_INSTALL = ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...PACKAGES];
const APT_UPDATE = ['apt-get', 'update', '-qq'];

export function chromiumPlan(machine: ChromiumMachine): ChromiumPlan {
  const path = machine.chosenPath ?? DEFAULT_CHROMIUM;
  if (machine.chosenPath ? machine.exists(path) : machine.exists(DEFAULT_CHROMIUM) && machine.exists(FULL_CHROMIUM)) return { action: 'ready', path };
  if (machine.chosenPath) {
    return { action: 'stop', message: `CHROMIUM_PATH names ${machine.chosenPath}, which does not exist. Point it at a Chromium or Chrome binary, or unset it to use Debian's ${DEFAULT_CHROMIUM}.` };
  }
  const howToInstall = `sudo apt-get install ${PACKAGES.join(' ')}   (Debian or Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary`;
  if (!machine.hasAptGet) {
    return { action: 'stop', message: `The end-to-end tests drive Chromium, which is not at ${DEFAULT_CHROMIUM}, and this machine has no apt-get to install it. Install Chromium and set CHROMIUM_PATH to it.` };
  }
  if (machine.isRoot) return { action: 'install', commands: [APT_UPDATE, APT_INSTALL] };
  if (machine.passwordlessSudo()) return { action: 'install', commands: [['sudo', '-n', ...APT_UPDATE], ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive', ...APT_INSTALL]] };
  return { action: 'stop', message: `The end-to-end tests drive Chromium, which is not at ${DEFAULT_CHROMIUM}, and installing it needs a password. Install it once:\n  ${howToInstall}\nthen run npm test again.` };
}

function thisMachine(): ChromiumMachine {
  return {
    chosenPath: process.env.CHROMIUM_PATH || undefined,
    exists: (path) => fs.existsSync(path),
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    passwordlessSudo: () => spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
    hasAptGet: spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0,
  };
}

/** Makes sure Chromium is there; returns the process exit code. */
export function ensureChromium(machine: ChromiumMachine = thisMachine()): number {
  const plan = chromiumPlan(machine);
  if (plan.action === 'ready') return 0;
  if (plan.action === 'stop') {
    console.error(plan.message);
    return 1;
  }
  console.log(`Chromium is not at ${DEFAULT_CHROMIUM} and ${FULL_CHROMIUM}: installing Debian's packages ${PACKAGES.join(', ')} for the end-to-end tests and the benchmark (once).`);
  for (const [command, ...args] of plan.commands) {
    const run = spawnSync(command as string, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (run.status !== 0) {
      console.error(`"${[command, ...args].join(' ')}" failed (exit ${run.status ?? run.signal}). Install Chromium by hand (apt-get install ${PACKAGES.join(' ')}) and run npm test again.`);
      return 1;
    }
  }
  if (!machine.exists(DEFAULT_CHROMIUM)) {
    console.error(`Debian's Chromium packages installed, but ${DEFAULT_CHROMIUM} is still missing. Set CHROMIUM_PATH to the browser binary.`);
    return 1;
  }
  return 0;
}

if (require.main === module) process.exit(ensureChromium());
