import type { MemberLanguage, SurveyType } from '@rapport/shared';

/**
 * What a customer reads of a survey, in the e-mail and on its page; `org` is the tenant's name (the quotes' seller),
 * and when the tenant has not named itself the sentences say "we" and "us" instead.
 */
export type CustomerWords = {
  subject: (type: SurveyType, org: string | undefined, about: string | undefined) => string;
  greeting: (firstName: string | undefined) => string;
  question: (type: SurveyType, org: string | undefined, about: string | undefined) => string;
  /** The words at each end of the scale. */
  low: (type: SurveyType) => string;
  high: (type: SurveyType) => string;
  pickInMail: string;
  comment: string;
  send: string;
  chooseScore: string;
  thanks: string;
  alreadyAnswered: string;
  why: (org: string | undefined) => string;
  optOutLink: string;
  optOutQuestion: (org: string | undefined) => string;
  optOutButton: string;
  optedOut: (org: string | undefined) => string;
};

const CSAT_LOW: Record<MemberLanguage, string> = { en: 'Very dissatisfied', es: 'Muy insatisfecho', pt: 'Muito insatisfeito', it: 'Molto insoddisfatto' };
const CSAT_HIGH: Record<MemberLanguage, string> = { en: 'Very satisfied', es: 'Muy satisfecho', pt: 'Muito satisfeito', it: 'Molto soddisfatto' };
const NPS_LOW: Record<MemberLanguage, string> = { en: 'Not at all likely', es: 'Nada probable', pt: 'Nada provável', it: 'Per niente probabile' };
const NPS_HIGH: Record<MemberLanguage, string> = { en: 'Extremely likely', es: 'Muy probable', pt: 'Extremamente provável', it: 'Estremamente probabile' };

const WORDS: Record<MemberLanguage, CustomerWords> = {
  en: {
    subject: (type, org, about) => (type === 'csat' ? `How did we do${about ? ` with “${about}”` : ''}?` : org ? `Would you recommend ${org}?` : 'Would you recommend us?'),
    greeting: (firstName) => (firstName ? `Hello ${firstName},` : 'Hello,'),
    question: (type, org, about) =>
      type === 'csat'
        ? `How satisfied are you with how ${org ?? 'we'} handled your request${about ? ` “${about}”` : ''}?`
        : `How likely are you to recommend ${org ?? 'us'} to a friend or colleague?`,
    low: (type) => (type === 'csat' ? CSAT_LOW.en : NPS_LOW.en),
    high: (type) => (type === 'csat' ? CSAT_HIGH.en : NPS_HIGH.en),
    pickInMail: 'Choose a score: it opens a page where you can add a comment and send your answer.',
    comment: 'Anything you would like to add? (optional)',
    send: 'Send my answer',
    chooseScore: 'Choose a score before sending.',
    thanks: 'Thank you: your answer was recorded.',
    alreadyAnswered: 'You already answered this survey. Thank you.',
    why: (org) => `You receive this because ${org ?? 'we'} worked with you recently. One question, asked once.`,
    optOutLink: 'I do not want surveys',
    optOutQuestion: (org) => `Stop receiving satisfaction surveys from ${org ?? 'us'}?`,
    optOutButton: 'Stop the surveys',
    optedOut: (org) => `Done: ${org ?? 'we'} will not send you surveys any more.`,
  },
  es: {
    subject: (type, org, about) => (type === 'csat' ? `¿Qué tal lo hicimos${about ? ` con «${about}»` : ''}?` : org ? `¿Recomendarías ${org}?` : '¿Nos recomendarías?'),
    greeting: (firstName) => (firstName ? `Hola, ${firstName}:` : 'Hola:'),
    question: (type, org, about) =>
      type === 'csat'
        ? org
          ? `¿Qué tan satisfecho estás con cómo ${org} atendió tu solicitud${about ? ` «${about}»` : ''}?`
          : `¿Qué tan satisfecho estás con cómo atendimos tu solicitud${about ? ` «${about}»` : ''}?`
        : org
          ? `¿Qué probabilidad hay de que recomiendes ${org} a un amigo o colega?`
          : '¿Qué probabilidad hay de que nos recomiendes a un amigo o colega?',
    low: (type) => (type === 'csat' ? CSAT_LOW.es : NPS_LOW.es),
    high: (type) => (type === 'csat' ? CSAT_HIGH.es : NPS_HIGH.es),
    pickInMail: 'Elige una puntuación: se abrirá una página donde puedes añadir un comentario y enviar tu respuesta.',
    comment: '¿Quieres añadir algo? (opcional)',
    send: 'Enviar mi respuesta',
    chooseScore: 'Elige una puntuación antes de enviar.',
    thanks: 'Gracias: tu respuesta quedó registrada.',
    alreadyAnswered: 'Ya respondiste esta encuesta. Gracias.',
    why: (org) => `Recibes esto porque ${org ? `${org} trabajó` : 'trabajamos'} contigo hace poco. Una sola pregunta, una sola vez.`,
    optOutLink: 'No quiero recibir encuestas',
    optOutQuestion: (org) => (org ? `¿Dejar de recibir encuestas de satisfacción de ${org}?` : '¿Dejar de recibir nuestras encuestas de satisfacción?'),
    optOutButton: 'Dejar de recibir encuestas',
    optedOut: (org) => (org ? `Hecho: ${org} ya no te enviará encuestas.` : 'Hecho: ya no te enviaremos encuestas.'),
  },
  pt: {
    subject: (type, org, about) => (type === 'csat' ? `Como nos saímos${about ? ` com "${about}"` : ''}?` : org ? `Você recomendaria ${org}?` : 'Você nos recomendaria?'),
    greeting: (firstName) => (firstName ? `Olá, ${firstName},` : 'Olá,'),
    question: (type, org, about) =>
      type === 'csat'
        ? `Qual o seu grau de satisfação com ${org ? `o atendimento de ${org}` : 'o nosso atendimento'} à sua solicitação${about ? ` "${about}"` : ''}?`
        : org
          ? `Qual a probabilidade de você recomendar ${org} a um amigo ou colega?`
          : 'Qual a probabilidade de você nos recomendar a um amigo ou colega?',
    low: (type) => (type === 'csat' ? CSAT_LOW.pt : NPS_LOW.pt),
    high: (type) => (type === 'csat' ? CSAT_HIGH.pt : NPS_HIGH.pt),
    pickInMail: 'Escolha uma nota: abre uma página onde você pode deixar um comentário e enviar sua resposta.',
    comment: 'Quer acrescentar algo? (opcional)',
    send: 'Enviar minha resposta',
    chooseScore: 'Escolha uma nota antes de enviar.',
    thanks: 'Obrigado: sua resposta foi registrada.',
    alreadyAnswered: 'Você já respondeu esta pesquisa. Obrigado.',
    why: (org) => `Você recebe isto porque ${org ? `${org} trabalhou` : 'trabalhamos'} com você recentemente. Uma pergunta, uma única vez.`,
    optOutLink: 'Não quero receber pesquisas',
    optOutQuestion: (org) => (org ? `Parar de receber pesquisas de satisfação de ${org}?` : 'Parar de receber nossas pesquisas de satisfação?'),
    optOutButton: 'Parar as pesquisas',
    optedOut: (org) => (org ? `Pronto: ${org} não enviará mais pesquisas para você.` : 'Pronto: não enviaremos mais pesquisas para você.'),
  },
  it: {
    subject: (type, org, about) => (type === 'csat' ? `Com'è andata${about ? ` con «${about}»` : ''}?` : org ? `Consiglieresti ${org}?` : 'Ci consiglieresti?'),
    greeting: (firstName) => (firstName ? `Buongiorno ${firstName},` : 'Buongiorno,'),
    question: (type, org, about) =>
      type === 'csat'
        ? `Quanto sei soddisfatto di come ${org ? `${org} ha gestito` : 'abbiamo gestito'} la tua richiesta${about ? ` «${about}»` : ''}?`
        : org
          ? `Quanto è probabile che consiglieresti ${org} a un amico o a un collega?`
          : 'Quanto è probabile che ci consiglieresti a un amico o a un collega?',
    low: (type) => (type === 'csat' ? CSAT_LOW.it : NPS_LOW.it),
    high: (type) => (type === 'csat' ? CSAT_HIGH.it : NPS_HIGH.it),
    pickInMail: 'Scegli un punteggio: si apre una pagina dove puoi aggiungere un commento e inviare la risposta.',
    comment: 'Vuoi aggiungere qualcosa? (facoltativo)',
    send: 'Invia la mia risposta',
    chooseScore: 'Scegli un punteggio prima di inviare.',
    thanks: 'Grazie: la tua risposta è stata registrata.',
    alreadyAnswered: 'Hai già risposto a questo sondaggio. Grazie.',
    why: (org) => `Ricevi questo messaggio perché ${org ? `${org} ha lavorato` : 'abbiamo lavorato'} con te di recente. Una sola domanda, una sola volta.`,
    optOutLink: 'Non voglio ricevere sondaggi',
    optOutQuestion: (org) => (org ? `Non ricevere più sondaggi di soddisfazione da ${org}?` : 'Non ricevere più i nostri sondaggi di soddisfazione?'),
    optOutButton: 'Interrompi i sondaggi',
    optedOut: (org) => (org ? `Fatto: ${org} non ti invierà più sondaggi.` : 'Fatto: non ti invieremo più sondaggi.'),
  },
};

export function customerWords(language: MemberLanguage): CustomerWords {
  return WORDS[language];
}

/** What the case owner's manager and the timeline read of an answer (the rep's language: they are the team's records). */
export type TeamWords = {
  note: (type: SurveyType, score: number) => string;
  summary: (type: SurveyType, score: number, comment: string | undefined, about: string | undefined) => string;
  lowScoreTask: (name: string, type: SurveyType, score: number) => string;
};

const scale = (type: SurveyType) => (type === 'csat' ? 5 : 10);

const TEAM: Record<MemberLanguage, TeamWords> = {
  en: {
    note: (type, score) => `${type === 'csat' ? 'Satisfaction' : 'Recommendation (NPS)'}: ${score} of ${scale(type)}`,
    summary: (type, score, comment, about) =>
      `The customer answered the ${type === 'csat' ? 'satisfaction survey' : 'NPS survey'}${about ? ` about “${about}”` : ''}: ${score} of ${scale(type)}.${comment ? ` They wrote: “${comment}”` : ' No comment.'}`,
    lowScoreTask: (name, type, score) => `Call ${name} back: ${type === 'csat' ? 'satisfaction' : 'NPS'} ${score} of ${scale(type)}`,
  },
  es: {
    note: (type, score) => `${type === 'csat' ? 'Satisfacción' : 'Recomendación (NPS)'}: ${score} de ${scale(type)}`,
    summary: (type, score, comment, about) =>
      `El cliente respondió la ${type === 'csat' ? 'encuesta de satisfacción' : 'encuesta NPS'}${about ? ` sobre «${about}»` : ''}: ${score} de ${scale(type)}.${comment ? ` Escribió: «${comment}»` : ' Sin comentario.'}`,
    lowScoreTask: (name, type, score) => `Volver a llamar a ${name}: ${type === 'csat' ? 'satisfacción' : 'NPS'} ${score} de ${scale(type)}`,
  },
  pt: {
    note: (type, score) => `${type === 'csat' ? 'Satisfação' : 'Recomendação (NPS)'}: ${score} de ${scale(type)}`,
    summary: (type, score, comment, about) =>
      `O cliente respondeu a ${type === 'csat' ? 'pesquisa de satisfação' : 'pesquisa NPS'}${about ? ` sobre "${about}"` : ''}: ${score} de ${scale(type)}.${comment ? ` Escreveu: "${comment}"` : ' Sem comentário.'}`,
    lowScoreTask: (name, type, score) => `Retornar a ligação para ${name}: ${type === 'csat' ? 'satisfação' : 'NPS'} ${score} de ${scale(type)}`,
  },
  it: {
    note: (type, score) => `${type === 'csat' ? 'Soddisfazione' : 'Raccomandazione (NPS)'}: ${score} su ${scale(type)}`,
    summary: (type, score, comment, about) =>
      `Il cliente ha risposto al ${type === 'csat' ? 'sondaggio di soddisfazione' : 'sondaggio NPS'}${about ? ` su «${about}»` : ''}: ${score} su ${scale(type)}.${comment ? ` Ha scritto: «${comment}»` : ' Nessun commento.'}`,
    lowScoreTask: (name, type, score) => `Richiamare ${name}: ${type === 'csat' ? 'soddisfazione' : 'NPS'} ${score} su ${scale(type)}`,
  },
};

export function teamWords(language: MemberLanguage): TeamWords {
  return TEAM[language];
}
