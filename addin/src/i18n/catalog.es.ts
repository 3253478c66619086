import type { Catalog } from './i18n';
import { errorsEs, kindNamesEs } from './errors/errors.es';
import { es } from './messages.es';

export const catalog: Catalog = { messages: es, errors: errorsEs, kinds: kindNamesEs };
