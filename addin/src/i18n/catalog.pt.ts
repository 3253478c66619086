import type { Catalog } from './i18n';
import { pt } from './messages.pt';

export const catalog: Catalog = { messages: pt };
