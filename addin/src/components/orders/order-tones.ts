import type { OrderStatus } from '@rapport/shared/orders/order.rules';
import type { BadgeTone } from '../StatusBadge';

/** An order's status as a badge's colour: waiting grey, on its way blue, delivered green, cancelled plain. */
export const orderStatusTone: Record<OrderStatus, BadgeTone> = { confirmed: 'informative', 'in-progress': 'brand', shipped: 'brand', delivered: 'success', cancelled: 'subtle' };
