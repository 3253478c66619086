import type { DealMessages } from './messages.deals.en';

export const ptDeals: DealMessages = {
  'newDeal.name': 'Nome do negócio',
  'newDeal.amount': 'Valor',
  'newDeal.currency': 'Moeda',
  'newDeal.expectedClose': 'Fechamento previsto',
  'newDeal.nextStep': 'Próximo passo',
  'newDeal.nextStepHint': 'O que o faz avançar, p. ex. “Enviar a proposta na sexta”.',
  'newDeal.with': 'Com {names}',
  'newDeal.save': 'Criar negócio',
  'newDeal.loading': 'Carregando as etapas e as moedas…',
  'newDeal.created': 'Negócio “{name}” criado.',
  'newDeal.open': 'Abrir negócio',
  'newDeal.problem.notANumber': 'Digite o valor como um número, p. ex. {example}.',
  'newDeal.problem.negative': 'Um valor não pode ser menor que zero.',
  'newDeal.problem.tooLarge': 'Este valor é grande demais.',
  'newDeal.problem.decimals': 'Valores em {currency} têm no máximo {digits} casas decimais.',
  'newDeal.problem.date': 'Escolha uma data.',
};
