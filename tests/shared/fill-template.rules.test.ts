import { htmlOfText } from '../../shared/src/common/html-text';
import {
  fieldsUsed,
  fillTemplate,
  languageOfTag,
  parseTemplateText,
  repeatedLanguages,
  variantFor,
  variantProblem,
  type TemplateVariant,
} from '@rapport/shared/templates/fill-template.rules';

describe('reading a template’s placeholders', () => {
  it('cuts a text into words and placeholders, with fallbacks trimmed', () => {
    expect(parseTemplateText('Hi {{firstName|there}}, about {{ deal }}.').segments).toEqual([
      { text: 'Hi ' },
      { field: 'firstName', fallback: 'there' },
      { text: ', about ' },
      { field: 'deal' },
      { text: '.' },
    ]);
    expect(parseTemplateText('{{company | your team }}').segments).toEqual([{ field: 'company', fallback: 'your team' }]);
    expect(parseTemplateText('No placeholders, {single braces} too.')).toEqual({ segments: [{ text: 'No placeholders, {single braces} too.' }], problems: [] });
  });

  it('names a field templates cannot fill, where it is written', () => {
    expect(parseTemplateText('Dear {{nickname}},').problems).toEqual([{ problem: 'unknown-field', field: 'nickname', at: 5 }]);
    // Names are written as the buttons insert them.
    expect(parseTemplateText('{{FirstName}}').problems).toEqual([{ problem: 'unknown-field', field: 'FirstName', at: 0 }]);
  });

  it('refuses braces that make no placeholder: left open, empty, with spaces in the name, or a stray close', () => {
    const problemOf = (text: string) => parseTemplateText(text).problems.map(({ problem }) => problem);
    expect(parseTemplateText('Hi {{firstName,\nthanks').problems).toEqual([{ problem: 'malformed', written: '{{firstName,', at: 3 }]);
    expect(problemOf('Hi {{firstName')).toEqual(['malformed']);
    expect(problemOf('Hi {{firstName {{lastName}}')).toEqual(['malformed']);
    expect(problemOf('{{}}')).toEqual(['malformed']);
    expect(problemOf('{{first name}}')).toEqual(['malformed']);
    expect(problemOf('Hi firstName}} and {{me}}')).toEqual(['malformed']);
    // The good placeholder after a broken one is still read.
    expect(parseTemplateText('{{firstName {{lastName}}').segments).toContainEqual({ field: 'lastName' });
  });

  it('says where a variant’s first problem is: its subject before its body', () => {
    expect(variantProblem({ subject: 'About {{dael}}', body: 'Hi {{firstName' })).toMatchObject({ part: 'subject', problem: 'unknown-field', field: 'dael' });
    expect(variantProblem({ body: 'Hi {{firstName' })).toMatchObject({ part: 'body', problem: 'malformed' });
    expect(variantProblem({ subject: 'About {{deal}}', body: 'Hi {{firstName|there}}' })).toBeNull();
  });

  it('lists the fields a variant uses once each, subject first', () => {
    expect(fieldsUsed({ subject: '{{deal}} for {{company}}', body: '{{firstName}}, {{deal}} — {{freeTimes}}' })).toEqual(['deal', 'company', 'firstName', 'freeTimes']);
    expect(fieldsUsed({ body: 'Nothing to fill' })).toEqual([]);
  });

  it('finds the languages written twice', () => {
    expect(repeatedLanguages([{ language: 'en' }, { language: 'es' }, { language: 'en' }])).toEqual(['en']);
    expect(repeatedLanguages([{ language: 'en' }, { language: 'es' }])).toEqual([]);
  });
});

describe('filling a template for a recipient', () => {
  const variant: TemplateVariant = {
    language: 'en',
    subject: 'Next steps for {{deal|our project}}',
    body: 'Hi {{firstName|there}},\n\nGreat to speak about {{deal}} at {{company}}.\n\n{{me}}',
  };

  it('puts the values in, and a fallback where a value is missing', () => {
    const filled = fillTemplate(variant, { firstName: 'Ana', deal: 'Fabrikam renewal', company: 'Fabrikam', me: 'Avery Quinn' });
    expect(filled).toEqual({
      subject: 'Next steps for Fabrikam renewal',
      text: 'Hi Ana,\n\nGreat to speak about Fabrikam renewal at Fabrikam.\n\nAvery Quinn',
      html: 'Hi Ana,<br><br>Great to speak about Fabrikam renewal at Fabrikam.<br><br>Avery Quinn',
      missing: [],
    });
    expect(fillTemplate(variant, { deal: '  ', company: 'Fabrikam', me: 'Avery Quinn' })).toMatchObject({ subject: 'Next steps for our project', text: expect.stringMatching(/^Hi there,/) });
  });

  it('leaves a field without value or fallback empty and lists it once', () => {
    const filled = fillTemplate(variant, { firstName: 'Ana', me: 'Avery Quinn' });
    expect(filled.text).toBe('Hi Ana,\n\nGreat to speak about  at .\n\nAvery Quinn');
    expect(filled.missing).toEqual(['company', 'deal']);
    // An empty fallback says empty is fine.
    expect(fillTemplate({ body: 'Re {{deal|}}' }, {}).missing).toEqual([]);
  });

  it('escapes the text and the values in its HTML, so a company named <script> arrives as text', () => {
    const filled = fillTemplate({ body: 'Hello {{company}} & "friends"\r\nBye' }, { company: '<script>alert(1)</script>' });
    expect(filled.html).toBe('Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;<br>Bye');
    expect(filled.text).toBe('Hello <script>alert(1)</script> & "friends"\r\nBye');
    expect(htmlOfText("it's\n\nok")).toBe('it&#39;s<br><br>ok');
  });

  it('keeps a subject on one line whatever the values hold, and has none when the variant has none', () => {
    expect(fillTemplate({ subject: 'Times: {{freeTimes}}', body: 'x' }, { freeTimes: 'Tue 10:00\nWed 14:00' }).subject).toBe('Times: Tue 10:00 Wed 14:00');
    expect(fillTemplate({ body: 'x' }, {})).not.toHaveProperty('subject');
  });

  it('leaves text that is no placeholder as written', () => {
    expect(fillTemplate({ body: 'Use {{nickname}} and {{firstName' }, { firstName: 'Ana' }).text).toBe('Use {{nickname}} and {{firstName');
  });
});

describe('choosing the variant to show', () => {
  const template = { variants: [{ language: 'es' as const, body: 'Hola' }, { language: 'en' as const, body: 'Hi' }, { language: 'it' as const, body: 'Ciao' }] };

  it('takes the first preferred language the template is written in, by its base language', () => {
    expect(variantFor(template, ['it-IT'])?.body).toBe('Ciao');
    expect(variantFor(template, ['pt-BR', 'es'])?.body).toBe('Hola');
  });

  it('falls back to English, then to the first variant', () => {
    expect(variantFor(template, ['pt-BR'])?.body).toBe('Hi');
    expect(variantFor({ variants: [{ language: 'pt' as const, body: 'Olá' }] }, ['es'])?.body).toBe('Olá');
    expect(variantFor({ variants: [] }, ['es'])).toBeUndefined();
  });
});

describe("a display language's template language", () => {
  it('is its base language when templates are written in it, else English', () => {
    expect(['es-ES', 'pt-BR', 'it', 'EN-gb', 'de-DE', ''].map(languageOfTag)).toEqual(['es', 'pt', 'it', 'en', 'en', 'en']);
  });
});
