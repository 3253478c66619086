// Plain code, no schema: the task pane shows keys and snippets without loading zod.
import { escapeHtml } from '../common/html-text';

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
 * The HTML to paste into the company's website: a plain form that posts to the API (no script, no CORS), with a
 * honeypot field that people never see.
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
    '  <p><button type="submit">Send</button></p>',
    '</form>',
  ].join('\n');
}
