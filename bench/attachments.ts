import { spawnSync } from 'node:child_process';
import path from 'node:path';

export type AttachmentFigures = { status: string; fileMb: number; keptMb: number[]; seconds: number; rssRiseMb: number; maxRssRiseMb: number; heapRiseMb: number; arrayBuffersRiseMb: number };

/** Logs a sent message with one attachment of `megabytes` in a process of its own (the Graph stand-in in another). */
export function measureAttachmentLogging(megabytes: number): AttachmentFigures {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'attachment-child.ts'), String(megabytes)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`logging the attachment failed: ${child.stderr}`);
  const figures = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as AttachmentFigures;
  if (figures.status !== 'ran' || figures.keptMb.length !== 1 || Math.abs((figures.keptMb[0] ?? 0) - megabytes) > 0.01) throw new Error(`the attachment was not kept whole: ${child.stdout}`);
  return figures;
}
