import { seedDemoTemplate } from './seeded-demo';

// Jest's global setup of the end-to-end project: the demo seeded once for every suite (seeded-demo.ts).
export default function globalSetup(): void {
  seedDemoTemplate();
}
