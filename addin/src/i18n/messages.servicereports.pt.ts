import type { enServiceReports } from './messages.servicereports.en';

export const ptServiceReports: Record<keyof typeof enServiceReports, string> = {
  'dash.report.service-levels-by-month': 'Níveis de serviço por mês',
  'dash.report.service-levels-by-owner': 'Níveis de serviço por atendente',
  'dash.column.responseMet': 'Respondidos no prazo',
  'dash.column.responseRate': 'Respondidos no prazo (%)',
  'dash.column.resolutionMet': 'Resolvidos no prazo',
  'dash.column.resolutionRate': 'Resolvidos no prazo (%)',
  'dash.empty.serviceLevels': 'Nenhum caso com nível de serviço foi fechado neste período. Os casos abertos a partir de agora têm prazo de primeira resposta e de resolução, e aparecem aqui quando fechados.',
  'dash.report.articles-answering-cases': 'Artigos que responderam mais casos',
  'dash.column.cases': 'Casos respondidos',
  'dash.empty.answers': 'Nenhum artigo respondeu a um caso neste período. Os artigos inseridos em respostas pelo painel aparecem aqui.',
};
