import type { Catalog } from './i18n';
import { errorsPt, kindNamesPt } from './errors/errors.pt';
import { pt } from './messages.pt';

export const catalog: Catalog = { messages: pt, errors: errorsPt, kinds: kindNamesPt };
