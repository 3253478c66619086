// Plain code, no schema: the task pane shows keys and snippets without loading zod.
import { escapeHtml } from '../common/html-text';
import { LINK_CODE_PARAM } from '../campaigns/link.rules';

/**
 * A form's public key: the one the server gave it (resolved through the public links' index), or, for a form made before
 * public keys, its tenant and id, which pasted snippets still use.
 */
export function formKeyOf(form: { tenantId: string; id: string; publicKey?: string | undefined }): string {
  return form.publicKey ?? `${form.tenantId}.${form.id}`;
}

/** A key of a form made before public keys: its tenant and id. */
export function parseFormKey(key: string): { tenantId: string; formId: string } | null {
  const match = /^([A-Za-z0-9][A-Za-z0-9_-]{0,63})\.([A-Za-z0-9][A-Za-z0-9_-]{0,63})$/.exec(key);
  return match ? { tenantId: match[1]!, formId: match[2]! } : null;
}

/**
 * The HTML to paste into the company's website: a plain form that posts to the API (no CORS), with a honeypot field that
 * people never see, and a hidden `rp_code` field. A few lines of script (the form works without them) copy the code of
 * the tracked link the visitor came by from the page's address into it, keeping it in the tab's session storage while
 * they browse the site, so the lead records its first touch. The script reads nothing else and sends nothing itself.
 */
export function webFormSnippet(apiBaseUrl: string, formKey: string): string {
  const action = `${apiBaseUrl.replace(/\/+$/, '')}/api/forms/${encodeURIComponent(formKey)}/leads`;
  const field = (name: string, label: string, type = 'text', required = false) =>
    `  <p><label>${label}${required ? ' *' : ''}<br><input name="${name}" type="${type}"${required ? ' required' : ''} maxlength="200"></label></p>`;
  return [
    `<form action="${escapeHtml(action)}" method="post">`,
    field('firstName', 'First name'),
    field('lastName', 'Last name', 'text', true),
    field('email', 'E-mail', 'email', true),
    field('phone', 'Phone', 'tel'),
    field('company', 'Company'),
    field('country', 'Country'),
    '  <p><label>Message<br><textarea name="message" rows="4" maxlength="5000"></textarea></label></p>',
    '  <!-- Left empty by people, filled in by bots: keep it hidden. -->',
    '  <p style="position:absolute;left:-9999px" aria-hidden="true"><label>Website<input name="website" tabindex="-1" autocomplete="off"></label></p>',
    `  <input type="hidden" name="${LINK_CODE_PARAM}">`,
    '  <p><button type="submit">Send</button></p>',
    '</form>',
    '<script>',
    `  // The tracked link the visitor came by (${LINK_CODE_PARAM} in the address), kept while they browse, sent with the form.`,
    '  (function (form) {',
    `    var code = new URLSearchParams(location.search).get('${LINK_CODE_PARAM}');`,
    `    try { if (code) sessionStorage.setItem('${LINK_CODE_PARAM}', code); else code = sessionStorage.getItem('${LINK_CODE_PARAM}'); } catch (e) {}`,
    `    if (code && /^[A-Za-z0-9_-]{22}$/.test(code)) form.elements.${LINK_CODE_PARAM}.value = code;`,
    '  })(document.currentScript.previousElementSibling);',
    '</script>',
  ].join('\n');
}
