// The messages of the settings' newer abilities (a member added by e-mail, a product changed in place, a web form's
// HTML copied, the deals in each stage), part of the later messages (messages.later.en.ts). The other locales must
// translate each one.
export const enSettings = {
  'members.emailHint': 'The address they sign in to Microsoft 365 with. They are invited until their first sign-in.',
  'members.nameHint': 'Optional: until they sign in, their address stands for it.',
  'members.emailRequired': 'Enter the e-mail address they sign in with.',
  'members.emailInvalid': 'Enter an e-mail address such as name@contoso.com.',
  'members.invited': 'Invited',
  'members.added': '{email} is invited as {role}. Their first sign-in with this address makes them a member.',
  'products.edit': 'Change {name}',
  'products.editing': 'Change {name}',
  'products.save': 'Save {name}',
  'products.nameRequired': 'Enter the product’s name.',
  'products.priceInvalid': 'Enter a price of 0 or more, such as 1250.50.',
  'products.currencyHint': 'The currencies of Settings → Currencies.',
  'products.saved': '{name} is saved.',
  'field.product.name': 'Name',
  'field.product.code': 'Code',
  'field.product.series': 'Series',
  'field.product.unitPrice': 'Unit price',
  'field.product.currency': 'Currency',
  'field.product.active': 'Sold',
  'forms.copy': 'Copy HTML',
  'forms.copyNamed': 'Copy HTML of {name}',
  'forms.copied': 'Copied. Paste it into a page of your website.',
  'forms.copyBlocked': 'Your browser did not allow copying. The HTML is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  'pipeline.openDeals': 'Open deals: {count}',
  'pipeline.closedOnly': 'Closed deals only',
  'pipeline.noDeals': 'No deals',
} as const;

export type SettingsMessages = Record<keyof typeof enSettings, string>;
