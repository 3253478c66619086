/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import type { Activity } from '@rapport/shared';
import { Timeline } from '../../addin/src/components/Timeline';
import { FOLD_AT } from '../../addin/src/components/TimelineEntry';
import { fakeApi, renderInPane } from './pane-harness';

const stamp = { tenantId: 't', createdAt: '2026-01-01T00:00:00Z', createdBy: 'avery', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'avery', ownerId: 'avery' };
const activity = (id: string, subject: string, extra: Partial<Activity> = {}): Activity =>
  ({ ...stamp, id, version: 1, kind: 'call', subject, at: '2026-11-20T10:00:00.000Z', status: 'done', participants: [], contactIds: ['c1'], ...extra }) as Activity;

const longNote = `${'We went through the price list line by line. '.repeat(8)}The end of the note.`;
// Newest first, as the API pages them: two planned tasks (later ones first), then what happened.
const entries = [
  activity('t2', 'Send the contract', { kind: 'task', status: 'planned', at: '2026-12-10T09:00:00.000Z' }),
  activity('t1', 'Call back about pricing', { kind: 'task', status: 'planned', at: '2026-12-01T09:00:00.000Z' }),
  activity('n1', 'Pricing notes', { kind: 'note', summary: longNote, dealId: 'd1', createdBy: 'blair' }),
  activity('e1', 'Re: quote', { kind: 'email', summary: 'Thanks, the quote looks fine.', caseId: 'k1', at: '2026-11-18T10:00:00.000Z' }),
  activity('c1', 'Intro call', { notes: 'Wants a demo next week.', outcome: 'connected', at: '2026-11-10T10:00:00.000Z' }),
];
const related = { member: { avery: 'Avery Quinn', blair: 'Blair Chen' }, deal: { d1: 'Contoso renewal' }, case: { k1: '#12 Broken pump' } };

function renderTimeline() {
  const { api } = fakeApi({
    'GET /api/contacts/{id}/timeline': () => ({ items: entries, nextCursor: null, related }),
    'GET /api/contacts/{id}/work': () => ({ overdue: 0, dueToday: 0, planned: 2, capped: false }),
  });
  return renderInPane(<Timeline owner={{ kind: 'contact', id: 'c1' }} />, { api });
}

describe('Timeline', () => {
  it('shows each entry with its body, who logged it and the deal or case it belongs to, by name', async () => {
    renderTimeline();
    const history = await screen.findByLabelText('Timeline');
    expect(within(history).getByText('Thanks, the quote looks fine.')).toBeTruthy();
    expect(within(history).getByText('Wants a demo next week.')).toBeTruthy();
    expect(within(history).getByText('Logged by Blair Chen')).toBeTruthy();
    expect(within(history).getAllByText('Logged by Avery Quinn')).toHaveLength(2);
    // Each opens its record.
    expect(within(history).getByText('Deal: Contoso renewal').tagName).toBe('BUTTON');
    expect(within(history).getByText('Case #12 Broken pump').tagName).toBe('BUTTON');
  });

  it('lists planned work apart from history, the soonest first', async () => {
    renderTimeline();
    const planned = await screen.findByLabelText('Planned: Timeline');
    expect(within(planned).getAllByText(/^(Call back about pricing|Send the contract)$/).map((node) => node.textContent)).toEqual([
      'Call back about pricing',
      'Send the contract',
    ]);
    const history = screen.getByLabelText('Timeline');
    expect(within(history).queryByText('Send the contract')).toBeNull();
    expect(within(history).getByText('Intro call')).toBeTruthy();
    // What is still to do was planned by someone, not logged.
    expect(within(planned).queryByText(/^Logged by/)).toBeNull();
    expect(within(planned).getAllByText(/^Planned by /).length).toBeGreaterThan(0);
  });

  it('folds a long body to its first words until Show more', async () => {
    renderTimeline();
    const folded = await screen.findByText(/^We went through the price list/);
    expect(folded.textContent?.endsWith('…')).toBe(true);
    expect(folded.textContent!.length).toBeLessThanOrEqual(FOLD_AT + 1);
    expect(screen.queryByText(/The end of the note\.$/)).toBeNull();
    fireEvent.click(screen.getByText('Show more'));
    expect(screen.getByText(/The end of the note\.$/).textContent).toBe(longNote);
    fireEvent.click(screen.getByText('Show less'));
    expect(screen.queryByText(/The end of the note\.$/)).toBeNull();
    // Short bodies have nothing to fold.
    expect(screen.getAllByText('Show more')).toHaveLength(1);
  });

  it('shows one kind of entry at a time, and all again', async () => {
    renderTimeline();
    await screen.findByText('Intro call');
    fireEvent.click(screen.getByLabelText('Calls only'));
    expect(screen.getByLabelText('Calls only').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('Intro call')).toBeTruthy();
    expect(screen.queryByText('Re: quote')).toBeNull();
    expect(screen.queryByText('Send the contract')).toBeNull();
    fireEvent.click(screen.getByLabelText('Meetings only'));
    expect(screen.getByText('None of these among the entries shown.')).toBeTruthy();
    fireEvent.click(screen.getByText('All'));
    expect(screen.getByText('Re: quote')).toBeTruthy();
    expect(screen.getByText('Send the contract')).toBeTruthy();
  });

  it('opens a deal by its kind when no name came with the page (a server of the previous release)', async () => {
    const { api } = fakeApi({
      'GET /api/contacts/{id}/timeline': () => ({ items: [entries[2]], nextCursor: null }),
      'GET /api/contacts/{id}/work': () => ({ overdue: 0, dueToday: 0, planned: 0, capped: false }),
    });
    renderInPane(<Timeline owner={{ kind: 'contact', id: 'c1' }} />, { api });
    expect((await screen.findByText('Open the deal')).tagName).toBe('BUTTON');
    expect(screen.queryByText(/^Logged by/)).toBeNull();
  });
});
