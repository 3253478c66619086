import { z } from 'zod';
import { AddressSchema, apiOf } from '@rapport/shared';
import { PhoneSchema } from '@rapport/shared/common/contact-fields.schema';
import { catalogs } from '../../addin/src/i18n/catalogs';
import { fieldLabelKey, valueLabelKey } from '../../addin/src/i18n/field-labels';
import { languages } from '../../addin/src/i18n/i18n';

// The kinds whose record view edits every field the API lets a user change, and the quote and the knowledge article,
// whose editors name their fields.
const labelledKinds = ['contact', 'company', 'deal', 'lead', 'case', 'quote', 'order', 'contract', 'article'] as const;

// Fields made of parts, each part with a label of its own under the part's name (field.address.city).
const partsOf = new Map<z.ZodType, string>([
  [AddressSchema, 'address'],
  [PhoneSchema, 'phone'],
]);

// Parts not labelled here, and why: a deal's lines are changed in its lines editor (DealPanel), which names the product,
// quantity, price and discount of a line with its own messages (deal.product, deal.quantity…); a quote's lines are a
// table whose columns have their own (quoteRecord.line.*); a contract's coverage and terms are in their own form
// (ContractTerms, contract.* messages).
const partsLabelledElsewhere = new Set(['deal.lineItems', 'quote.lines', 'contract.covered', 'contract.renewal', 'contract.serviceLevel', 'contract.value']);

/** A field's schema without what a patch wraps it in (optional, nullable, a default). */
function bare(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
  return inner;
}

type Expected = { key: string; what: string };

/** The messages a field needs: its label, each value's if it is an enum, and its parts' if it has parts. */
function messagesOf(kind: string, field: string, schema: z.ZodType): Expected[] {
  const expected: Expected[] = [{ key: fieldLabelKey(kind, field), what: `${kind}.${field}` }];
  let inner = bare(schema);
  if (inner instanceof z.ZodArray) inner = bare(inner.element as z.ZodType);
  if (inner instanceof z.ZodEnum) {
    for (const value of inner.options) expected.push({ key: valueLabelKey(kind, field, String(value)), what: `${kind}.${field} = ${String(value)}` });
  }
  if (inner instanceof z.ZodObject && !partsLabelledElsewhere.has(`${kind}.${field}`)) {
    const part = partsOf.get(inner);
    // A field of parts the test does not know: give its parts labels, and add its schema above.
    expect([`${kind}.${field}`, part !== undefined]).toEqual([`${kind}.${field}`, true]);
    for (const [name, partSchema] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      expected.push({ key: fieldLabelKey(part ?? '', name), what: `${kind}.${field}.${name}` });
      const partInner = bare(partSchema);
      if (partInner instanceof z.ZodEnum) {
        for (const value of partInner.options) expected.push({ key: valueLabelKey(kind, `${field}.${name}`, String(value)), what: `${kind}.${field}.${name} = ${String(value)}` });
      }
    }
  }
  return expected;
}

const expectedMessages = labelledKinds.flatMap((kind) =>
  Object.entries((apiOf(kind).patch as z.ZodObject).shape as Record<string, z.ZodType>).flatMap(([field, schema]) => messagesOf(kind, field, schema)),
);

describe('field labels', () => {
  it('walks every field of the viewable kinds’ patch schemas, with their enum values and parts', () => {
    const whats = expectedMessages.map((message) => message.what);
    // A sample of what the walk finds, so that a walk that finds nothing fails.
    expect(whats).toEqual(
      expect.arrayContaining(['contact.phones', 'contact.phones.type = fax', 'contact.address.postalCode', 'company.type = partner', 'lead.source = web-form', 'case.priority = urgent', 'deal.amountSetByHand', 'quote.language = pt', 'order.status = shipped']),
    );
    expect(whats.length).toBeGreaterThan(100);
  });

  it.each(languages)('has a label for each of them in %s, never empty', (language) => {
    const { messages, later } = catalogs[language];
    const texts = { ...messages, ...later } as Record<string, string | undefined>;
    const missing = expectedMessages.filter(({ key }) => !texts[key]?.trim()).map(({ what, key }) => `${what} (${key})`);
    expect(missing).toEqual([]);
  });

  it('says the fields in each language’s words, reusing the pane’s words for values it already named', () => {
    const label = (language: keyof typeof catalogs, key: string) => ({ ...catalogs[language].messages, ...catalogs[language].later })[key as never];
    expect(label('en', fieldLabelKey('contact', 'phones'))).toBe('Phones');
    expect(label('es', fieldLabelKey('contact', 'title'))).toBe('Cargo');
    expect(label('es', fieldLabelKey('deal', 'expectedCloseDate'))).toBe('Cierre previsto');
    expect(label('pt', fieldLabelKey('address', 'postalCode'))).toBe('CEP');
    expect(label('it', valueLabelKey('contact', 'phones.type', 'mobile'))).toBe('Cellulare');
    expect(label('es', valueLabelKey('case', 'priority', 'urgent'))).toBe(label('es', 'casePriority.urgent'));
    expect(label('pt', valueLabelKey('lead', 'status', 'dead'))).toBe('Descartado');
  });
});
