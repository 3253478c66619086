/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Contract } from '@rapport/shared';
import { termEndDate } from '@rapport/shared/contracts/contract.rules';
import { CompanyContracts } from '../../addin/src/components/contracts/CompanyContracts';
import { localDate } from '../../addin/src/data/today';
import { RecordNavigationProvider, useRecordNavigation } from '../../addin/src/taskpane/record-navigation';
// The form loads when opened: compiled up front, so that a test waits for the pane, not for ts-jest.
import '../../addin/src/components/orders/OrderContractViews';
import { fail, fakeApi, renderInPane, type FakeRoute } from './pane-harness';

// A company's service contracts on its record view, and the form that makes a new one: from today for a year, the
// tenant's reporting currency, the schema's renewal terms; checked before it is sent, the API's refusals said at their
// fields; one contract per click and retry; the new contract opens.

jest.setTimeout(60_000);

const stamp = { tenantId: 't', createdAt: '2026-01-01T00:00:00Z', createdBy: 'u', updatedAt: '2026-01-01T00:00:00Z', updatedBy: 'u', ownerId: 'u' };
const page = <T,>(items: T[]) => ({ items, nextCursor: null });
const settings = { reportingCurrency: 'GBP', exchangeRates: [{ currency: 'EUR', month: '2026-01', rate: '0.85' }], ownDomains: [], version: 2 };
const contract = (id: string, number: number, name: string, startDate: string, endDate: string, extra: Partial<Contract> = {}): Contract =>
  ({ ...stamp, id, version: 1, number, companyId: 'co1', name, covered: [], startDate, endDate, renewal: { autoRenew: false, noticeDays: 30, termMonths: 12 }, cancelled: false, ...extra }) as Contract;

function Where() {
  const navigation = useRecordNavigation();
  return <output aria-label="open record">{navigation.current ? `${navigation.current.kind}:${navigation.current.id}` : 'none'}</output>;
}

function inPane(routes: Record<string, FakeRoute>, language = 'en-US') {
  const api = fakeApi({ 'GET /api/settings': () => settings, 'GET /api/products': () => page([{ ...stamp, id: 'p1', version: 1, name: 'Hotline 24/7', unitPrice: 900, currency: 'GBP', active: true }]), ...routes });
  renderInPane(
    <RecordNavigationProvider>
      <CompanyContracts companyId="co1" />
      <Where />
    </RecordNavigationProvider>,
    { api: api.api, language },
  );
  return api;
}

// By the start of its label (a required field's ends with a star).
const field = (form: HTMLElement, label: string) => within(form).getByLabelText(new RegExp(`^${label.replace(/[()]/g, '\\$&')}`)) as HTMLInputElement;

describe("a company's service contracts", () => {
  it('lists them, the latest ending first, each with its status and days, opening it', async () => {
    const { sentTo } = inPane({
      'GET /api/contracts': () => page([contract('sc2', 2, 'Premium support', '2000-01-01', '2099-12-31'), contract('sc1', 1, 'Basic support', '2020-01-01', '2020-12-31')]),
    });
    const list = await screen.findByRole('list', { name: 'Service contracts' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'SC-2 Premium supportActiveJan 1, 2000 – Dec 31, 2099',
      'SC-1 Basic supportEndedJan 1, 2020 – Dec 31, 2020',
    ]);
    expect(sentTo('GET /api/contracts')[0]?.query).toMatchObject({ companyId: 'co1' });
    fireEvent.click(within(list).getByRole('button', { name: 'SC-1 Basic support' }));
    expect(screen.getByRole('status', { name: 'open record' }).textContent).toBe('contract:sc1');
  });

  it('says what would fill the list when there is none, and offers New contract', async () => {
    inPane({ 'GET /api/contracts': () => page([]) });
    expect(await screen.findByText('No service contracts yet. Add one to record what the customer is covered for, and until when.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New contract' })).toBeTruthy();
  });
});

describe('New contract', () => {
  it('starts today for a year in the reporting currency, checks before sending, and opens the contract it makes', async () => {
    const made = contract('sc9', 9, 'Premium support 2027', '2026-01-01', '2026-12-31');
    const { sentTo } = inPane({
      'GET /api/contracts': () => page([]),
      'POST /api/contracts': () => made,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'New contract' }));
    const form = await screen.findByRole('form', { name: 'New service contract' });
    const today = localDate(new Date());
    expect(field(form, 'Starts on').value).toBe(today);
    expect(field(form, 'Ends on').value).toBe(termEndDate(today, 12));
    expect(field(form, 'Notice (days before the end)').value).toBe('30');
    expect(field(form, 'Renewal term (months)').value).toBe('12');
    expect((within(form).getByRole('switch', { name: 'Renews by itself' }) as HTMLInputElement).checked).toBe(false);
    await waitFor(() => expect(field(form, 'Currency').value).toBe('GBP'));
    // Focus goes in, on its first field.
    expect(document.activeElement).toBe(field(form, 'Name'));

    // The end follows the start until the user picks an end.
    fireEvent.change(field(form, 'Starts on'), { target: { value: '2027-03-01' } });
    expect(field(form, 'Ends on').value).toBe('2028-02-29');
    fireEvent.change(field(form, 'Ends on'), { target: { value: '2027-02-01' } });
    fireEvent.change(field(form, 'Starts on'), { target: { value: '2027-03-02' } });
    expect(field(form, 'Ends on').value).toBe('2027-02-01');

    fireEvent.click(within(form).getByRole('button', { name: 'Save the contract' }));
    expect(await within(form).findByText('Give the contract a name.')).toBeTruthy();
    expect(within(form).getByText('Choose a day on or after the day it starts.')).toBeTruthy();
    expect(sentTo('POST /api/contracts')).toHaveLength(0);

    // What was said of a field goes when it changes.
    fireEvent.change(field(form, 'Name'), { target: { value: 'Premium support 2027' } });
    expect(within(form).queryByText('Give the contract a name.')).toBeNull();
    expect(within(form).getByText('Choose a day on or after the day it starts.')).toBeTruthy();
    fireEvent.change(field(form, 'Ends on'), { target: { value: '2028-03-01' } });
    expect(within(form).queryByText('Choose a day on or after the day it starts.')).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Add a product or service' }));
    fireEvent.change(field(form, 'From the catalog'), { target: { value: 'p1' } });
    fireEvent.change(field(form, 'Service level'), { target: { value: 'Premium' } });
    fireEvent.change(field(form, 'Answer within (hours)'), { target: { value: '4' } });
    fireEvent.change(field(form, 'Value per period'), { target: { value: '1,200' } });
    fireEvent.change(field(form, 'Period'), { target: { value: 'year' } });
    fireEvent.change(field(form, 'Notes'), { target: { value: 'Signed by the CFO' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the contract' }));

    await waitFor(() => expect(screen.getByRole('status', { name: 'open record' }).textContent).toBe('contract:sc9'));
    const [sent] = sentTo('POST /api/contracts');
    expect(sent?.body).toEqual({
      companyId: 'co1',
      name: 'Premium support 2027',
      startDate: '2027-03-02',
      endDate: '2028-03-01',
      covered: [{ productId: 'p1', name: 'Hotline 24/7' }],
      renewal: { autoRenew: false, noticeDays: 30, termMonths: 12 },
      serviceLevel: { name: 'Premium', responseHours: 4 },
      value: { amount: 1200, currency: 'GBP', period: 'year' },
      notes: 'Signed by the CFO',
    });
    expect(sent?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("says the API's refusals at their fields in the user's language, and a retry makes one contract", async () => {
    let calls = 0;
    const { sentTo } = inPane(
      {
        'GET /api/contracts': () => page([]),
        'POST /api/contracts': () =>
          ++calls === 1
            ? fail(400, 'REQUEST.VALIDATION_FAILED', { in: 'body', fields: [{ path: 'name', code: 'too_big', message: '(English)' }, { path: 'value.currency', code: 'invalid_format', message: '(English)' }] })
            : calls === 2
              ? fail(400, 'CONTRACT.END_BEFORE_START', { fields: [{ path: 'endDate', code: 'CONTRACT.END_BEFORE_START', message: '(English)' }] })
              : fail(503, 'SERVICE.UNAVAILABLE'),
      },
      'es-ES',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Nuevo contrato' }));
    const form = await screen.findByRole('form', { name: 'Nuevo contrato de servicio' });
    fireEvent.change(field(form, 'Nombre'), { target: { value: 'Soporte' } });
    fireEvent.change(field(form, 'Valor por periodo'), { target: { value: '100' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Guardar el contrato' }));
    expect(await within(form).findByText('Es demasiado largo. Acórtalo.')).toBeTruthy();
    expect(within(form).getByText('No tiene el formato correcto.')).toBeTruthy();
    expect(within(form).getByText('Hay campos que corregir. Revisa los marcados abajo y vuelve a guardar.')).toBeTruthy();

    fireEvent.click(within(form).getByRole('button', { name: 'Guardar el contrato' }));
    // A rule of the contract's own: said as its code says it, at the end date.
    const endField = field(form, 'Termina el').closest('.fui-Field') as HTMLElement;
    expect(await within(endField).findByText('Un contrato termina el mismo día en que empieza o después. Revisa las dos fechas.')).toBeTruthy();

    fireEvent.click(within(form).getByRole('button', { name: 'Guardar el contrato' }));
    fireEvent.click(await within(form).findByRole('button', { name: 'Reintentar' }));
    await waitFor(() => expect(sentTo('POST /api/contracts')).toHaveLength(4));
    const keys = new Set(sentTo('POST /api/contracts').map((request) => request.headers['idempotency-key']));
    expect(keys.size).toBe(1);
    expect(screen.getByRole('status', { name: 'open record' }).textContent).toBe('none');
  });

  it('closes on Cancel, and New contract has the focus again', async () => {
    inPane({ 'GET /api/contracts': () => page([]) });
    fireEvent.click(await screen.findByRole('button', { name: 'New contract' }));
    const form = await screen.findByRole('form', { name: 'New service contract' });
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'New contract' })));
    expect(screen.queryByRole('form', { name: 'New service contract' })).toBeNull();
  });
});
