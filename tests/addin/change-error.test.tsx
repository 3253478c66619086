/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { StaleVersionDetails } from '@rapport/shared';
import { ApiError } from '../../addin/src/api/api-error';
import { ChangeError, type ChangeErrorProps } from '../../addin/src/components/ChangeError';
import { translatorFor } from '../../addin/src/i18n/catalogs';
import type { Translator } from '../../addin/src/i18n/i18n';
import { I18nProvider } from '../../addin/src/i18n/I18nContext';
import { loadTranslator } from '../../addin/src/i18n/load-translator';

// Only the clock is fake: React and Testing Library keep their real timers.
const NOW = new Date('2026-11-02T11:00:00.000Z');
beforeEach(() => {
  jest.useFakeTimers({
    now: NOW,
    doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'hrtime', 'performance'],
  });
});
afterEach(() => {
  jest.useRealTimers();
});

const morgan = { id: 'manager-1', displayName: 'Morgan Blake' };
// What the API answers a change of a contact made on version 1 after Morgan Blake changed its phones and title.
const stale = (details: Partial<StaleVersionDetails> = {}) =>
  new ApiError(412, 'RECORD.STALE_VERSION', '(English)', {
    kind: 'contact',
    id: 'c1',
    currentVersion: 2,
    current: {},
    changes: [{ by: morgan, at: '2026-11-02T09:42:00.000Z', fields: ['phones', 'title'] }],
    changedFields: ['phones', 'title'],
    ...details,
  });

function show(props: Partial<ChangeErrorProps> & { error: unknown }, translator: Translator = translatorFor('es-ES')) {
  const handlers = { onRetry: jest.fn(), onReload: jest.fn(), onApplyAgain: jest.fn() };
  render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider translator={translator}>
        <ChangeError {...handlers} timeZone="Europe/Madrid" {...props} />
      </I18nProvider>
    </FluentProvider>,
  );
  return handlers;
}

describe('ChangeError', () => {
  it('says in Spanish who changed the contact, which fields and when, and Aplicar el mío de nuevo sends the rep’s change on the new version', () => {
    const { onApplyAgain, onReload } = show({ error: stale(), myFields: ['phones', 'firstName'] });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(
      'Morgan Blake cambió Teléfonos y Cargo a las 10:42. También cambiaron Teléfonos: lo tuyo sustituirá a lo suyo. Vuelve a cargar para ver su cambio, o aplica el tuyo de nuevo encima.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Aplicar el mío de nuevo' }));
    expect(onApplyAgain).toHaveBeenCalledWith(2);
    expect(onReload).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Volver a cargar' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('names every colleague who changed it, says the day of a change made another day, and no overlap when the rep’s fields were not changed', () => {
    show({
      error: stale({
        changes: [
          { by: morgan, at: '2026-11-01T16:05:00.000Z', fields: ['phones'] },
          { by: { id: 'gone-1' }, at: '2026-11-01T15:00:00.000Z', fields: ['address', 'stageHistory'] },
        ],
        changedFields: ['address', 'phones', 'stageHistory'],
      }),
      myFields: ['title'],
    });
    // The latest change's fields first; a field the server keeps (no label) is left out; a member without a name is "someone".
    expect(screen.getByRole('alert').textContent).toContain(
      'Morgan Blake y Alguien cambiaron Teléfonos y Dirección, la última vez el 1 nov 2026, 17:05. Vuelve a cargar para ver su cambio, o aplica el tuyo de nuevo encima.',
    );
  });

  it('offers only Reload, and says so, when the caller cannot send the change again', () => {
    show({ error: stale(), onApplyAgain: undefined });
    expect(screen.getByRole('alert').textContent).toContain(
      'Morgan Blake cambió Teléfonos y Cargo a las 10:42. Lo que elegiste se conserva: vuelve a cargar para ver su cambio y aplica el tuyo de nuevo.',
    );
    expect(screen.queryByRole('button', { name: 'Aplicar el mío de nuevo' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Volver a cargar' })).toBeTruthy();
  });

  it('says someone else changed it first when the API does not say who', () => {
    show({ error: new ApiError(412, 'RECORD.STALE_VERSION', '(English)', { kind: 'contact', currentVersion: 2 }) });
    expect(screen.getByRole('alert').textContent).toContain('Otra persona cambió');
  });

  it('on the first card, before the later messages are here, says it without the fields, then with them once they load', async () => {
    const firstCard = await loadTranslator('es-ES');
    expect(firstCard.hasLater()).toBe(false);
    show({ error: stale() }, firstCard);
    expect(screen.getByRole('alert').textContent).toContain('Otra persona cambió');
    expect(screen.getByRole('alert').textContent).not.toContain('phones');
    await screen.findByText(/Morgan Blake cambió Teléfonos y Cargo a las 10:42\./);
    expect(screen.getByRole('button', { name: 'Aplicar el mío de nuevo' })).toBeTruthy();
  });

  it('says any other failure as ErrorMessage does, with Retry', () => {
    const { onRetry } = show({ error: new ApiError(0, 'NETWORK', 'offline') });
    fireEvent.click(screen.getByRole('button', { name: 'Reintentar' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
