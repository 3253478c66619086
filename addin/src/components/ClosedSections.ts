// What a record's closed sections show, loaded as one chunk when the first of them is opened: one lazy boundary
// rather than five keeps the code the first card loads in fewer, better-compressed files.
export { CaseList } from './CaseList';
// The card's later fields (the contact's latest satisfaction score, their company's contract in force and latest
// orders): loaded with the card's other later parts.
export { CardFields } from './CardFields';
export { ChangeHistory } from './ChangeHistory';
// What a deal pays: the card's focus deal asks for it here too, so it is no lazy boundary (and first-card chunk split) of its own.
export { DealCommissionLine } from './commissions/DealCommissionLine';
export { DealList } from './DealList';
export { DocumentsSection } from './documents/DocumentsSection';
// The articles that answer a customer's e-mail, shown under their card: with the card's later parts, not a chunk more.
export { EmailAnswers } from './knowledge/SuggestedAnswers';
export { PurchaseHistory } from './PurchaseHistory';
// A contact's and a company's surveys (a record view's Satisfaction section, closed unless opened from the card's score).
export { CompanySurveys, ContactSurveys } from './surveys/SurveyViews';
// A quote's order, in a deal's quotes (a closed section too): from a boundary of its own, the record link it shares
// with these would leave its first-card chunk for a file of its own (+0.3 KB gzip measured).
export { QuoteOrder } from './orders/QuoteOrder';
