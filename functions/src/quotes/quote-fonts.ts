import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// The quote PDF's typeface: DejaVu Sans (npm dejavu-fonts-ttf, a free licence that allows embedding), which covers
// Latin Extended, Greek and Cyrillic; the PDF's built-in fonts cover Latin-1 only and lose "Łódź" and "Győr".

/** The font files the PDF embeds (subset to the glyphs it uses). */
export const QUOTE_FONT_FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/** Where the package's font files are: scripts/package-api.ts copies them from here. */
export function fontPackageDir(): string {
  // Through createRequire, which bundlers leave alone: in the Azure package the fonts are beside the code instead.
  return path.dirname(createRequire(__filename).resolve('dejavu-fonts-ttf/package.json'));
}

let found: Record<keyof typeof QUOTE_FONT_FILES, string> | undefined;

/**
 * The paths of the fonts, found on first use: beside the code in fonts/ (the Azure package, one bundled file with no
 * node_modules, carries them there), else in the installed package. Looked up lazily, so a host that never renders a
 * quote never needs them.
 */
export function quoteFontPaths(): Record<keyof typeof QUOTE_FONT_FILES, string> {
  const locate = (file: string) => {
    const beside = path.join(__dirname, 'fonts', file);
    return fs.existsSync(beside) ? beside : path.join(fontPackageDir(), 'ttf', file);
  };
  found ??= { regular: locate(QUOTE_FONT_FILES.regular), bold: locate(QUOTE_FONT_FILES.bold) };
  return found;
}
