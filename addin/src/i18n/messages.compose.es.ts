import type { ComposeMessages } from './messages.compose.en';

export const esCompose: ComposeMessages = {
  'compose.noRecipients': 'Añade destinatarios: lo que el CRM sabe de ellos aparece aquí mientras escribes.',
  'compose.insertTemplate': 'Insertar una plantilla',
  'compose.insertQuote': 'Insertar presupuesto',
  'compose.tools': 'Escribir con el CRM',
};
