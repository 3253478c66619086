import type { MemberLanguage } from '@rapport/shared';

type SummaryFacts = {
  reference: string;
  company: string;
  endDate: string;
  autoRenew: boolean;
  /** The end of the next term, for a contract that renews by itself. */
  renewsUntil: string;
  /** The last day the customer can give notice, when the contract asks for notice. */
  noticeBy: string | null;
};

export type RenewalTaskWords = {
  /** The renewal deal's name: "Renewal: Premium support". */
  dealName(name: string): string;
  subject(name: string, endDate: string, autoRenew: boolean): string;
  summary(facts: SummaryFacts): string;
};

const LOCALES: Record<MemberLanguage, string> = { en: 'en-GB', es: 'es-ES', pt: 'pt-BR', it: 'it-IT' };

function dateIn(language: MemberLanguage) {
  const format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' });
  return (day: string) => format.format(new Date(`${day}T00:00:00.000Z`));
}

/** The renewal's words (its task's, its deal's name) in a member's language (their member record's, English when unknown). */
export function renewalTaskWords(language: MemberLanguage): RenewalTaskWords {
  const date = dateIn(language);
  switch (language) {
    case 'es':
      return {
        dealName: (name) => `Renovación: ${name}`,
        subject: (name, end, auto) => (auto ? `Renovación: ${name} se renueva el ${date(nextDay(end))}` : `Renovación: ${name} termina el ${date(end)}`),
        summary: (f) =>
          `${f.reference}${f.company ? ` con ${f.company}` : ''} ${f.autoRenew ? `se renueva sola hasta el ${date(f.renewsUntil)}` : `termina el ${date(f.endDate)}`}.` +
          `${f.noticeBy ? ` El cliente puede avisar hasta el ${date(f.noticeBy)}.` : ''} Prepara la oferta de renovación desde el contrato.`,
      };
    case 'pt':
      return {
        dealName: (name) => `Renovação: ${name}`,
        subject: (name, end, auto) => (auto ? `Renovação: ${name} renova em ${date(nextDay(end))}` : `Renovação: ${name} termina em ${date(end)}`),
        summary: (f) =>
          `${f.reference}${f.company ? ` com ${f.company}` : ''} ${f.autoRenew ? `renova automaticamente até ${date(f.renewsUntil)}` : `termina em ${date(f.endDate)}`}.` +
          `${f.noticeBy ? ` O cliente pode avisar até ${date(f.noticeBy)}.` : ''} Faça a proposta de renovação a partir do contrato.`,
      };
    case 'it':
      return {
        dealName: (name) => `Rinnovo: ${name}`,
        subject: (name, end, auto) => (auto ? `Rinnovo: ${name} si rinnova il ${date(nextDay(end))}` : `Rinnovo: ${name} scade il ${date(end)}`),
        summary: (f) =>
          `${f.reference}${f.company ? ` con ${f.company}` : ''} ${f.autoRenew ? `si rinnova da solo fino al ${date(f.renewsUntil)}` : `scade il ${date(f.endDate)}`}.` +
          `${f.noticeBy ? ` Il cliente può dare disdetta entro il ${date(f.noticeBy)}.` : ''} Prepara il preventivo di rinnovo dal contratto.`,
      };
    default:
      return {
        dealName: (name) => `Renewal: ${name}`,
        subject: (name, end, auto) => (auto ? `Renewal: ${name} renews on ${date(nextDay(end))}` : `Renewal: ${name} ends on ${date(end)}`),
        summary: (f) =>
          `${f.reference}${f.company ? ` with ${f.company}` : ''} ${f.autoRenew ? `renews by itself until ${date(f.renewsUntil)}` : `ends on ${date(f.endDate)}`}.` +
          `${f.noticeBy ? ` The customer can give notice until ${date(f.noticeBy)}.` : ''} Make the renewal quote from the contract.`,
      };
  }
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}
