import type { NewContractMessages } from './messages.newcontract.en';

export const ptNewContract: NewContractMessages = {
  'contracts.title': 'Contratos de serviço',
  'contracts.none': 'Ainda não há contratos de serviço. Adicione um para registrar o que o cliente tem coberto e até quando.',
  'contracts.new': 'Novo contrato',
  'newContract.heading': 'Novo contrato de serviço',
  'newContract.name': 'Nome',
  'newContract.nameHint': 'Como o cliente o conhece, por exemplo “Suporte Premium 2026”.',
  'newContract.startDate': 'Começa em',
  'newContract.endDate': 'Termina em',
  'newContract.notes': 'Observações',
  'newContract.save': 'Salvar o contrato',
  'newContract.saving': 'Salvando…',
  'newContract.problem.name': 'Dê um nome ao contrato.',
  'newContract.problem.date': 'Escolha um dia.',
  'newContract.problem.endBeforeStart': 'Escolha o mesmo dia em que ele começa ou um dia depois.',
};
