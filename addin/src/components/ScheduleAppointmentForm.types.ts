import type { CalendarLoader } from '../data/calendar';

export type ScheduleAppointmentFormProps = {
  loadCalendar: CalendarLoader;
  /** The signed-in user: the organizer, whose calendar is checked first. */
  userEmail: string;
  /** Whom the appointment is with: a CRM contact, or (at a known company) someone not in the CRM yet. */
  contact: { id?: string; name: string; email: string };
  companyId?: string;
  /** The lead the appointment is with, when the person is a lead: it shows on the lead's timeline. */
  leadId?: string;
  deals: { id: string; name: string }[];
  /** Others on the open item who may be invited too; known contacts are linked to the appointment. */
  others: { email: string; name?: string; contactId?: string }[];
  /** After the event and the CRM appointment are booked, with what to tell the rep. */
  onBooked: (summary: string) => void;
  onCancel: () => void;
};

export const DURATIONS = [15, 30, 45, 60, 90, 120] as const;
export const METHODS = ['online-meeting', 'phone', 'in-person'] as const;
export type Method = (typeof METHODS)[number];
