/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Member, MyPreferences as Preferences } from '@rapport/shared';
import { MembersAdmin } from '../../addin/src/components/MembersAdmin';
import { MyPreferences } from '../../addin/src/components/preferences/MyPreferences';
import { fail, fakeApi, renderInPane, type SentRequest } from './pane-harness';

/** The API's preferences over one member record: each change moves its version on. */
function storedPreferences(initial: Partial<Preferences> = {}) {
  let stored: Preferences = { dailyDigest: false, quoteAnswerMail: false, digestHour: 7, timeZone: 'Europe/Madrid', language: 'en', version: 4, ...initial };
  return {
    get: () => stored,
    patch: (request: SentRequest) => {
      stored = { ...stored, ...(request.body as Partial<Preferences>), version: stored.version + 1 };
      return stored;
    },
  };
}

describe('My preferences in the pane', () => {
  it('shows the zone and language Outlook gave, and saves the daily plan by e-mail with its hour on the version read', async () => {
    const stored = storedPreferences();
    const fake = fakeApi({ 'GET /api/me/preferences': stored.get, 'PATCH /api/me/preferences': stored.patch });
    renderInPane(<MyPreferences />, { api: fake.api });

    const digest = await screen.findByRole('switch', { name: 'E-mail me the plan of my day each morning' }, { timeout: 20_000 });
    expect((screen.getByRole('combobox', { name: 'Time zone' }) as HTMLSelectElement).value).toBe('Europe/Madrid');
    expect((screen.getByRole('combobox', { name: 'Language of the e-mail' }) as HTMLSelectElement).value).toBe('en');
    expect(screen.getByText('It arrives once a day, between 7:00 AM and 10:00 AM your time.')).toBeTruthy();
    // Nothing to save until something changes.
    expect((screen.getByRole('button', { name: 'Save preferences' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(digest);
    fireEvent.change(screen.getByRole('combobox', { name: 'Send it from' }), { target: { value: '6' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Time zone' }), { target: { value: 'America/Sao_Paulo' } });
    expect(screen.getByText('It arrives once a day, between 6:00 AM and 9:00 AM your time.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save preferences' }));

    expect((await screen.findByRole('status')).textContent).toBe('Preferences saved.');
    expect(fake.sentTo('PATCH /api/me/preferences').map((request) => [request.body, request.headers['if-match']])).toEqual([
      [{ dailyDigest: true, quoteAnswerMail: false, digestHour: 6, timeZone: 'America/Sao_Paulo', language: 'en' }, '"4"'],
    ]);
    expect((screen.getByRole('switch', { name: 'E-mail me the plan of my day each morning' }) as HTMLInputElement).checked).toBe(true);
  });

  it('says in Italian what an unset zone means, and why a zone was refused', async () => {
    const fake = fakeApi({
      'GET /api/me/preferences': () => ({ dailyDigest: true, digestHour: 7, version: 2 }),
      'PATCH /api/me/preferences': () => fail(422, 'MEMBER.UNKNOWN_TIME_ZONE', { field: 'timeZone', fields: [{ path: 'timeZone', code: 'MEMBER.UNKNOWN_TIME_ZONE', message: 'x' }] }),
    });
    renderInPane(<MyPreferences />, { api: fake.api, language: 'it-IT' });
    const zone = (await screen.findByRole('combobox', { name: 'Fuso orario' }, { timeout: 20_000 })) as HTMLSelectElement;
    expect(zone.value).toBe('');
    expect(screen.getByRole('option', { name: 'Non impostato (UTC)' })).toBeTruthy();
    fireEvent.change(zone, { target: { value: 'Europe/Rome' } });
    fireEvent.click(screen.getByRole('button', { name: 'Salva preferenze' }));
    await waitFor(() => expect(screen.getAllByText('Rapport non conosce questo fuso orario. Scegline uno dall’elenco, come Europe/Rome.').length).toBeGreaterThan(0));
  });

  it('offers to load the saved preferences when they were changed elsewhere first', async () => {
    let reads = 0;
    const fake = fakeApi({
      'GET /api/me/preferences': () => (++reads === 1 ? { dailyDigest: false, digestHour: 7, version: 2 } : { dailyDigest: true, digestHour: 8, version: 3 }),
      'PATCH /api/me/preferences': () => fail(412, 'RECORD.STALE_VERSION', { kind: 'member', id: 'u', currentVersion: 3, current: {} }),
    });
    renderInPane(<MyPreferences />, { api: fake.api });
    fireEvent.click(await screen.findByRole('switch', { name: 'E-mail me the plan of my day each morning' }, { timeout: 20_000 }));
    fireEvent.click(screen.getByRole('button', { name: 'Save preferences' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Load the saved preferences' }));
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Send it from' }) as HTMLSelectElement).value).toBe('8'));
    expect(reads).toBe(2);
  });
});

describe('the daily plan of a member, in Settings → Members', () => {
  it('lets an admin switch a member’s daily plan by e-mail on, on the version read', async () => {
    let stored: Member = { tenantId: 't', id: 'a1', displayName: 'Avery Quinn', role: 'rep', version: 3, createdAt: '2026-01-01T00:00:00Z', createdBy: 'u', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u', ownerId: 'u' };
    const fake = fakeApi({
      'GET /api/members': () => ({ items: [stored], nextCursor: null }),
      'PATCH /api/members/{id}': (request) => (stored = { ...stored, ...(request.body as object), version: stored.version + 1 }),
    });
    renderInPane(<MembersAdmin />, { api: fake.api });
    fireEvent.click(await screen.findByLabelText('Change Avery Quinn', { selector: 'button' }, { timeout: 20_000 }));
    const digest = screen.getByLabelText('Avery Quinn gets the plan of their day by e-mail each morning') as HTMLInputElement;
    expect(digest.checked).toBe(false);
    fireEvent.click(digest);
    await waitFor(() => expect((screen.getByLabelText('Avery Quinn gets the plan of their day by e-mail each morning') as HTMLInputElement).checked).toBe(true));
    expect(fake.sentTo('PATCH /api/members/{id}').map((request) => [request.params.id, request.body, request.headers['if-match']])).toEqual([['a1', { dailyDigest: true }, '"3"']]);
  });
});
