import { z } from 'zod';
import { shortText } from '../common/record.schema';
import type { CompanySegment } from './company-segment.rules';
import { companyTypes } from './company-types';

/** A won deal's `companySegment` (see `CompanySegment`), as the API checks and documents it. */
export const CompanySegmentSchema = z.object({
  industry: shortText(100).optional(),
  country: shortText(120).optional(),
  region: shortText(120).optional(),
  employees: z.number().int().min(0).optional(),
  type: z.enum(companyTypes).optional(),
}) satisfies z.ZodType<CompanySegment>;
