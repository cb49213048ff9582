import { on } from '@rapport/bus';
import { OrderConfirmedV2 } from '@rapport/contracts';

/** Keeps each confirmed order's number for the delivery notes (`print_order`). Raw SQL: a read copy, not audited; a redelivery changes nothing. */
export const printingHandlers = [
  on(OrderConfirmedV2, async (data, _event, em) => {
    await em.execute('insert into print_order (order_id, number) values (?, ?) on conflict (order_id) do nothing', [data.orderId, data.number]);
  }),
];
