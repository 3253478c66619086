// Outlook mobile's Log card (the manifest's MobileLogEventAppointmentAttendee) says "Log" until the add-in sets the open
// appointment's EventLogged custom property, and "View" after (Microsoft reserves that name for it). Custom properties
// are Mailbox 1.1 and work in read mode. Loaded with the outcome form, never with the first card; it wraps Office's
// callbacks itself, as item-categories.ts does, so that office-async.ts stays in the first card's chunk.

/** The custom property Outlook mobile reads to label its Log card "View". */
export const EVENT_LOGGED_PROPERTY = 'EventLogged';

function propertyCall<T>(call: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      call((result) => (result.status === Office.AsyncResultStatus.Succeeded ? resolve(result.value) : reject(new Error(result.error?.message ?? 'The Office call failed'))));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Marks the open appointment as logged; false when no appointment is open (or Office is not there). */
export async function markEventLogged(): Promise<boolean> {
  if (typeof Office === 'undefined') return false;
  const item = Office.context?.mailbox?.item as Office.AppointmentRead | undefined;
  if (!item || item.itemType !== Office.MailboxEnums.ItemType.Appointment || typeof item.loadCustomPropertiesAsync !== 'function') return false;
  const properties = await propertyCall<Office.CustomProperties>((callback) => item.loadCustomPropertiesAsync(callback));
  if (properties.get(EVENT_LOGGED_PROPERTY) === true) return true;
  // A boolean, as Microsoft's own sample sets it (the typings allow strings only; custom properties keep any JSON value).
  (properties.set as (name: string, value: unknown) => void).call(properties, EVENT_LOGGED_PROPERTY, true);
  await propertyCall<void>((callback) => properties.saveAsync(callback));
  return true;
}
