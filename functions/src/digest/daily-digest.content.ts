import {
  managesMember,
  dayInterval,
  goalPeriods,
  hasRole,
  type Activity,
  type GoalMetric,
  type GoalPeriod,
  type MemberLanguage,
  type MemberRecord,
  type Pipeline,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { AttainmentService } from '../goals/attainment.service';
import type { MyDayService } from '../services/my-day.service';
import { listUpTo } from '../store/list-up-to';
import type { Store } from '../store/store';
import { zoneOf } from './digest-schedule';

// What one member's morning digest says. Bounded at every step, so a digest costs the same for a rep with years of
// history: the day's items as My day reads them, a member's deals up to a bound, a manager's team up to a bound.
const MAX_MEETINGS = 20;
const MAX_TASKS = 20;
const MAX_DEALS_READ = 500;
const MAX_CLOSING = 20;
const MAX_COMPANY_DEALS = 50;
const MAX_TEAM = 25;
const MAX_TEAM_ITEMS = 3;
const MAX_MEMBERS_READ = 2_000;

export type DigestMeeting = {
  id: string;
  at: string;
  durationMinutes?: number;
  subject: string;
  contact?: { id: string; name: string };
  company?: { id: string; name: string };
  /** The company's open deals (or the contact's, without a company), and the next step of the one closing first. */
  openDeals: number;
  nextStep?: string;
};
export type DigestTask = { id: string; at: string; subject: string };
export type DigestDeal = { id: string; name: string; amount?: number; currency: string; stage: string; expectedCloseDate?: string };
export type DigestGoal = { metric: GoalMetric; period: GoalPeriod; actual: number; target: number; paceRatio: number | null; ends: string; currency?: string };
export type DigestTeamMember = { id: string; name: string; overdue: number; capped: boolean; items: DigestTask[] };

export type DigestContent = {
  name: string;
  language: MemberLanguage;
  timeZone: string;
  /** The member's local day the digest plans. */
  date: string;
  meetings: DigestMeeting[];
  overdue: DigestTask[];
  dueToday: DigestTask[];
  /** More overdue or due tasks than listed. */
  moreTasks: { overdue: number; dueToday: number };
  closing: DigestDeal[];
  goals: DigestGoal[];
  /** Managers only: each of their people with overdue work. */
  team?: DigestTeamMember[];
};

export type DigestContentDependencies = {
  store: Store;
  myDay: MyDayService;
  attainment: AttainmentService;
  pipelineOf: (tenantId: string) => Promise<Pipeline>;
};

/** Gathers a member's digest for their local day: My day's items, deals closing this month, goal pace, the team's overdue work. */
export class DigestContentReader {
  constructor(private readonly deps: DigestContentDependencies) {}

  async of(member: MemberRecord, date: string): Promise<DigestContent> {
    const timeZone = zoneOf(member);
    const principal: Principal = { tenantId: member.tenantId, userId: member.id, roles: [member.role] };
    const day = dayInterval(date, timeZone);
    const [myDay, closing, goals, team] = await Promise.all([
      this.deps.myDay.myDay(principal, { dayStart: day.start, dayEnd: day.end }),
      this.closingThisMonth(member, date),
      this.goals(principal, date),
      hasRole([member.role], 'manager') ? this.teamOverdue(member, day.start) : Promise.resolve(undefined),
    ]);
    const meetings = await this.meetings(member.tenantId, myDay.appointments.slice(0, MAX_MEETINGS), myDay.related ?? {});
    const task = (activity: Activity): DigestTask => ({ id: activity.id, at: activity.at, subject: activity.subject });
    return {
      name: member.displayName,
      language: member.language ?? 'en',
      timeZone,
      date,
      meetings,
      overdue: myDay.overdueTasks.slice(0, MAX_TASKS).map(task),
      dueToday: myDay.dueTodayTasks.slice(0, MAX_TASKS).map(task),
      moreTasks: { overdue: Math.max(0, myDay.overdueTasks.length - MAX_TASKS), dueToday: Math.max(0, myDay.dueTodayTasks.length - MAX_TASKS) },
      closing,
      goals,
      ...(team ? { team } : {}),
    };
  }

  /** Each meeting with its customer: the first contact and the company, and their open deals. */
  private async meetings(tenantId: string, appointments: Activity[], related: Partial<Record<string, Record<string, string>>>): Promise<DigestMeeting[]> {
    return Promise.all(
      appointments.map(async (meeting): Promise<DigestMeeting> => {
        const contactId = meeting.contactIds[0];
        const contactName = contactId ? related.contact?.[contactId] : undefined;
        const companyName = meeting.companyId ? related.company?.[meeting.companyId] : undefined;
        const about = meeting.companyId ? { kind: 'company' as const, id: meeting.companyId } : contactId ? { kind: 'contact' as const, id: contactId } : null;
        const deals = about ? (await this.deps.store.list('deal', tenantId, { linkedTo: about, openOnly: true, limit: MAX_COMPANY_DEALS })).items : [];
        const next = [...deals].filter((deal) => deal.nextStep).sort((a, b) => (a.expectedCloseDate ?? '9999').localeCompare(b.expectedCloseDate ?? '9999'))[0];
        return {
          id: meeting.id,
          at: meeting.at,
          ...(meeting.durationMinutes !== undefined ? { durationMinutes: meeting.durationMinutes } : {}),
          subject: meeting.subject,
          ...(contactId && contactName ? { contact: { id: contactId, name: contactName } } : {}),
          ...(meeting.companyId && companyName ? { company: { id: meeting.companyId, name: companyName } } : {}),
          openDeals: deals.length,
          ...(next?.nextStep ? { nextStep: next.nextStep } : {}),
        };
      }),
    );
  }

  /** The member's open deals expected to close in the month of `date`, soonest first. */
  private async closingThisMonth(member: MemberRecord, date: string): Promise<DigestDeal[]> {
    const month = date.slice(0, 7);
    const [{ items }, pipeline] = await Promise.all([listUpTo(this.deps.store, 'deal', member.tenantId, { ownerId: member.id }, MAX_DEALS_READ), this.deps.pipelineOf(member.tenantId)]);
    const stageName = new Map(pipeline.stages.map((stage) => [stage.id, stage.name]));
    return items
      .filter((deal) => deal.status === 'open' && deal.expectedCloseDate?.slice(0, 7) === month)
      .sort((a, b) => (a.expectedCloseDate ?? '').localeCompare(b.expectedCloseDate ?? ''))
      .slice(0, MAX_CLOSING)
      .map((deal) => ({
        id: deal.id,
        name: deal.name,
        ...(deal.amount !== undefined ? { amount: deal.amount } : {}),
        currency: deal.currency,
        stage: stageName.get(deal.stage) ?? deal.stage,
        ...(deal.expectedCloseDate ? { expectedCloseDate: deal.expectedCloseDate } : {}),
      }));
  }

  /** The member's own goals of the periods holding `date`, with their pace, as My numbers shows them. */
  private async goals(principal: Principal, date: string): Promise<DigestGoal[]> {
    // The month-based periods (a week's targets are not in the digest): each answer under the period it was asked for.
    const answers = await Promise.all(goalPeriods.map(async (period) => ({ period, answer: await this.deps.attainment.attainment(principal, { period, day: date, view: 'mine' }) })));
    return answers.flatMap(({ period, answer }) =>
      answer.reps.map((progress) => ({
        metric: progress.goal.metric,
        period,
        actual: progress.actual,
        target: progress.goal.target,
        paceRatio: progress.paceRatio,
        // The period's last day (attainment's `ends` is the first day after it).
        ends: new Date(Date.parse(`${answer.ends}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
        ...(progress.goal.metric === 'wonAmount' ? { currency: answer.reportingCurrency } : {}),
      })),
    );
  }

  /** A manager's people (those they manage, and their team's reps) with planned work due before today. */
  private async teamOverdue(manager: MemberRecord, dayStart: string): Promise<DigestTeamMember[]> {
    const { items } = await listUpTo(this.deps.store, 'member', manager.tenantId, {}, MAX_MEMBERS_READ);
    const people = items
      .filter((member) => member.id !== manager.id && !member.deactivated && !member.invited)
      .filter((member) => managesMember(manager, member))
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .slice(0, MAX_TEAM);
    const overdue = await Promise.all(
      people.map(async (member) => {
        const page = await this.deps.store.list('activity', manager.tenantId, { linkedTo: { kind: 'member', id: member.id }, openOnly: true, before: dayStart, limit: 100 });
        return {
          id: member.id,
          name: member.displayName,
          overdue: page.items.length,
          capped: page.nextCursor !== null,
          items: page.items.slice(0, MAX_TEAM_ITEMS).map((activity) => ({ id: activity.id, at: activity.at, subject: activity.subject })),
        };
      }),
    );
    return overdue.filter((member) => member.overdue > 0);
  }
}
