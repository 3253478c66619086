import {
  ARTICLE_BODY_MAX,
  ARTICLE_TITLE_MAX,
  ArticleInputSchema,
  languageOfCountry,
  subjectWithoutPrefixes,
  type Article,
  type Case,
  type CaseDraftArticle,
  type MemberLanguage,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { RecordService } from '../services/records.service';
import type { CreateResult, Store } from '../store/store';

/** The headings of a draft made from a case, in the article's language: the editor rewrites them as they see fit. */
const HEADINGS: Record<MemberLanguage, { question: string; answer: string }> = {
  en: { question: 'Question', answer: 'Answer' },
  es: { question: 'Pregunta', answer: 'Respuesta' },
  pt: { question: 'Pergunta', answer: 'Resposta' },
  it: { question: 'Domanda', answer: 'Risposta' },
};

/**
 * A solved case turned into a draft knowledge article, for an editor to rework and publish: made through the article
 * kind's own create (its rules, version, audit), once per Idempotency-Key.
 */
export class CaseArticleService {
  constructor(private readonly deps: { store: Store; records: RecordService }) {}

  async draft(principal: Principal, caseId: string, request: CaseDraftArticle, idempotency?: { key: string; requestHash: string }): Promise<CreateResult<Article>> {
    const { store, records } = this.deps;
    const item = await records.get('case', principal, caseId);
    const [language, reply] = await Promise.all([this.languageOf(principal, item), this.replyOf(principal, item, request.reply)]);
    const input = ArticleInputSchema.parse({
      title: (subjectWithoutPrefixes(item.subject) || item.subject).slice(0, ARTICLE_TITLE_MAX),
      body: draftBody(item.description, reply, HEADINGS[language]),
      language,
      status: 'draft',
      productIds: item.productId && (await store.get('product', principal.tenantId, item.productId)) ? [item.productId] : [],
    });
    return records.create('article', principal, input, idempotency);
  }

  /** The rep's own reply, else the text of the article the case was last answered with (when it is still there). */
  private async replyOf(principal: Principal, item: Case, own: string | undefined): Promise<string> {
    if (own?.trim()) return own.trim();
    const last = item.answeredWith?.at(-1);
    const article = last ? await this.deps.store.get('article', principal.tenantId, last.articleId) : null;
    return article?.body.trim() ?? '';
  }

  /** The customer's: the case's contact's language, else their company's country's, else the editor's own. */
  private async languageOf(principal: Principal, item: Case): Promise<MemberLanguage> {
    const { store } = this.deps;
    const contact = item.contactId ? await store.get('contact', principal.tenantId, item.contactId) : null;
    if (contact?.language) return contact.language;
    const companyId = item.companyId ?? contact?.companyId;
    const company = companyId ? await store.get('company', principal.tenantId, companyId) : null;
    const member = await store.get('member', principal.tenantId, principal.userId);
    return languageOfCountry(company?.address?.country) ?? member?.language ?? 'en';
  }
}

/** The question, then the answer, each under its heading; only what the case has; within an article's length. */
function draftBody(question: string | undefined, answer: string, headings: { question: string; answer: string }): string {
  const parts = [
    ...(question?.trim() ? [`## ${headings.question}`, question.trim()] : []),
    ...(answer ? [`## ${headings.answer}`, answer] : []),
  ];
  return parts.join('\n\n').slice(0, ARTICLE_BODY_MAX);
}
