import type { LaterErrorMessages } from './error-messages';

// The messages of the rules of views that load on first use (documents, goals and commissions, templates, settings…):
// they come with those views' messages (messages.later.pt.ts), so the pane's first JavaScript does not carry them.
export const laterErrorsPt = {
  'PRODUCT.PRICE_PRECISION': 'O preço tem mais casas decimais do que a moeda permite. Arredonde-o e salve novamente.',
  'PIPELINE.STAGE_IN_USE': 'Ainda há negócios nesta etapa. Mova-os antes para outra etapa, ou mantenha a etapa e renomeie-a.',
  'SETTINGS.INVALID': 'Algumas configurações não estão corretas. Confira as marcadas e salve novamente.',
  'SETTINGS.RATES_FOR_NEW_CURRENCY': 'Com uma nova moeda dos relatórios, informe também as taxas de câmbio nessa moeda (ou remova todas) e salve.',
  'TIP.UNKNOWN_STAGE': 'Uma etapa desta dica não está mais no funil. Escolha entre as etapas atuais.',
  'TEMPLATE.UNKNOWN_FIELD': 'Um marcador indica um campo que os modelos não podem preencher. Use os botões de campos.',
  'TEMPLATE.MALFORMED_PLACEHOLDER': 'Um marcador não está escrito corretamente ou não foi fechado. Insira-o com os botões de campos.',
  'TEMPLATE.DUPLICATE_LANGUAGE': 'O modelo tem duas versões no mesmo idioma. Mantenha uma por idioma.',
  'ACTIVITY_PLAN.TOO_MANY_RECORDS': 'São mais registros do que um plano pode receber de uma vez (no máximo 200 registros e 1.000 atividades). Aplique-o a uma equipe ou território menor, ou aos registros um por um.',
  'ACTIVITY_PLAN.UNKNOWN_TEAM': 'Nenhum membro ativo está nessa equipe. Confira o nome da equipe em Membros.',
  'FORM.NOT_FOUND': 'O Rapport não conhece este formulário web. Copie-o novamente em Configurações, na seção Formulários web.',
  'FORM.REVOKED': 'Este formulário web foi desativado e não aceita mais envios.',
  'COMMISSION.NO_PLAN': 'Nenhum plano de comissões paga este vendedor neste período. Primeiro um administrador o inclui em um plano, na aba Comissões do painel.',
  'COMMISSION.ALREADY_APPROVED': 'Este extrato já foi aprovado, e um extrato aprovado nunca muda. Diferenças posteriores aparecem no próximo extrato do vendedor.',
  'COMMISSION.STATEMENT_CHANGED': 'O extrato mudou desde que você o abriu (um negócio foi ganho, editado ou reaberto). Confira de novo e aprove.',
  'COMMISSION.MISSING_RATE': 'Alguns negócios estão em uma moeda sem taxa de câmbio, então não se sabe quanto pagam. Peça a um administrador para adicionar a taxa em Configurações e aprove de novo.',
  'COMMISSION.INVALID_PLAN': 'Este plano não pode ser salvo assim: confira as faixas (a primeira começa em 0 %, cada uma acima da anterior) e os meses.',
  'DOCUMENT.TOO_LARGE': 'Este arquivo é maior do que o permitido aqui. Reduza o tamanho (compacte ou salve um PDF com qualidade menor) ou peça ao seu administrador para aumentar o limite.',
  'DOCUMENT.TYPE_NOT_KEPT': 'O Rapport não guarda arquivos deste tipo. Adicione PDFs, imagens, documentos do Office ou arquivos de texto.',
  'DOCUMENT.PROGRAM': 'Este arquivo é um programa, diga o nome o que disser, e o Rapport nunca guarda programas. Adicione o próprio documento.',
  'DOCUMENT.TYPE_MISMATCH': 'O conteúdo deste arquivo não é o que o nome diz. Salve-o de novo no formato certo ou dê a ele a extensão verdadeira.',
  'DOCUMENT.EMPTY': 'Este arquivo está vazio. Escolha o arquivo de novo ou verifique se ele foi salvo.',
  'DOCUMENT.INVALID_NAME': 'Não é possível usar o nome deste arquivo. Renomeie o arquivo (sem pastas nem caracteres ocultos) e adicione de novo.',
  'REPORT.PERIOD_TOO_LONG': 'Este período é longo demais para um relatório. Escolha um mais curto.',
  'EXPENSE.STATUS_FLOW': 'Esta despesa já foi decidida: só uma despesa enviada pode ser aprovada ou recusada.',
  'EXPENSE.AMOUNT_PRECISION': 'Esta moeda tem menos casas decimais que o valor: arredonde para a menor unidade da moeda.',
  'EXPENSE.DECIDED': 'Esta despesa foi aprovada: a data, o valor, a moeda, a categoria e o negócio não podem mais mudar.',
  'EXPENSE.OWN_DECISION': 'Suas próprias despesas são aprovadas ou recusadas pelo seu gerente ou por um administrador, não por você.',
} satisfies LaterErrorMessages;
