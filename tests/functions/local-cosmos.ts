import { startLocalCosmos, type LocalCosmos } from '../../functions/src/store/cosmos/local-cosmos-server';

export { LOCAL_COSMOS_KEY } from '../../functions/src/store/cosmos/local-cosmos-server';

let running: Promise<LocalCosmos> | undefined;

/** One in-process Cosmos-compatible server per test file. */
export function localCosmos(): Promise<LocalCosmos> {
  running ??= startLocalCosmos();
  return running;
}

export async function stopLocalCosmos(): Promise<void> {
  const current = running;
  running = undefined;
  if (current) await (await current).stop();
}
