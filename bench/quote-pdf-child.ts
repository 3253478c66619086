// Run by bench/run.ts in a process of its own: renders one quote's PDF again and again, and prints the figures as JSON.
import { performance } from 'node:perf_hooks';
import { renderQuotePdf } from '../functions/src/quotes/quote-pdf';
import { benchQuoteDocument, type QuotePdfFigures } from './quote-pdf';
import { summarize } from './stats';

async function main(): Promise<void> {
  const [lines = 200, runs = 20] = process.argv.slice(2).map(Number);
  const document = benchQuoteDocument(lines);
  for (let warm = 0; warm < 3; warm += 1) await renderQuotePdf(document);
  const samples: number[] = [];
  let pdf: Buffer = Buffer.alloc(0);
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    pdf = await renderQuotePdf(document);
    samples.push(performance.now() - started);
  }
  const { p50, p95 } = summarize(samples);
  // Each page is one "/Type /Page" object (the page tree is "/Type /Pages").
  const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
  const figures: QuotePdfFigures = { lines, runs, p50, p95, kb: pdf.length / 1024, pages };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
