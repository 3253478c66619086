import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../functions/src/config';
import { createLocalApp, type LocalApp } from '../../functions/src/local/local-mode';
import { startServer, type RunningServer } from '../../functions/src/server';

export type InProcessApi = { app: LocalApp; server: RunningServer; close(): Promise<void> };

/** The real API (local mode, SQLite in a temporary folder, no demo) on the standalone host on a free port, for pane tests. */
export async function startInProcessApi(name: string): Promise<InProcessApi> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `rapport-${name}-`));
  const app = await createLocalApp(loadConfig({ RAPPORT_DATA_DIR: dataDir, SEED_DEMO: 'false' }));
  const server = await startServer(app, { port: 0, host: '127.0.0.1' });
  return {
    app,
    server,
    close: async () => {
      await server.close();
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
