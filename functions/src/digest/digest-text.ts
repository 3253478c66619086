import type { GoalMetric, GoalPeriod, MemberLanguage } from '@rapport/shared';

// The morning digest's words in each language Rapport writes in. The server writes no other text for people to read
// (the pane has its own catalogs), so the table lives beside the one e-mail that needs it. Values come in through the
// functions' arguments, already formatted (and escaped by the renderer).

export type DigestText = {
  /** The locale Intl formats dates, times, amounts and percentages in. */
  locale: string;
  subject(date: string): string;
  greeting(name: string): string;
  intro(date: string): string;
  meetings: string;
  noMeetings: string;
  openDeals(count: number): string;
  nextStep(step: string): string;
  overdue: string;
  dueToday: string;
  noTasks: string;
  dueOn(date: string): string;
  closing: string;
  noDeals: string;
  closes(date: string): string;
  noAmount: string;
  pace: string;
  noGoals: string;
  metric: Record<GoalMetric, string>;
  period: Record<GoalPeriod, string>;
  progress(actual: string, target: string): string;
  atThisRate(percent: string, date: string): string;
  team: string;
  teamNone: string;
  teamCount(name: string, count: number): string;
  more(count: number): string;
  open: string;
  footer: string;
};

export const digestText: Record<MemberLanguage, DigestText> = {
  en: {
    locale: 'en-GB',
    subject: (date) => `Your day in Rapport: ${date}`,
    greeting: (name) => `Good morning, ${name}`,
    intro: (date) => `Here is your plan for ${date}.`,
    meetings: 'Meetings today',
    noMeetings: 'No meetings today.',
    openDeals: (count) => (count === 1 ? '1 open deal' : `${count} open deals`),
    nextStep: (step) => `Next step: ${step}`,
    overdue: 'Overdue tasks',
    dueToday: 'Tasks due today',
    noTasks: 'Nothing here.',
    dueOn: (date) => `due ${date}`,
    closing: 'Deals closing this month',
    noDeals: 'No deal is expected to close this month.',
    closes: (date) => `closes ${date}`,
    noAmount: 'no amount',
    pace: 'Your goals',
    noGoals: 'No goals are set for you now.',
    metric: { wonAmount: 'Won amount', wonDeals: 'Deals won', newDeals: 'New deals', activities: 'Activities done', convertedLeads: 'Leads converted' },
    period: { month: 'this month', quarter: 'this quarter', year: 'this year' },
    progress: (actual, target) => `${actual} of ${target}`,
    atThisRate: (percent, date) => `at this rate: ${percent} by ${date}`,
    team: 'Overdue in your team',
    teamNone: 'Nothing is overdue in your team.',
    teamCount: (name, count) => `${name}: ${count} overdue`,
    more: (count) => `and ${count} more`,
    open: 'Open in Rapport',
    footer: 'You get this e-mail because you turned on the daily plan in Rapport (My day → My preferences). You can turn it off there.',
  },
  es: {
    locale: 'es-ES',
    subject: (date) => `Tu día en Rapport: ${date}`,
    greeting: (name) => `Buenos días, ${name}`,
    intro: (date) => `Este es tu plan para el ${date}.`,
    meetings: 'Reuniones de hoy',
    noMeetings: 'Hoy no tienes reuniones.',
    openDeals: (count) => (count === 1 ? '1 oportunidad abierta' : `${count} oportunidades abiertas`),
    nextStep: (step) => `Próximo paso: ${step}`,
    overdue: 'Tareas vencidas',
    dueToday: 'Tareas para hoy',
    noTasks: 'Nada por aquí.',
    dueOn: (date) => `vencía el ${date}`,
    closing: 'Oportunidades que cierran este mes',
    noDeals: 'Ninguna oportunidad prevé cerrar este mes.',
    closes: (date) => `cierra el ${date}`,
    noAmount: 'sin importe',
    pace: 'Tus objetivos',
    noGoals: 'Ahora no tienes objetivos asignados.',
    metric: { wonAmount: 'Importe ganado', wonDeals: 'Oportunidades ganadas', newDeals: 'Oportunidades nuevas', activities: 'Actividades hechas', convertedLeads: 'Leads convertidos' },
    period: { month: 'este mes', quarter: 'este trimestre', year: 'este año' },
    progress: (actual, target) => `${actual} de ${target}`,
    atThisRate: (percent, date) => `a este ritmo: ${percent} el ${date}`,
    team: 'Vencido en tu equipo',
    teamNone: 'No hay nada vencido en tu equipo.',
    teamCount: (name, count) => `${name}: ${count} ${count === 1 ? 'vencida' : 'vencidas'}`,
    more: (count) => `y ${count} más`,
    open: 'Abrir en Rapport',
    footer: 'Recibes este correo porque activaste el plan diario en Rapport (Mi día → Mis preferencias). Puedes desactivarlo allí.',
  },
  pt: {
    locale: 'pt-BR',
    subject: (date) => `Seu dia no Rapport: ${date}`,
    greeting: (name) => `Bom dia, ${name}`,
    intro: (date) => `Este é o seu plano para ${date}.`,
    meetings: 'Reuniões de hoje',
    noMeetings: 'Nenhuma reunião hoje.',
    openDeals: (count) => (count === 1 ? '1 negócio aberto' : `${count} negócios abertos`),
    nextStep: (step) => `Próximo passo: ${step}`,
    overdue: 'Tarefas atrasadas',
    dueToday: 'Tarefas para hoje',
    noTasks: 'Nada aqui.',
    dueOn: (date) => `venceu em ${date}`,
    closing: 'Negócios que fecham este mês',
    noDeals: 'Nenhum negócio previsto para fechar este mês.',
    closes: (date) => `fecha em ${date}`,
    noAmount: 'sem valor',
    pace: 'Suas metas',
    noGoals: 'Você não tem metas definidas agora.',
    metric: { wonAmount: 'Valor ganho', wonDeals: 'Negócios ganhos', newDeals: 'Novos negócios', activities: 'Atividades feitas', convertedLeads: 'Leads convertidos' },
    period: { month: 'este mês', quarter: 'este trimestre', year: 'este ano' },
    progress: (actual, target) => `${actual} de ${target}`,
    atThisRate: (percent, date) => `neste ritmo: ${percent} em ${date}`,
    team: 'Atrasado na sua equipe',
    teamNone: 'Nada atrasado na sua equipe.',
    teamCount: (name, count) => `${name}: ${count} ${count === 1 ? 'atrasada' : 'atrasadas'}`,
    more: (count) => `e mais ${count}`,
    open: 'Abrir no Rapport',
    footer: 'Você recebe este e-mail porque ativou o plano diário no Rapport (Meu dia → Minhas preferências). Você pode desativá-lo lá.',
  },
  it: {
    locale: 'it-IT',
    subject: (date) => `La tua giornata in Rapport: ${date}`,
    greeting: (name) => `Buongiorno, ${name}`,
    intro: (date) => `Ecco il tuo piano per ${date}.`,
    meetings: 'Riunioni di oggi',
    noMeetings: 'Nessuna riunione oggi.',
    openDeals: (count) => (count === 1 ? '1 trattativa aperta' : `${count} trattative aperte`),
    nextStep: (step) => `Prossimo passo: ${step}`,
    overdue: 'Attività scadute',
    dueToday: 'Attività in scadenza oggi',
    noTasks: 'Niente qui.',
    dueOn: (date) => `scaduta il ${date}`,
    closing: 'Trattative in chiusura questo mese',
    noDeals: 'Nessuna trattativa prevista in chiusura questo mese.',
    closes: (date) => `chiude il ${date}`,
    noAmount: 'senza importo',
    pace: 'I tuoi obiettivi',
    noGoals: 'Al momento non hai obiettivi assegnati.',
    metric: { wonAmount: 'Importo vinto', wonDeals: 'Trattative vinte', newDeals: 'Nuove trattative', activities: 'Attività svolte', convertedLeads: 'Lead convertiti' },
    period: { month: 'questo mese', quarter: 'questo trimestre', year: 'quest’anno' },
    progress: (actual, target) => `${actual} su ${target}`,
    atThisRate: (percent, date) => `a questo ritmo: ${percent} entro il ${date}`,
    team: 'Scaduto nel tuo team',
    teamNone: 'Niente di scaduto nel tuo team.',
    teamCount: (name, count) => `${name}: ${count} ${count === 1 ? 'scaduta' : 'scadute'}`,
    more: (count) => `e altri ${count}`,
    open: 'Apri in Rapport',
    footer: 'Ricevi questa e-mail perché hai attivato il piano giornaliero in Rapport (La mia giornata → Le mie preferenze). Puoi disattivarlo lì.',
  },
};
