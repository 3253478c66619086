import { Readable } from 'node:stream';
import { fileTypeOfName, type Deal, type Expense } from '@rapport/shared';
import type { DocumentService } from '../../documents/documents.service';
import type { DemoData } from './demo-data';
import { onePagePdf } from './demo-documents';

// The demo's expenses, on the demo user's deals and a colleague's: some approved by their manager (so a deal shows its
// margin and the reports have figures), one rejected with the reason, and some waiting in the manager's approvals.

const expenseId = (tenantId: string, key: string) => `${tenantId.slice(0, 24)}-exp-${key}`;

type Spent = { key: string; owner: string; deal: Deal; daysAgo: number; amount: number; category: Expense['category']; description: string; decision?: 'approved' | 'rejected'; reason?: string };

export function demoExpenses(data: DemoData, now: Date): Expense[] {
  const manager = data.members.find((member) => member.role === 'manager');
  const colleague = data.members.find((member) => member.role === 'rep' && member.id !== data.userId && member.managerId === manager?.id);
  if (!manager) return [];
  const mine = data.deals.filter((deal) => deal.ownerId === data.userId && deal.companyId);
  const open = mine.filter((deal) => deal.status === 'open');
  const won = mine.filter((deal) => deal.status === 'won');
  const theirs = colleague ? data.deals.filter((deal) => deal.ownerId === colleague.id && deal.status === 'open' && deal.companyId) : [];
  const spent: Spent[] = [];
  const first = open[0];
  if (first) {
    spent.push(
      { key: 'train', owner: data.userId, deal: first, daysAgo: 12, amount: 148.6, category: 'travel', description: 'Train to the customer’s head office', decision: 'approved' },
      { key: 'lunch', owner: data.userId, deal: first, daysAgo: 12, amount: 86.4, category: 'meals', description: 'Lunch with their buyer and engineer', decision: 'approved', reason: 'Fine, thanks for the receipt' },
      { key: 'dinner', owner: data.userId, deal: first, daysAgo: 3, amount: 212, category: 'entertainment', description: 'Dinner after the demo' },
    );
  }
  const second = open[1] ?? won[0];
  if (second) {
    spent.push(
      { key: 'hotel', owner: data.userId, deal: second, daysAgo: 40, amount: 189, category: 'lodging', description: 'Hotel, one night near the plant', decision: 'approved' },
      { key: 'gifts', owner: data.userId, deal: second, daysAgo: 20, amount: 340, category: 'entertainment', description: 'Wine for the buying team', decision: 'rejected', reason: 'Gifts above 50 need approval first: ask me before buying' },
    );
  }
  const wonDeal = won[0];
  if (wonDeal && wonDeal !== second) spent.push({ key: 'mileage', owner: data.userId, deal: wonDeal, daysAgo: 55, amount: 64.8, category: 'mileage', description: 'Mileage, 180 km to the signing', decision: 'approved' });
  const theirDeal = theirs[0];
  if (colleague && theirDeal) {
    spent.push(
      { key: 'flight', owner: colleague.id, deal: theirDeal, daysAgo: 5, amount: 420, category: 'travel', description: 'Flight to the customer’s site' },
      { key: 'supplies', owner: colleague.id, deal: theirDeal, daysAgo: 30, amount: 45.9, category: 'supplies', description: 'Printed samples for the pitch', decision: 'approved' },
    );
  }
  return spent.map((item) => {
    const date = new Date(now.getTime() - item.daysAgo * 86_400_000).toISOString().slice(0, 10);
    const at = `${date}T18:00:00.000Z`;
    const decidedAt = new Date(Date.parse(at) + 86_400_000).toISOString();
    return {
      tenantId: data.tenantId,
      id: expenseId(data.tenantId, item.key),
      createdAt: at,
      createdBy: item.owner,
      updatedAt: item.decision ? decidedAt : at,
      updatedBy: item.decision ? manager.id : item.owner,
      ownerId: item.owner,
      version: item.decision ? 2 : 1,
      date,
      amount: item.amount,
      // In the deal's currency, as a rep abroad pays.
      currency: item.deal.currency,
      category: item.category,
      description: item.description,
      dealId: item.deal.id,
      ...(item.deal.companyId ? { companyId: item.deal.companyId } : {}),
      status: item.decision ?? 'submitted',
      ...(item.decision ? { decision: { by: manager.id, at: decidedAt, ...(item.reason ? { reason: item.reason } : {}) } } : {}),
    };
  });
}

/** The receipt of the demo user's train ticket, a one-page PDF, so an expense's Receipt has something to open. */
export async function seedDemoReceipts(documents: DocumentService, data: DemoData, expenses: readonly Expense[]): Promise<number> {
  const train = expenses.find((expense) => expense.id === expenseId(data.tenantId, 'train'));
  if (!train) return 0;
  const id = `${data.tenantId.slice(0, 24)}-doc-receipt-train`;
  const name = 'Train ticket.pdf';
  const type = fileTypeOfName(name);
  if (!type || (await documents.exists(data.tenantId, id))) return 0;
  const bytes = onePagePdf(['Rail ticket, return', `${train.date}: ${train.amount} ${train.currency}`, 'Rapport demo: a receipt']);
  const kept = await documents.keep(data.tenantId, name, type, Readable.from([bytes]), bytes.length);
  await documents.record({ tenantId: data.tenantId, userId: train.ownerId }, kept, { id, name, contentType: type.contentType, source: 'upload', expenseId: train.id });
  return 1;
}
