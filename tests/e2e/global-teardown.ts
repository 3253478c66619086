import { removeDemoTemplate } from './seeded-demo';

export default function globalTeardown(): void {
  removeDemoTemplate();
}
