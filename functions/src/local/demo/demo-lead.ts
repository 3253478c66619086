import { contactDisplayName, type Activity, type Lead } from '@rapport/shared';
import { DEMO_USER_ID, type DemoData } from './demo-data';

const HOUR = 3600 * 1000;

/**
 * The lead the demo inbox has an e-mail from: the demo user's first open lead, with what happened with it so far (it
 * called in after the webinar, a note, a call back that reached voicemail), so its card shows a timeline.
 */
export function demoLeadStory(data: Pick<DemoData, 'leads' | 'tenantId'>, now: Date): { lead: Lead; activities: Activity[] } | null {
  const lead = data.leads.find((candidate) => candidate.ownerId === DEMO_USER_ID && candidate.email && ['new', 'assigned', 'in-process'].includes(candidate.status));
  if (!lead) return null;
  const name = contactDisplayName(lead);
  const base = (id: string, hoursAgo: number) => {
    const at = new Date(now.getTime() - hoursAgo * HOUR).toISOString();
    return { tenantId: data.tenantId, id: `demo-lead-story-${id}`, createdAt: at, createdBy: DEMO_USER_ID, updatedAt: at, updatedBy: DEMO_USER_ID, ownerId: DEMO_USER_ID, version: 1, at };
  };
  const links = { leadId: lead.id, contactIds: [], participants: [] };
  const activities: Activity[] = [
    { ...base('call-1', 74), ...links, kind: 'call', direction: 'inbound', subject: `Call from ${name}`, status: 'done', outcome: 'connected', durationMinutes: 12, notes: 'Saw the webinar; asks about pricing for two sites.' },
    { ...base('note-1', 73), ...links, kind: 'note', subject: 'Budget confirmed for next quarter', status: 'done', notes: 'Decision by the end of the month.' },
    { ...base('call-2', 26), ...links, kind: 'call', direction: 'outbound', subject: `Call to ${name}`, status: 'done', outcome: 'left-voicemail', durationMinutes: 2 },
  ];
  return { lead, activities };
}
