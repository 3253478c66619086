import type { Catalog } from './i18n';
import { errorsIt, kindNamesIt } from './errors/errors.it';
import { it } from './messages.it';

export const catalog: Catalog = { messages: it, errors: errorsIt, kinds: kindNamesIt };
