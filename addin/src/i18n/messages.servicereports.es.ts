import type { enServiceReports } from './messages.servicereports.en';

export const esServiceReports: Record<keyof typeof enServiceReports, string> = {
  'dash.report.service-levels-by-month': 'Niveles de servicio por mes',
  'dash.report.service-levels-by-owner': 'Niveles de servicio por agente',
  'dash.column.responseMet': 'Respondidos a tiempo',
  'dash.column.responseRate': 'Respondidos a tiempo (%)',
  'dash.column.resolutionMet': 'Resueltos a tiempo',
  'dash.column.resolutionRate': 'Resueltos a tiempo (%)',
  'dash.empty.serviceLevels': 'Ningún caso con nivel de servicio se cerró en este periodo. Los casos abiertos a partir de ahora tienen un plazo de primera respuesta y de resolución, y aparecen aquí al cerrarse.',
  'dash.report.articles-answering-cases': 'Artículos que respondieron más casos',
  'dash.column.cases': 'Casos respondidos',
  'dash.empty.answers': 'Ningún artículo respondió un caso en este periodo. Aquí aparecen los artículos insertados en respuestas desde el panel.',
};
