import { z } from 'zod';
import { WebFormSubmissionSchema } from '../forms/web-form.schema';
import { defineRoute } from './route';

export const WebFormReceivedSchema = z.object({ status: z.literal('received') }).meta({ id: 'WebFormReceived' });

/**
 * The public endpoint a website's form posts to: no token, the form's key in the path. It takes JSON or an HTML
 * form's `application/x-www-form-urlencoded` body (then it redirects the browser to the form's thank-you page, or
 * shows a plain one). Whether the visitor was already known is never revealed.
 */
export const submitWebFormRoute = defineRoute({
  name: 'submit-web-form',
  method: 'POST',
  path: '/api/forms/{formKey}/leads',
  summary: "A visitor's submission of a web form: a new lead, or a note on the lead or contact with that e-mail",
  tag: 'Web form',
  auth: 'none',
  params: z.strictObject({ formKey: z.string().min(3).max(130) }),
  body: WebFormSubmissionSchema,
  success: { status: 202, schema: WebFormReceivedSchema, description: 'Received (also when dropped as spam)' },
  errors: [303, 410, 413, 415, 429],
});
