import type { LaterErrorMessages } from './error-messages';

// The messages of the rules of views that load on first use (documents, goals and commissions, templates, settings…):
// they come with those views' messages (messages.later.en.ts), so the pane's first JavaScript does not carry them.
export const laterErrorsEn = {
  'PRODUCT.PRICE_PRECISION': 'The price has more decimals than its currency allows. Round it and save again.',
  'PIPELINE.STAGE_IN_USE': 'Some deals are still in this stage. Move them to another stage first, or keep the stage and rename it.',
  'SETTINGS.INVALID': 'Some settings aren’t right. Check the ones marked and save again.',
  'SETTINGS.RATES_FOR_NEW_CURRENCY': 'With a new reporting currency, give the exchange rates in that currency too (or remove them all), then save.',
  'TIP.UNKNOWN_STAGE': 'A stage this tip is for is no longer in the pipeline. Choose from the stages there are now.',
  'TEMPLATE.UNKNOWN_FIELD': 'A placeholder names a field templates can’t fill. Use the field buttons.',
  'TEMPLATE.MALFORMED_PLACEHOLDER': 'A placeholder isn’t written right or isn’t closed. Insert it with the field buttons.',
  'TEMPLATE.DUPLICATE_LANGUAGE': 'The template has two versions in one language. Keep one per language.',
  'ACTIVITY_PLAN.TOO_MANY_RECORDS': 'That is more than one plan takes at once (at most 200 records and 1,000 activities). Apply it to a smaller team or territory, or to records one at a time.',
  'ACTIVITY_PLAN.UNKNOWN_TEAM': 'No active member is in that team. Check the team’s name in Members.',
  'FORM.NOT_FOUND': 'Rapport doesn’t know this web form. Copy it again from Settings, under Web forms.',
  'FORM.REVOKED': 'This web form was switched off and no longer takes submissions.',
  'COMMISSION.NO_PLAN': 'No commission plan pays this rep for this period. An admin adds them to a plan first, on the dashboard’s Commissions tab.',
  'COMMISSION.ALREADY_APPROVED': 'This statement is already approved, and an approved statement never changes. Later differences appear in the rep’s next statement.',
  'COMMISSION.STATEMENT_CHANGED': 'The statement changed since you opened it (a deal was won, edited or reopened). Look at it again, then approve.',
  'COMMISSION.MISSING_RATE': 'Some deals are in a currency without an exchange rate, so what they pay is unknown. Ask an admin to add the rate in Settings, then approve again.',
  'COMMISSION.INVALID_PLAN': 'This plan can’t be saved as it is: check the tiers (the first starts at 0 %, each above the one before) and the months.',
  'DOCUMENT.TOO_LARGE': 'This file is larger than files may be here. Make it smaller (compress it, or save a PDF in lower quality) or ask your admin to raise the limit.',
  'DOCUMENT.TYPE_NOT_KEPT': 'Rapport does not keep files of this type. Add PDFs, images, Office documents or text files.',
  'DOCUMENT.PROGRAM': 'This file is a program, whatever its name says, and Rapport never keeps programs. Add the document itself instead.',
  'DOCUMENT.TYPE_MISMATCH': 'This file’s contents are not what its name says. Save it again in the right format, or give it its real extension.',
  'DOCUMENT.EMPTY': 'This file is empty. Choose the file again, or check that it was saved.',
  'DOCUMENT.INVALID_NAME': 'This file’s name cannot be used. Rename the file (no folders, no hidden characters) and add it again.',
  'REPORT.PERIOD_TOO_LONG': 'This period is too long for one report. Choose a shorter one.',
  'EXPENSE.STATUS_FLOW': 'This expense was already decided: only a submitted expense can be approved or rejected.',
  'EXPENSE.AMOUNT_PRECISION': 'This currency has fewer decimals than the amount: round it to the currency’s smallest unit.',
  'EXPENSE.DECIDED': 'This expense was approved: its date, amount, currency, category and deal can no longer change.',
  'EXPENSE.OWN_DECISION': 'Your own expense is approved or rejected by your manager or an admin, not by you.',
} satisfies LaterErrorMessages;
