import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { SCREENSHOTS, axeViolationsIn } from './browser';
import { en } from '../../addin/src/i18n/messages.en';
import { enLater } from '../../addin/src/i18n/messages.later.en';

const messageKeys = [...Object.keys(en), ...Object.keys(enLater)];

// Checks of the task pane at Outlook's widths: nothing runs off sideways, phone numbers, addresses, e-mail
// addresses and domains stay on one line, axe finds nothing serious, and a screenshot to look at.

/** Where each view's findings are written as JSON, beside the screenshots, for the developer fixing them. */
export const FINDINGS = path.resolve(SCREENSHOTS, '../pane-width');

/** The task pane's frame in the demo page. */
export function paneFrame(page: Page): Frame {
  const frame = page.frames().find((candidate) => candidate.url().includes('demo-taskpane.html'));
  if (!frame) throw new Error('The task pane frame is not loaded');
  return frame;
}

/** An element that runs past the pane's right edge (the outermost one: its parent still fits). */
export type Overflow = { selector: string; text: string; left: number; right: number; width: number; clippedBy: string | null };

/** A phone number, address, e-mail address or domain as the pane shows it. */
export type ShownValue = { kind: ValueKind; text: string; lines: number; selector: string; width: number };
export type ValueKind = 'phone' | 'address' | 'email' | 'domain';

export type AxeFinding = { id: string; impact: string | null; help: string; targets: string[]; summaries: string[] };

export type PaneFindings = {
  view: string;
  px: number;
  /**
   * The frame's viewport (innerWidth), what it shows beside a vertical scrollbar (clientWidth), and its content.
   * Check 1 holds the content to clientWidth: with a classic scrollbar, that is what the user sees.
   */
  frame: { innerWidth: number; clientWidth: number; scrollWidth: number };
  overflows: Overflow[];
  /** Values on more than one line. */
  wrapped: ShownValue[];
  /** Values on one line but cut off by a box that hides its overflow (an ellipsis, or nothing). */
  clipped: ShownValue[];
  /** How many of each kind the pane shows, and each one found. */
  shown: Record<ValueKind, number>;
  values: ShownValue[];
  axe: AxeFinding[];
  /** Message keys shown as they are (a text that was not loaded, or a key without one). */
  keysShown: string[];
  screenshot: string;
};

/**
 * Measures the pane as it is now: (1) sideways overflow, (2) values on one line, (3) axe; then (4) saves a screenshot
 * of the whole pane to test-results/screenshots/width-<view>-<px>.png and the findings beside it.
 * `addresses` are postal addresses (or their lines) the view's records hold, looked for as well as address-like text.
 */
export async function checkPane(page: Page, view: string, px: number, options: { addresses?: string[] } = {}): Promise<PaneFindings> {
  const frame = paneFrame(page);
  await settle(frame);
  const { layout, values } = await frame.evaluate(inspectPane, { addresses: (options.addresses ?? []).filter((address) => address.trim().length > 0) });
  const axe = (await axeViolationsIn(frame)).map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
    // axe's own account of each node ("Element has insufficient color contrast of 3.1 (foreground …").
    summaries: violation.nodes.map((node) => ((node as { failureSummary?: string }).failureSummary ?? '').replace(/\s+/g, ' ').trim()),
  }));
  const text = await frame.evaluate(() => document.body.innerText);
  const keysShown = messageKeys.filter((key) => new RegExp(`(^|[^\\w.])${key.replace(/\./g, '\\.')}($|[^\\w.])`).test(text));
  const screenshot = await screenshotPane(page, frame, `width-${view}-${px}`);
  const findings: PaneFindings = {
    view,
    px,
    frame: layout.frame,
    overflows: layout.overflows,
    wrapped: values.filter((value) => value.lines > 1).map(({ clipped: _, ...value }) => value),
    clipped: values.filter((value) => value.lines === 1 && value.clipped).map(({ clipped: _, ...value }) => value),
    shown: { phone: 0, address: 0, email: 0, domain: 0, ...countBy(values.map((value) => value.kind)) },
    values: values.map(({ clipped: _, ...value }) => value),
    axe,
    keysShown,
    screenshot,
  };
  fs.mkdirSync(FINDINGS, { recursive: true });
  fs.writeFileSync(path.join(FINDINGS, `${view}-${px}.json`), `${JSON.stringify(findings, null, 2)}\n`);
  return findings;
}

/** What fails, one line each, prefixed by the check: empty when the view fits. */
export function problemsOf(findings: PaneFindings): string[] {
  const { frame } = findings;
  const round = (value: number) => Math.round(value * 10) / 10;
  return [
    ...(frame.scrollWidth > frame.clientWidth ? [`[1 scroll] the pane scrolls sideways: content ${frame.scrollWidth} px in ${frame.clientWidth} px (frame ${frame.innerWidth} px)`] : []),
    ...findings.overflows.map(
      (overflow) =>
        `[1 overflow] ${overflow.selector} "${overflow.text}" is ${round(overflow.width)} px wide, ${round(overflow.left)}–${round(overflow.right)} px in ${frame.clientWidth} px${overflow.clippedBy ? ` (cut off by ${overflow.clippedBy})` : ''}`,
    ),
    ...findings.wrapped.map((value) => `[2 one line] the ${value.kind} "${value.text}" in ${value.selector} runs over ${value.lines} lines (${round(value.width)} px wide box)`),
    ...findings.keysShown.map((key) => `[5 text] the message key ${key} is shown instead of its text`),
    ...findings.axe.map((violation) => `[3 axe] ${violation.id} (${violation.impact}): ${violation.help} — ${violation.targets.map((target, at) => `${target}: ${violation.summaries[at] ?? ''}`).join('; ')}`),
  ];
}

/** Waits until the pane has painted what it loaded: no spinner, fonts in, two frames rendered. */
async function settle(frame: Frame): Promise<void> {
  // A spinner that stays (a view still checking something) is measured as it is, after 10 s.
  await frame.waitForFunction(() => document.querySelectorAll('.fui-Spinner').length === 0, undefined, { timeout: 10_000 }).catch(() => undefined);
  await frame.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/** The whole pane, however long: the page grows for the shot (the frame keeps its width), then returns to its size. */
async function screenshotPane(page: Page, frame: Frame, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  const element = page.locator('iframe[title="Rapport task pane"]');
  const viewport = page.viewportSize() ?? { width: 1400, height: 900 };
  const box = await element.boundingBox();
  const content = await frame.evaluate(() => document.documentElement.scrollHeight);
  const needed = Math.min(Math.ceil((box?.y ?? 0) + content + 2), 12_000);
  if (needed > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height: needed });
    await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  await element.screenshot({ path: file });
  if (needed > viewport.height) await page.setViewportSize(viewport);
  return file;
}

function countBy(kinds: ValueKind[]): Partial<Record<ValueKind, number>> {
  const counts: Partial<Record<ValueKind, number>> = {};
  for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

// Runs inside the pane's frame: self-contained, no imports.

/**
 * (1) The frame's widths, and each element whose right edge passes the visible width while its parent's does not.
 * (2) Every phone number, postal address, e-mail address and domain in the pane's text, found by its content; for
 * each, how many lines its text takes (a Range over the text, its client rects grouped by line) and whether a box
 * cuts it off.
 */
function inspectPane({ addresses }: { addresses: string[] }): {
  layout: { frame: PaneFindings['frame']; overflows: Overflow[] };
  values: (ShownValue & { clipped: boolean })[];
} {
  const root = document.documentElement;
  const visible = root.clientWidth;
  // A readable path of the element and up to four ancestors: tag, Fluent's class, role and label.
  const describe = (element: Element): string => {
    const parts: string[] = [];
    for (let at: Element | null = element; at && at !== document.body && parts.length < 5; at = at.parentElement) {
      const fluent = [...at.classList].find((name) => name.startsWith('fui-') && !name.includes('__'));
      const label = at.getAttribute('aria-label');
      const role = at.getAttribute('role');
      parts.unshift(`${at.tagName.toLowerCase()}${at.id ? `#${at.id}` : ''}${fluent ? `.${fluent}` : ''}${role ? `[role=${role}]` : ''}${label ? `[aria-label="${label.slice(0, 40)}"]` : ''}`);
    }
    return parts.join(' > ');
  };
  const excerpt = (text: string) => {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
  };

  const clipperOf = (element: Element): string | null => {
    for (let at = element.parentElement; at && at !== root; at = at.parentElement) {
      if (getComputedStyle(at).overflowX !== 'visible' && at.getBoundingClientRect().right <= visible + 0.5) return describe(at);
    }
    return null;
  };
  const overflows: Overflow[] = [];
  for (const element of document.body.querySelectorAll('*')) {
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    if (rect.right <= visible + 0.5) continue;
    const parent = element.parentElement;
    if (parent && parent !== document.body && parent.getBoundingClientRect().right > visible + 0.5) continue;
    overflows.push({ selector: describe(element), text: excerpt(element.textContent ?? ''), left: rect.left, right: rect.right, width: rect.width, clippedBy: clipperOf(element) });
  }

  const patterns: [ValueKind, RegExp][] = [
    ['email', /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g],
    // Seven digits or more, with the separators people write; not glued to letters (a tracking number), an id or a date.
    ['phone', /(?<![\w+.-])\+?\(?\d[\d\s().-]{5,}\d(?![\w-])/g],
    // A street line: "155 Harbour Street", "Via della Moscova 12", "Königsworther Straße 12", "Hauptstraße 5".
    [
      'address',
      /\b\d{1,5}\s+(?:[A-Z][\w'’-]*\s+){1,4}(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Way|Boulevard|Square|Place)\b|\b(?:Via|Rua|Calle|Avenida|Piazza|Viale|Largo)\s+(?:[\wÀ-ÿ'’-]+\s+){0,4}\d{1,5}\b|(?:[A-ZÄÖÜ][\wÀ-ÿß'’-]*\s+)?[\wÀ-ÿß-]*(?:Straße|straße|Strasse|strasse|Weg|weg|Platz|platz|Allee|allee|Gasse|gasse)\s+\d{1,5}[a-z]?\b/g,
    ],
    ['domain', /(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|io|example|test|info|biz|app|dev|[a-z]{2})(?![\w-])/g],
  ];
  const known = addresses.map((address) => address.trim());
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'OPTION', 'TITLE']);
  const values: (ShownValue & { clipped: boolean })[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    const parent = node.parentElement;
    if (!parent || skip.has(parent.tagName) || text.trim() === '') continue;
    const taken: [number, number][] = [];
    const overlaps = (start: number, end: number) => taken.some(([from, to]) => start < to && end > from);
    const matches: { kind: ValueKind; start: number; end: number }[] = [];
    for (const address of known) {
      for (let at = text.indexOf(address); at >= 0; at = text.indexOf(address, at + address.length)) {
        if (overlaps(at, at + address.length)) continue;
        matches.push({ kind: 'address', start: at, end: at + address.length });
        taken.push([at, at + address.length]);
      }
    }
    for (const [kind, pattern] of patterns) {
      for (const match of text.matchAll(pattern)) {
        const start = match.index ?? 0;
        const end = start + match[0].length;
        if (overlaps(start, end)) continue;
        if (kind === 'phone' && (match[0].replace(/\D/g, '').length < 7 || /^\d{4}-\d{2}-\d{2}$/.test(match[0]))) continue;
        matches.push({ kind, start, end });
        taken.push([start, end]);
      }
    }
    for (const { kind, start, end } of matches) {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
      // Not rendered (a closed list, a hidden panel): nothing to see.
      if (rects.length === 0) continue;
      // One line box may give more than one rect (a font change within it); lines are told apart by where they sit.
      const lines: DOMRect[] = [];
      for (const rect of rects) if (!lines.some((line) => rect.top < line.bottom - 1 && rect.bottom > line.top + 1)) lines.push(rect);
      const bounds = range.getBoundingClientRect();
      let clipped = bounds.right > visible + 0.5;
      for (let at: Element | null = parent; at && at !== root && !clipped; at = at.parentElement) {
        if (getComputedStyle(at).overflowX === 'visible') continue;
        const box = at.getBoundingClientRect();
        if (bounds.right > box.right + 0.5 || bounds.left < box.left - 0.5) clipped = true;
      }
      values.push({ kind, text: text.slice(start, end), lines: lines.length, selector: describe(parent), width: parent.getBoundingClientRect().width, clipped });
    }
  }
  return { layout: { frame: { innerWidth: window.innerWidth, clientWidth: visible, scrollWidth: root.scrollWidth }, overflows }, values };
}
