import type { DealMessages } from './messages.deals.en';

export const esDeals: DealMessages = {
  'newDeal.name': 'Nombre de la oportunidad',
  'newDeal.amount': 'Importe',
  'newDeal.currency': 'Moneda',
  'newDeal.expectedClose': 'Cierre previsto',
  'newDeal.nextStep': 'Siguiente paso',
  'newDeal.nextStepHint': 'Lo que la hace avanzar, p. ej. «Enviar la oferta el viernes».',
  'newDeal.with': 'Con {names}',
  'newDeal.save': 'Crear oportunidad',
  'newDeal.loading': 'Cargando las etapas y las monedas…',
  'newDeal.created': 'Oportunidad «{name}» creada.',
  'newDeal.open': 'Abrir oportunidad',
  'newDeal.problem.notANumber': 'Escribe el importe como un número, p. ej. {example}.',
  'newDeal.problem.negative': 'Un importe no puede ser menor que cero.',
  'newDeal.problem.tooLarge': 'Este importe es demasiado grande.',
  'newDeal.problem.decimals': 'Los importes en {currency} tienen como mucho {digits} decimales.',
  'newDeal.problem.date': 'Elige una fecha.',
};
