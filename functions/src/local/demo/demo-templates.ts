import type { Member, Template } from '@rapport/shared';

const DAY = 24 * 60 * 60 * 1000;

type Variants = Template['variants'];

// The team's templates, each in the four languages the pane speaks; their placeholders are the ones the API accepts.
const followUpAfterCall: Variants = [
  {
    language: 'en',
    subject: 'Following up on our call',
    body: 'Hi {{firstName|there}},\n\nThank you for your time on the phone today. As promised, here is a short summary of what we discussed about {{deal|your project}}, and the next steps on our side.\n\nIf anything is missing, just reply to this e-mail.\n\nBest regards,\n{{me}}',
  },
  {
    language: 'es',
    subject: 'Seguimiento de nuestra llamada',
    body: 'Hola, {{firstName|buenas}}:\n\nGracias por tu tiempo hoy al teléfono. Como te prometí, aquí tienes un breve resumen de lo que hablamos sobre {{deal|tu proyecto}} y los próximos pasos por nuestra parte.\n\nSi falta algo, responde a este correo.\n\nUn saludo,\n{{me}}',
  },
  {
    language: 'pt',
    subject: 'Sobre a nossa ligação',
    body: 'Olá, {{firstName|tudo bem}}?\n\nObrigado pelo seu tempo hoje ao telefone. Como combinado, segue um breve resumo do que conversamos sobre {{deal|o seu projeto}} e os próximos passos do nosso lado.\n\nSe faltar alguma coisa, é só responder a este e-mail.\n\nAtenciosamente,\n{{me}}',
  },
  {
    language: 'it',
    subject: 'Seguito della nostra telefonata',
    body: 'Gentile {{fullName|cliente}},\n\ngrazie per il tempo che ci ha dedicato oggi al telefono. Come promesso, ecco un breve riepilogo di quanto detto su {{deal|il suo progetto}} e dei prossimi passi da parte nostra.\n\nSe manca qualcosa, risponda pure a questa e-mail.\n\nCordiali saluti,\n{{me}}',
  },
];

const meetingProposal: Variants = [
  {
    language: 'en',
    subject: 'Time for a meeting?',
    body: 'Hi {{firstName|there}},\n\nI would like to walk you through the next steps in a short meeting. These times are free in my calendar:\n\n{{freeTimes}}\n\nReply with the one that suits you and I will send the invitation.\n\nBest regards,\n{{me}}',
  },
  {
    language: 'es',
    subject: '¿Nos reunimos?',
    body: 'Hola, {{firstName|buenas}}:\n\nMe gustaría repasar contigo los próximos pasos en una reunión breve. Tengo libres estos horarios:\n\n{{freeTimes}}\n\nRespóndeme con el que te venga mejor y te envío la invitación.\n\nUn saludo,\n{{me}}',
  },
  {
    language: 'pt',
    subject: 'Podemos marcar uma reunião?',
    body: 'Olá, {{firstName|tudo bem}}?\n\nGostaria de repassar os próximos passos com você em uma reunião rápida. Estes horários estão livres na minha agenda:\n\n{{freeTimes}}\n\nResponda com o que for melhor para você e eu envio o convite.\n\nAtenciosamente,\n{{me}}',
  },
  {
    language: 'it',
    subject: 'Possiamo fissare un incontro?',
    body: 'Gentile {{fullName|cliente}},\n\nvorrei ripercorrere con lei i prossimi passi in un breve incontro. Questi orari sono liberi nel mio calendario:\n\n{{freeTimes}}\n\nMi risponda con quello che preferisce e le invio l’invito.\n\nCordiali saluti,\n{{me}}',
  },
];

const thanksForOrder: Variants = [
  {
    language: 'en',
    subject: 'Thank you for your order',
    body: 'Dear {{fullName|customer}},\n\nThank you for your order, and for the trust {{company|you}} places in us. {{owner|Your account manager}} will be in touch about delivery and onboarding.\n\nKind regards,\n{{me}}',
  },
  {
    language: 'es',
    subject: 'Gracias por tu pedido',
    body: 'Hola, {{firstName|buenas}}:\n\nGracias por tu pedido y por la confianza de {{company|tu equipo}}. {{owner|Tu gestor de cuenta}} se pondrá en contacto contigo para la entrega y la puesta en marcha.\n\nUn cordial saludo,\n{{me}}',
  },
  {
    language: 'pt',
    subject: 'Obrigado pelo seu pedido',
    body: 'Prezado(a) {{fullName|cliente}},\n\nObrigado pelo seu pedido e pela confiança de {{company|sua equipe}}. {{owner|Seu gerente de conta}} entrará em contato sobre a entrega e a implantação.\n\nAtenciosamente,\n{{me}}',
  },
  {
    language: 'it',
    subject: 'Grazie per il suo ordine',
    body: 'Gentile {{fullName|cliente}},\n\ngrazie per il suo ordine e per la fiducia di {{company|tutto il suo team}}. {{owner|Il suo account manager}} la contatterà per la consegna e l’avvio.\n\nCordiali saluti,\n{{me}}',
  },
];

const personalCheckIn: Variants = [
  {
    language: 'en',
    subject: 'Quick check-in',
    body: 'Hi {{firstName|there}},\n\nJust checking in: how is everything going with {{deal|the rollout}}? If it helps, I can set up a short call with your team this week.\n\nCheers,\n{{me}}',
  },
];

/**
 * The demo's e-mail templates: three the manager shared with the team (a follow-up after a call, a meeting proposal with
 * free times, a thank-you after an order), each in English, Spanish, Portuguese and Italian, and one the demo user
 * keeps for themselves.
 */
export function demoTemplates(tenantId: string, members: readonly Member[], userId: string, nowMs: number): Template[] {
  const manager = members.find((member) => member.role === 'manager');
  const managerId = manager?.id ?? userId;
  const template = (slug: string, name: string, variants: Variants, ownerId: string, shared: boolean, daysAgo: number): Template => {
    const createdAt = new Date(nowMs - daysAgo * DAY).toISOString();
    return { tenantId, id: `demo-template-${slug}`, createdAt, createdBy: ownerId, updatedAt: createdAt, updatedBy: ownerId, ownerId, version: 1, name, variants, shared };
  };
  return [
    template('follow-up-call', 'Follow-up after a call', followUpAfterCall, managerId, true, 60),
    template('meeting-proposal', 'Propose a meeting (free times)', meetingProposal, managerId, true, 45),
    template('thanks-order', 'Thank you for your order', thanksForOrder, managerId, true, 30),
    template('check-in', 'Quick check-in', personalCheckIn, userId, false, 10),
  ];
}
