import type { ComposeMessages } from './messages.compose.en';

export const ptCompose: ComposeMessages = {
  'compose.noRecipients': 'Adicione destinatários: o que o CRM sabe sobre eles aparece aqui enquanto você digita.',
  'compose.insertTemplate': 'Inserir um modelo',
  'compose.insertQuote': 'Inserir orçamento',
  'compose.tools': 'Escrever com o CRM',
};
