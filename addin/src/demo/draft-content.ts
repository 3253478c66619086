import type { DemoPerson } from '@rapport/shared';
import type { DemoAttachment } from './demo-message';

// The demo's compose window: addresses typed into To and Cc, and what the pane inserts into the body.

/** The people in a recipients field as typed: "Ana Ruiz <ana@contoso.com>; bo@fabrikam.com". Invalid entries are left out. */
export function parseRecipients(typed: string, known: readonly DemoPerson[]): DemoPerson[] {
  const people = new Map<string, DemoPerson>();
  for (const entry of typed.split(/[;,]/)) {
    const match = /^\s*(?:"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>|([^\s<>]+@[^\s<>]+))\s*$/.exec(entry);
    const email = (match?.[2] ?? match?.[3])?.toLowerCase();
    if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) continue;
    // The first time an address is typed decides its name, as Outlook resolves it once.
    if (people.has(email)) continue;
    const name = match?.[1]?.trim() || known.find((person) => person.email.toLowerCase() === email)?.name || email;
    people.set(email, { email, name });
  }
  return [...people.values()];
}

/** Recipients written back into the field, as Outlook shows resolved names. */
export function formatRecipients(people: readonly DemoPerson[]): string {
  return people.map((person) => (person.name && person.name !== person.email ? `${person.name} <${person.email}>` : person.email)).join('; ');
}

// Outlook keeps headings, quotes and code in what an add-in inserts (a knowledge article has them) as it keeps lists.
const allowed = new Set(['P', 'BR', 'UL', 'OL', 'LI', 'B', 'STRONG', 'I', 'EM', 'DEL', 'A', 'DIV', 'SPAN', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'CODE', 'HR']);

/**
 * What the pane sent, as nodes the compose window may hold: only plain formatting and http(s) links, no scripts,
 * styles or handlers (Outlook sanitizes what add-ins insert too).
 */
export function sanitizedFragment(html: string, document: Document): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const fragment = document.createDocumentFragment();
  const copy = (node: Node, into: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      into.appendChild(document.createTextNode(node.textContent ?? ''));
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    if (!allowed.has(element.tagName)) {
      // Unknown wrappers keep their text; what runs or styles goes.
      if (element.tagName !== 'SCRIPT' && element.tagName !== 'STYLE') for (const child of [...element.childNodes]) copy(child, into);
      return;
    }
    const clean = document.createElement(element.tagName.toLowerCase());
    const href = element.getAttribute('href');
    if (element.tagName === 'A' && href && /^https?:\/\//i.test(href)) clean.setAttribute('href', href);
    for (const child of [...element.childNodes]) copy(child, clean);
    into.appendChild(clean);
  };
  for (const child of [...parsed.body.childNodes]) copy(child, fragment);
  return fragment;
}

const typesByExtension: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', txt: 'text/plain' };

/** A file the pane attached (addFileAttachmentFromBase64Async), as the compose window keeps it: typed by its name, sized from its bytes. */
export function attachedFile(name: string, contentBase64: string): DemoAttachment {
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  const padding = contentBase64.endsWith('==') ? 2 : contentBase64.endsWith('=') ? 1 : 0;
  return { name, contentType: typesByExtension[extension] ?? 'application/octet-stream', size: Math.floor((contentBase64.length * 3) / 4) - padding, contentBase64 };
}
