import type { Catalog } from './i18n';
import { es } from './messages.es';

export const catalog: Catalog = { messages: es };
