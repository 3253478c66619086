import type { Catalog } from './i18n';
import { en } from './messages.en';

export const catalog: Catalog = { messages: en };
