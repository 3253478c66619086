import type { Catalog } from './i18n';
import { errorsEn, kindNamesEn } from './errors/errors.en';
import { en } from './messages.en';

export const catalog: Catalog = { messages: en, errors: errorsEn, kinds: kindNamesEn };
