import type { Catalog } from './i18n';
import { it } from './messages.it';

export const catalog: Catalog = { messages: it };
