import { appointmentsRoute } from '@rapport/shared';
import { bindRoute, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { json } from '../http/responses';
import type { AppointmentsService } from '../services/appointments.service';

export function appointmentsRouteBindings(deps: BindDependencies, appointments: AppointmentsService): RouteBinding[] {
  return [bindRoute(deps, appointmentsRoute, async ({ principal, query }) => json(200, await appointments.appointments(principal, query)))];
}
