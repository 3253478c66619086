/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { QuoteSettings } from '@rapport/shared';
import { QUOTE_LOGO_MAX_BYTES } from '@rapport/shared/quotes/quote.rules';
import { QuoteSettingsAdmin } from '../../addin/src/components/quote-settings/QuoteSettingsAdmin';
import { SettingsView } from '../../addin/src/components/SettingsView';
import { answer, fail, fakeApi, renderInPane } from './pane-harness';

// Settings → Quotes: an admin names the seller, uploads a logo (checked in the browser before anything is sent), lists
// the tax rates, and chooses validity, terms, the stage an accepted quote moves its deal to, and the fallback language.

const stages = [
  { id: 'proposal', name: 'Proposal', probability: 50, kind: 'open' as const },
  { id: 'contract', name: 'Contract sent', probability: 90, kind: 'open' as const },
  { id: 'won', name: 'Won', probability: 100, kind: 'won' as const },
  { id: 'lost', name: 'Lost', probability: 0, kind: 'lost' as const },
];
const defaults: QuoteSettings = { taxRates: [], validityDays: 30, language: 'en' };
const settingsWith = (quotes: QuoteSettings, version = 3) => ({
  reportingCurrency: 'EUR',
  exchangeRates: [],
  ownDomains: [],
  staleDealDays: 14,
  neverLog: [],
  documentLimits: { maxFileMb: 25, maxMessageMb: 50 },
  goalBands: { warningBelow: 70, successFrom: 100 },
  quotes,
  version,
});

// The first bytes of a PNG, and a body: what a real logo file starts with.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4]);
const png = (name: string, size = PNG.length) => {
  const bytes = new Uint8Array(size);
  bytes.set(PNG.subarray(0, Math.min(size, PNG.length)));
  return new File([bytes], name, { type: 'image/png' });
};
const pick = (file: File) => fireEvent.change(screen.getByLabelText(/^Logo/, { selector: 'input[type="file"]' }), { target: { files: [file] } });

describe('quote settings', () => {
  it('lists the tax rates an admin adds and removes, and saves the whole settings on the version read', async () => {
    const { api, sentTo } = fakeApi({
      'GET /api/settings': () => settingsWith(defaults),
      'GET /api/pipeline': () => ({ stages, version: 1 }),
      'PATCH /api/settings': (request) => settingsWith((request.body as { quotes: QuoteSettings }).quotes, 4),
    });
    renderInPane(<QuoteSettingsAdmin />, { api });
    const form = await screen.findByRole('form', { name: 'Quote settings' });
    expect(within(form).getByText('No tax rates yet: new lines start at 0 % tax.')).toBeTruthy();
    // The accepted stage defaults to the pipeline's first won stage, by its name.
    await within(form).findByRole('option', { name: 'The first won stage (Won)' });

    fireEvent.change(within(form).getByLabelText('Seller name'), { target: { value: '  Rapport Demo Ltd ' } });
    fireEvent.change(within(form).getByLabelText('Seller address'), { target: { value: '100 Example Street\n\nLondon EC1A 1AA \nUnited Kingdom' } });
    const add = within(form).getByRole('group', { name: 'Add a tax rate' });
    const typeRate = (name: string, percent: string) => {
      fireEvent.change(within(add).getByLabelText('Name'), { target: { value: name } });
      fireEvent.change(within(add).getByLabelText('Rate (%)'), { target: { value: percent } });
      fireEvent.click(within(add).getByRole('button', { name: 'Add rate' }));
    };
    typeRate('VAT 20%', '20');
    typeRate('Reduced 5%', '5');
    typeRate('Zero', '101');
    expect(within(add).getByText('Enter a percentage from 0 to 100, with at most four decimals.')).toBeTruthy();
    typeRate('Also twenty', '20');
    expect(within(add).getByText('There is a rate of 20% already.')).toBeTruthy();
    typeRate('Super-reduced', '2,5');
    const rates = within(form).getByRole('list', { name: 'Tax rates' });
    expect(within(rates).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['VAT 20%: 20%', 'Reduced 5%: 5%', 'Super-reduced: 2.5%']);
    fireEvent.click(within(rates).getByRole('button', { name: 'Remove Super-reduced' }));
    // The first rate given is the default until the admin chooses another.
    const defaultRate = within(form).getByLabelText('Default tax rate') as HTMLSelectElement;
    expect(defaultRate.selectedOptions[0]?.textContent).toBe('VAT 20%: 20%');
    fireEvent.change(within(form).getByLabelText('Valid for (days)'), { target: { value: '45' } });
    fireEvent.change(within(form).getByLabelText('Payment terms'), { target: { value: '30 days net' } });
    fireEvent.change(within(form).getByLabelText('When a customer accepts a quote, move its deal to'), { target: { value: 'contract' } });
    fireEvent.change(within(form).getByLabelText('Language when the customer’s is unknown'), { target: { value: 'es' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save quote settings' }));

    expect(await screen.findByText('Saved. New quotes start from these settings.')).toBeTruthy();
    const [patch, ...more] = sentTo('PATCH /api/settings');
    expect(more).toEqual([]);
    expect(patch?.headers['if-match']).toBe('"3"');
    expect(patch?.body).toEqual({
      quotes: {
        sellerName: 'Rapport Demo Ltd',
        sellerAddress: '100 Example Street\nLondon EC1A 1AA\nUnited Kingdom',
        taxRates: [
          { name: 'VAT 20%', percent: 20 },
          { name: 'Reduced 5%', percent: 5 },
        ],
        defaultTaxPercent: 20,
        validityDays: 45,
        paymentTerms: '30 days net',
        acceptedStage: 'contract',
        language: 'es',
      },
    });
    // Nothing left to save: the form shows what was saved.
    expect((within(form).getByRole('button', { name: 'Save quote settings' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('refuses a logo too large or not an image in the browser, in the user’s language, and sends a fitting one as a data URL', async () => {
    const { api, sentTo } = fakeApi({
      'GET /api/settings': () => settingsWith({ ...defaults, sellerName: 'Rapport Demo Ltd' }),
      'GET /api/pipeline': () => ({ stages, version: 1 }),
      'PATCH /api/settings': (request) => settingsWith((request.body as { quotes: QuoteSettings }).quotes, 4),
    });
    renderInPane(<QuoteSettingsAdmin />, { api, language: 'es-ES' });
    await screen.findByRole('form', { name: 'Configuración de presupuestos' });
    expect(screen.getByText('Aún no hay logotipo.')).toBeTruthy();

    pick(png('logo-grande.png', QUOTE_LOGO_MAX_BYTES + 1));
    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toMatch(/^logo-grande\.png ocupa 103 kB: un logotipo puede ocupar como máximo 102 kB\. Guárdalo más pequeño/);
    expect(screen.queryByRole('img')).toBeNull();

    pick(new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'logo.png', { type: 'image/png' }));
    await screen.findByText('logo.png no es una imagen PNG ni JPEG. Guarda el logotipo como PNG o JPEG y vuelve a elegirlo.');
    expect(sentTo('PATCH /api/settings')).toHaveLength(0);

    // A real PNG, whatever the browser said its type was: previewed, then saved as the data URL of its bytes.
    pick(new File([PNG], 'logo.png', { type: '' }));
    const preview = (await screen.findByRole('img', { name: 'El logotipo que muestran los presupuestos' })) as HTMLImageElement;
    const dataUrl = `data:image/png;base64,${Buffer.from(PNG).toString('base64')}`;
    expect(preview.getAttribute('src')).toBe(dataUrl);
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Guardar la configuración de presupuestos' }));
    await screen.findByText('Guardado. Los presupuestos nuevos parten de esta configuración.');
    expect(sentTo('PATCH /api/settings')[0]?.body).toEqual({ quotes: { sellerName: 'Rapport Demo Ltd', logo: dataUrl, taxRates: [], validityDays: 30, language: 'en' } });

    fireEvent.click(screen.getByRole('button', { name: 'Quitar el logotipo' }));
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getByText('Aún no hay logotipo.')).toBeTruthy();
  });

  it('keeps what was typed when another admin saved first, and loads their settings on request', async () => {
    let saved = settingsWith({ ...defaults, taxRates: [{ name: 'VAT 20%', percent: 20 }], defaultTaxPercent: 20 });
    const { api, sentTo } = fakeApi({
      'GET /api/settings': () => saved,
      'GET /api/pipeline': () => ({ stages, version: 1 }),
      'PATCH /api/settings': () => fail(412, 'RECORD.STALE_VERSION', { kind: 'settings' }),
    });
    renderInPane(<QuoteSettingsAdmin />, { api });
    const form = await screen.findByRole('form', { name: 'Quote settings' });
    fireEvent.change(within(form).getByLabelText('Valid for (days)'), { target: { value: '60' } });
    // Meanwhile another admin gives the seller a name.
    saved = settingsWith({ ...saved.quotes, sellerName: 'Contoso Iberia SL' }, 4);
    fireEvent.click(within(form).getByRole('button', { name: 'Save quote settings' }));
    expect(await screen.findByText('Someone else changed the settings first. What you typed is kept: reload to see their change, then apply yours again.')).toBeTruthy();
    expect((within(form).getByLabelText('Valid for (days)') as HTMLInputElement).value).toBe('60');
    expect(sentTo('PATCH /api/settings')[0]?.headers['if-match']).toBe('"3"');

    fireEvent.click(within(form).getByRole('button', { name: 'Load the saved settings (your changes here are dropped)' }));
    await waitFor(() => expect((within(form).getByLabelText('Seller name') as HTMLInputElement).value).toBe('Contoso Iberia SL'));
    expect((within(form).getByLabelText('Valid for (days)') as HTMLInputElement).value).toBe('30');
  });

  it('says what a days count needs at the field, and what the API refused at its field', async () => {
    const { api, sentTo } = fakeApi({
      'GET /api/settings': () => settingsWith(defaults),
      'GET /api/pipeline': () => ({ stages, version: 1 }),
      'PATCH /api/settings': () =>
        answer(400, { error: { code: 'REQUEST.VALIDATION_FAILED', message: 'invalid', details: { fields: [{ path: 'quotes.paymentTerms', code: 'too_big', message: 'too long' }] } } }),
    });
    renderInPane(<QuoteSettingsAdmin />, { api, language: 'pt-BR' });
    const form = await screen.findByRole('form', { name: 'Configurações de orçamentos' });
    fireEvent.change(within(form).getByLabelText('Válido por (dias)'), { target: { value: '400' } });
    expect(within(form).getByText('Digite um número inteiro de dias de 1 a 365.')).toBeTruthy();
    expect((within(form).getByRole('button', { name: 'Salvar configurações de orçamentos' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('Válido por (dias)'), { target: { value: '20' } });
    fireEvent.change(within(form).getByLabelText('Condições de pagamento'), { target: { value: '30 dias líquidos' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Salvar configurações de orçamentos' }));
    await within(form).findByText('Alguns campos precisam ser corrigidos. Confira os marcados abaixo e salve novamente.');
    expect(within(form).getByText('Está longo demais. Encurte o texto.')).toBeTruthy();
    expect(sentTo('PATCH /api/settings')).toHaveLength(1);
  });

  it('is a section of the settings, read only once opened', async () => {
    const { api, sentTo } = fakeApi({
      'GET /api/settings': () => settingsWith(defaults),
      'GET /api/pipeline': () => ({ stages, version: 1 }),
    });
    renderInPane(<SettingsView />, { api });
    const toggle = await screen.findByRole('button', { name: 'Quotes' });
    expect(sentTo('GET /api/settings')).toHaveLength(0);
    fireEvent.click(toggle);
    await screen.findByRole('form', { name: 'Quote settings' });
  });
});
