// What the pane shows of quotes (a deal's quotes and one opened, Insert quote in a message being written), loaded as one
// chunk when the first of them opens: never with the first card.
export { InsertQuote } from './InsertQuote';
export { QuotesSection } from './QuotesSection';
