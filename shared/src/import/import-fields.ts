// Plain data, no schema: the task pane offers these fields in its mapping step without loading zod.
import { nameKey } from './name-matching.rules';

export const importKinds = ['lead', 'contact'] as const;
export type ImportKind = (typeof importKinds)[number];

/** A field a CSV column can fill, and the column names that usually mean it. */
export type ImportField = { name: string; label: string; aliases: readonly string[] };

const person: ImportField[] = [
  { name: 'firstName', label: 'First name', aliases: ['first name', 'firstname', 'given name', 'forename', 'nombre', 'nome'] },
  { name: 'lastName', label: 'Last name', aliases: ['last name', 'lastname', 'surname', 'family name', 'apellido', 'cognome', 'sobrenome'] },
  { name: 'fullName', label: 'Full name (split into first and last)', aliases: ['name', 'full name', 'contact name', 'contact', 'person'] },
  { name: 'email', label: 'E-mail', aliases: ['email', 'e-mail', 'email address', 'e-mail address', 'mail', 'correo'] },
  { name: 'phone', label: 'Phone', aliases: ['phone', 'telephone', 'phone number', 'tel', 'work phone', 'business phone', 'telefono'] },
  { name: 'companyName', label: 'Company', aliases: ['company', 'company name', 'organization', 'organisation', 'account', 'empresa', 'azienda'] },
  { name: 'street', label: 'Street', aliases: ['street', 'address', 'street address', 'address line 1'] },
  { name: 'city', label: 'City', aliases: ['city', 'town', 'ciudad', 'citta', 'cidade'] },
  { name: 'postalCode', label: 'Postal code', aliases: ['postal code', 'postcode', 'zip', 'zip code', 'cp', 'cap', 'cep'] },
  { name: 'region', label: 'Region or state', aliases: ['region', 'state', 'province', 'county', 'state/province'] },
  { name: 'country', label: 'Country', aliases: ['country', 'country/region', 'pais', 'paese'] },
];

export const importFields: Record<ImportKind, readonly ImportField[]> = {
  lead: [
    ...person,
    { name: 'campaign', label: 'Campaign', aliases: ['campaign', 'campaign name', 'utm campaign'] },
    { name: 'estimatedValue', label: 'Estimated value', aliases: ['estimated value', 'value', 'amount', 'deal value', 'budget'] },
    { name: 'currency', label: 'Currency', aliases: ['currency', 'currency code'] },
  ],
  contact: [
    ...person,
    { name: 'mobile', label: 'Mobile phone', aliases: ['mobile', 'mobile phone', 'cell', 'cell phone', 'movil', 'cellulare', 'celular'] },
    { name: 'title', label: 'Job title', aliases: ['title', 'job title', 'position', 'role'] },
    { name: 'customerNumber', label: 'Customer number', aliases: ['customer number', 'customer no', 'customer id', 'account number', 'client number'] },
  ],
};

/** Which column fills which field: field name → column name as in the file's header. */
export type ImportMapping = Record<string, string>;

/** A first mapping from the header's names, for the person to correct: each field takes the column that names it. */
export function suggestMapping(kind: ImportKind, header: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<string>();
  for (const field of importFields[kind]) {
    const keys = new Set([nameKey(field.name), ...field.aliases.map(nameKey)]);
    const column = header.find((name) => !taken.has(name) && keys.has(nameKey(name)));
    if (column !== undefined) {
      mapping[field.name] = column;
      taken.add(column);
    }
  }
  // A full name is only needed when there is no last name column.
  if (mapping.lastName && mapping.fullName) delete mapping.fullName;
  return mapping;
}

/** The fields a row fills under a mapping: the non-empty cells of the mapped columns, trimmed. */
export function mappedValues(header: readonly string[], cells: readonly string[], mapping: ImportMapping): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [field, column] of Object.entries(mapping)) {
    const at = header.indexOf(column);
    const value = at >= 0 ? (cells[at] ?? '').trim() : '';
    if (value.length > 0) values[field] = value;
  }
  return values;
}

/** Whether a mapping can make records: a last name (or a full name) is what every person needs. */
export function mappingProblem(mapping: ImportMapping): string | null {
  return mapping.lastName || mapping.fullName ? null : 'Choose the column with the last name (or the full name).';
}
