// An order's and a contract's sections of their record views, and the form of a company's new contract, loaded as one
// chunk when the first of them opens: one lazy boundary rather than two keeps the first card's JavaScript in as few
// files as it was (an order's alone reached less of Fluent than the others, and split a first-card chunk in two: +0.8
// KB gzip measured).
export { ContractTerms } from '../contracts/ContractTerms';
export { NewContractForm } from '../contracts/NewContractForm';
export { OrderContent } from './OrderContent';
