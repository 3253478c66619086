import { figuresFromChild } from './child-figures';

export type AttachmentFigures = { status: string; fileMb: number; keptMb: number[]; seconds: number; rssRiseMb: number; maxRssRiseMb: number; heapRiseMb: number; arrayBuffersRiseMb: number };

/** Logs a sent message with one attachment of `megabytes` in a process of its own (the Graph stand-in in another). */
export function measureAttachmentLogging(megabytes: number): AttachmentFigures {
  const figures = figuresFromChild<AttachmentFigures>('attachment-child.ts', [String(megabytes)], 'logging the attachment', ['--expose-gc']);
  if (figures.status !== 'ran' || figures.keptMb.length !== 1 || Math.abs((figures.keptMb[0] ?? 0) - megabytes) > 0.01) throw new Error(`the attachment was not kept whole: ${JSON.stringify(figures)}`);
  return figures;
}
