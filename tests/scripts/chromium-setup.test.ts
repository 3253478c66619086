import { chromiumPlan, ensureChromium, type ChromiumMachine } from '../../scripts/chromium-setup';

const machine = (overrides: Partial<ChromiumMachine>): ChromiumMachine => ({
  chosenPath: undefined,
  exists: () => false,
  isRoot: false,
  passwordlessSudo: () => false,
  hasAptGet: true,
  ...overrides,
});

describe('Chromium for the end-to-end tests on a fresh machine', () => {
  it("uses Debian's headless shell when it and the full Chromium (the benchmark's) are installed", () => {
    expect(chromiumPlan(machine({ exists: (path) => path === '/usr/bin/chromium' || path === '/usr/bin/chromium-headless-shell' }))).toEqual({ action: 'ready', path: '/usr/bin/chromium-headless-shell' });
    expect(chromiumPlan(machine({ isRoot: true, exists: (path) => path === '/usr/bin/chromium' }))).toMatchObject({ action: 'install' });
  });

  it('installs Debian\'s package with apt-get when running as root', () => {
    const plan = chromiumPlan(machine({ isRoot: true }));
    expect(plan).toEqual({
      action: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'chromium', 'chromium-headless-shell'],
      ],
    });
  });

  it('installs it through sudo -n when sudo needs no password', () => {
    const plan = chromiumPlan(machine({ passwordlessSudo: () => true }));
    expect(plan.action).toBe('install');
    if (plan.action !== 'install') return;
    expect(plan.commands.every((command) => command[0] === 'sudo' && command[1] === '-n')).toBe(true);
    expect(plan.commands.at(-1)?.slice(-2)).toEqual(['chromium', 'chromium-headless-shell']);
  });

  it('stops with one message saying what to install when installing needs a password', () => {
    const plan = chromiumPlan(machine({}));
    expect(plan.action).toBe('stop');
    if (plan.action !== 'stop') return;
    expect(plan.message).toContain('sudo apt-get install chromium chromium-headless-shell');
    expect(plan.message).toContain('CHROMIUM_PATH');
  });

  it('stops when the machine has no apt-get, naming CHROMIUM_PATH', () => {
    const plan = chromiumPlan(machine({ isRoot: true, hasAptGet: false }));
    expect(plan).toMatchObject({ action: 'stop' });
  });

  it('follows CHROMIUM_PATH, and says so when it names nothing', () => {
    expect(chromiumPlan(machine({ chosenPath: '/opt/chrome', exists: (path) => path === '/opt/chrome' }))).toEqual({ action: 'ready', path: '/opt/chrome' });
    expect(chromiumPlan(machine({ chosenPath: '/opt/missing', isRoot: true }))).toMatchObject({ action: 'stop', message: expect.stringContaining('/opt/missing') });
  });

  it('exits non-zero rather than letting the tests skip when it cannot install', () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(ensureChromium(machine({}))).toBe(1);
      expect(error).toHaveBeenCalledWith(expect.stringContaining('needs a password'));
    } finally {
      error.mockRestore();
    }
  });
});
