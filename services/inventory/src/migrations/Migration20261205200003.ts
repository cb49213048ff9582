import { Migration } from '@mikro-orm/migrations';

const KINDS = ['RECEIPT', 'DELIVERY', 'TRANSFER_OUT', 'TRANSFER_IN', 'ADJUSTMENT', 'COUNT', 'LOAN_OUT', 'LOAN_RETURN', 'SAMPLE', 'CUSTOMER_RETURN', 'SUPPLIER_RETURN'];
const INBOUND = ['RECEIPT', 'TRANSFER_IN', 'LOAN_RETURN', 'CUSTOMER_RETURN'];
const OUTBOUND = ['DELIVERY', 'TRANSFER_OUT', 'LOAN_OUT', 'SAMPLE', 'SUPPLIER_RETURN'];
const list = (kinds: string[]): string => kinds.map((k) => `'${k}'`).join(', ');

/**
 * The stock ledger: `stock_move`, append-only (a trigger refuses UPDATE and DELETE; a wrong move is
 * corrected by another move), each move's sign fixed by its kind; and `stock_level`, one row per
 * product and warehouse, changed in the same transaction as each move under its row lock and
 * rebuildable from the ledger (on hand = the sum of the moves).
 */
export class Migration20261205200003 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table stock_move (
        id uuid primary key,
        product_id uuid not null references product (id),
        warehouse_id uuid not null references warehouse (id),
        kind text not null check (kind in (${list(KINDS)})),
        quantity numeric(19,3) not null,
        unit_cost numeric(19,4) null check (unit_cost >= 0),
        currency char(3) null check (currency ~ '^[A-Z]{3}$'),
        reason text null,
        reference_type text null,
        reference_id uuid null,
        actor_id uuid null,
        moved_at timestamptz not null,
        constraint stock_move_sign_check check (
          quantity <> 0
          and (kind not in (${list(INBOUND)}) or quantity > 0)
          and (kind not in (${list(OUTBOUND)}) or quantity < 0)
        ),
        constraint stock_move_cost_check check ((unit_cost is null) = (currency is null))
      );`);
    this.addSql('create index stock_move_moved_at_idx on stock_move (moved_at desc, id desc);');
    this.addSql('create index stock_move_product_idx on stock_move (product_id, warehouse_id, moved_at desc, id desc);');
    this.addSql('create index stock_move_warehouse_idx on stock_move (warehouse_id, moved_at desc, id desc);');
    this.addSql('create index stock_move_reference_idx on stock_move (reference_type, reference_id) where reference_id is not null;');
    this.addSql(`
      create function stock_move_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'stock_move is append-only: correct a move with another move';
      end
      $$;`);
    this.addSql('create trigger stock_move_append_only before update or delete on stock_move for each row execute function stock_move_append_only();');
    this.addSql(`
      create table stock_level (
        id uuid primary key,
        product_id uuid not null references product (id),
        warehouse_id uuid not null references warehouse (id),
        on_hand numeric(19,3) not null default 0,
        reserved numeric(19,3) not null default 0 check (reserved >= 0),
        incoming numeric(19,3) not null default 0 check (incoming >= 0),
        in_transit numeric(19,3) not null default 0 check (in_transit >= 0),
        updated_at timestamptz not null default now(),
        constraint stock_level_product_warehouse_key unique (product_id, warehouse_id)
      );`);
    this.addSql('create index stock_level_warehouse_idx on stock_level (warehouse_id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists stock_level;');
    this.addSql('drop table if exists stock_move;');
    this.addSql('drop function if exists stock_move_append_only();');
  }
}
