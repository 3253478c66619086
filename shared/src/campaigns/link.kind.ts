import { defineKind } from '../kinds/kind-definition';
import { LinkInputSchema, LinkPatchSchema, LinkSchema } from './link.schema';

export const linkKind = defineKind(LinkSchema, {
  plural: 'links',
  label: 'Tracked link',
  // A campaign lists its links (`GET /api/links?campaignId=`).
  references: [{ field: 'campaignId', kind: 'campaign', link: true }],
  timeline: false,
  title: (link) => link.label,
  schemaVersion: 1,
  api: {
    input: LinkInputSchema,
    patch: LinkPatchSchema,
    filters: ['ownerId', 'campaignId'],
    // Everyone reads links (a rep inserts one into an e-mail); campaign managers and admins make and revoke them.
    write: { role: 'admin', allows: 'change tracked links', capability: 'campaignManager' },
    example: {
      input: (text, n) => ({ label: `${text} Link ${n}`, destination: `https://www.example.com/offer?ref=${n}`, channel: 'ad' }),
      patch: { label: 'Spring offer, banner' },
    },
  },
});
