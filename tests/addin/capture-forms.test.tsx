/** @jest-environment ./tests/stubs/jsdom-with-node-environment.js */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ConvertLeadForm } from '../../addin/src/components/ConvertLeadForm';
import { LogCallForm } from '../../addin/src/components/LogCallForm';
import { OpenCaseForm } from '../../addin/src/components/OpenCaseForm';
import type { Case } from '@rapport/shared';
import { localDate } from '../../addin/src/data/today';
import { answer, fail, fakeApi, renderInPane, unreachable, type SentRequest } from './pane-harness';

// The forms that capture what happened: a call or a past meeting, a case opened from an e-mail, a lead converted with
// its deal. Each checks its fields by the contract's rules before sending, shows the API's field errors on the same
// fields, and sends one idempotency key through retries.

const system = { tenantId: 't', createdAt: '2026-11-24T10:00:00.000Z', createdBy: 'me', updatedAt: '2026-11-24T10:00:00.000Z', updatedBy: 'me', ownerId: 'me', version: 1 };
const created = (id: string) => (request: SentRequest) => answer(201, { ...system, participants: [], contactIds: [], ...(request.body as object), id });
const field = (label: RegExp | string) => screen.getByLabelText(label);
const type = (label: RegExp | string, value: string) => fireEvent.change(field(label), { target: { value } });

describe('logging a call or a past meeting', () => {
  const renderForm = (kind: 'call' | 'meeting', routes: Parameters<typeof fakeApi>[0]) => {
    const { api, sentTo } = fakeApi(routes);
    const onSaved = jest.fn();
    renderInPane(<LogCallForm kind={kind} about="Ana Costa" links={{ contactIds: ['c1'], companyId: 'co1' }} deals={[{ id: 'd1', name: 'Renewal 2027' }]} onSaved={onSaved} onCancel={() => {}} />, { api });
    return { sentTo, onSaved };
  };

  it('logs an inbound call with its outcome, duration and deal, named after its direction', async () => {
    const { sentTo, onSaved } = renderForm('call', { 'POST /api/activities': created('a1') });
    expect(field(/^Subject/)).toHaveProperty('value', 'Call to Ana Costa');
    fireEvent.click(field('They called me'));
    expect(field(/^Subject/)).toHaveProperty('value', 'Call from Ana Costa');
    type('Outcome', 'left-voicemail');
    type('Duration (minutes)', '12');
    type('Deal', 'd1');
    type('Notes', 'Asked for the revised quote.');
    fireEvent.click(screen.getByRole('button', { name: 'Save call' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('Call logged: Call from Ana Costa.'));
    const [sent] = sentTo('POST /api/activities');
    expect(sent?.body).toMatchObject({
      kind: 'call',
      direction: 'inbound',
      outcome: 'left-voicemail',
      durationMinutes: 12,
      status: 'done',
      notes: 'Asked for the revised quote.',
      contactIds: ['c1'],
      companyId: 'co1',
      dealId: 'd1',
    });
    expect(sent?.headers['idempotency-key']).toEqual(expect.any(String));
  });

  it('says at the field what is wrong before sending: a call later than now, minutes that are not whole', async () => {
    const { sentTo } = renderForm('call', { 'POST /api/activities': created('a1') });
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    type(/^Date/, localDate(tomorrow));
    type('Duration (minutes)', '1.5');
    fireEvent.click(screen.getByRole('button', { name: 'Save call' }));
    expect(await screen.findByText(/That is later than now: log it once it has happened/)).toBeTruthy();
    expect(screen.getByText('Enter whole minutes, from 0 to 20160.')).toBeTruthy();
    expect(sentTo('POST /api/activities')).toHaveLength(0);
  });

  it('shows the API’s field errors on their fields, and Retry sends the same key', async () => {
    let calls = 0;
    const { sentTo } = renderForm('call', {
      'POST /api/activities': () => (++calls === 1 ? fail(400, 'REQUEST.VALIDATION_FAILED', { fields: [{ path: 'notes', code: 'too_big', message: '(English)' }] }) : fail(409, 'ACTIVITY.NOT_STARTED', { field: 'outcome' })),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save call' }));
    expect(await screen.findByText('This is too long. Shorten it.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save call' }));
    // The server's clock says the call has not started: said at the time, as what to do.
    expect((await screen.findAllByText(/You can log how it went once it has started/)).length).toBeGreaterThan(0);
    const [first, second] = sentTo('POST /api/activities');
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
  });

  it('logs a meeting that already happened as held, with its duration', async () => {
    const { sentTo, onSaved } = renderForm('meeting', { 'POST /api/activities': created('m1') });
    expect(field(/^Subject/)).toHaveProperty('value', 'Meeting with Ana Costa');
    expect(field('Duration (minutes)')).toHaveProperty('value', '30');
    type('Outcome', 'no-show');
    fireEvent.click(screen.getByRole('button', { name: 'Save meeting' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('Meeting logged: Meeting with Ana Costa.'));
    expect(sentTo('POST /api/activities')[0]?.body).toMatchObject({ kind: 'meeting', outcome: 'no-show', durationMinutes: 30, status: 'done' });
    expect(sentTo('POST /api/activities')[0]?.body).not.toHaveProperty('direction');
  });
});

describe('opening a case from an e-mail', () => {
  const email = {
    activity: { kind: 'email' as const, subject: 'Scanner broken', at: '2026-11-24T09:00:00.000Z', contactIds: ['c1'], participants: [], internetMessageId: '<broken@fabrikam.com>' },
    readSummary: async () => 'It stays dark since the update.',
  };
  const openCase = (routes: Parameters<typeof fakeApi>[0]) => {
    const { api, sentTo } = fakeApi(routes);
    const onOpened = jest.fn<void, [string, Case]>();
    renderInPane(<OpenCaseForm subject="Scanner broken" contactId="c1" email={email} onOpened={onOpened} onCancel={() => {}} />, { api });
    return { sentTo, onOpened };
  };

  it('opens the case with its description and logs the e-mail with it, under a key derived from the case’s', async () => {
    const { sentTo, onOpened } = openCase({ 'POST /api/cases': (request) => answer(201, { ...system, ...(request.body as object), id: 'k1', number: 7, openedAt: system.createdAt, status: 'new' }), 'POST /api/activities': created('a1') });
    type('Description', 'Since the update, the scanner stays dark.');
    fireEvent.click(screen.getByRole('button', { name: 'Open case' }));
    await waitFor(() => expect(onOpened).toHaveBeenCalledWith('Case #7 is open, with this e-mail on its timeline.', expect.objectContaining({ id: 'k1' })));
    const [opened] = sentTo('POST /api/cases');
    const [logged] = sentTo('POST /api/activities');
    expect(opened?.body).toMatchObject({ subject: 'Scanner broken', description: 'Since the update, the scanner stays dark.', contactId: 'c1' });
    expect(logged?.body).toMatchObject({ kind: 'email', caseId: 'k1', internetMessageId: '<broken@fabrikam.com>', summary: 'It stays dark since the update.' });
    expect(logged?.headers['idempotency-key']).toBe(`${opened?.headers['idempotency-key']}:email`);
  });

  it('links the e-mail’s earlier log to the case, and a retry after a failure opens the same case', async () => {
    let tries = 0;
    const { sentTo, onOpened } = openCase({
      'POST /api/cases': (request) => answer(201, { ...system, ...(request.body as object), id: 'k1', number: 7, openedAt: system.createdAt, status: 'new' }),
      'POST /api/activities': () => (++tries === 1 ? unreachable() : fail(409, 'RECORD.ALREADY_LOGGED', { kind: 'activity', id: 'a9' })),
      'GET /api/activities/{id}': () => ({ ...system, ...email.activity, id: 'a9', status: 'done', version: 3 }),
      'PATCH /api/activities/{id}': (request) => ({ ...system, ...email.activity, id: 'a9', status: 'done', version: 4, ...(request.body as object) }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Open case' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onOpened).toHaveBeenCalledWith('Case #7 is open, with this e-mail on its timeline.', expect.objectContaining({ id: 'k1' })));
    const [first, second] = sentTo('POST /api/cases');
    expect(second?.headers['idempotency-key']).toBe(first?.headers['idempotency-key']);
    const [linked] = sentTo('PATCH /api/activities/{id}');
    expect(linked).toMatchObject({ params: { id: 'a9' }, body: { caseId: 'k1' } });
    expect(linked?.headers['if-match']).toBe('"3"');
  });

  it('refuses a description longer than a case takes, at the field', () => {
    openCase({});
    type('Description', 'x'.repeat(10_001));
    expect(screen.getByText('This is too long. Shorten it.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open case' })).toHaveProperty('disabled', true);
  });
});

describe('converting a lead with a deal', () => {
  const lead = { ...system, id: 'l1', lastName: 'Bianchi', companyName: 'Ponteverde', email: 'g.bianchi@ponteverde.example', source: 'manual' as const, status: 'new' as const };
  const render = () => {
    const { api, sentTo } = fakeApi({
      'GET /api/pipeline': () => ({ stages: [{ id: 'qualification', name: 'Qualification', probability: 20, kind: 'open' }], version: 1 }),
      'GET /api/settings': () => ({ reportingCurrency: 'EUR', exchangeRates: [], ownDomains: [], version: 1 }),
      'POST /api/leads/{id}/convert': () => ({ lead: { ...lead, status: 'converted' }, contact: {}, company: null, deal: null, linked: { contact: false, company: false }, activitiesMoved: 0 }),
    });
    const onConverted = jest.fn();
    renderInPane(<ConvertLeadForm lead={lead} onConverted={onConverted} />, { api });
    return { sentTo, onConverted };
  };

  it('sends the deal’s amount, the tenant’s currency and the expected close date', async () => {
    const { sentTo, onConverted } = render();
    fireEvent.click(field('Also open a deal'));
    await screen.findByLabelText('Amount (EUR)');
    type('Amount (EUR)', '18500.50');
    type('Expected close', '2027-01-31');
    fireEvent.click(screen.getByRole('button', { name: 'Convert lead' }));
    await waitFor(() => expect(onConverted).toHaveBeenCalled());
    expect(sentTo('POST /api/leads/{id}/convert')[0]?.body).toEqual({
      deal: { name: 'Ponteverde', stage: 'qualification', currency: 'EUR', amount: 18500.5, expectedCloseDate: '2027-01-31' },
    });
  });

  it('says what an amount needs before sending, and sends nothing until it is one', async () => {
    const { sentTo } = render();
    fireEvent.click(field('Also open a deal'));
    await screen.findByLabelText('Amount (EUR)');
    type('Amount (EUR)', '12.345');
    expect(screen.getByText('EUR amounts have at most 2 decimals.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Convert lead' })).toHaveProperty('disabled', true);
    expect(sentTo('POST /api/leads/{id}/convert')).toHaveLength(0);
  });
});
