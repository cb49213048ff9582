import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

// The chaos suite's clients: a mixed load of tickets, orders, invoices and payments through the
// gateway, as careful clients would send it — each operation carries an `Idempotency-Key` and is
// retried with the same key after a network failure or a 5xx/unavailable answer, until it gets a
// definite answer or its retry budget ends. Every operation leaves a marker in what it creates (a
// ticket's subject, an order line's or invoice's amount) so the checks can count its effects.

export type OpKind = 'ticket' | 'order' | 'invoice' | 'payment';

export interface Operation {
  kind: OpKind;
  /** Unique across the run; the marker the checks look for. */
  seq: number;
  scenario: string;
  /** 'ok': answered; 'refused': a definite error (not retried); 'gave-up': no definite answer within the budget. */
  outcome: 'ok' | 'refused' | 'gave-up' | 'pending';
  /** Attempts that failed before the last (each one a client error). */
  failedAttempts: number;
  /** The last failure seen, for the report. */
  lastError: string | null;
  /** The created record's id when answered. */
  id: string | null;
  /** For payments: the invoice paid. */
  invoiceId?: string;
  amount: string;
}

interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Codes of definite answers: the operation was refused, a retry would be refused the same way. */
const DEFINITE = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST']);

export class ChaosClient {
  private token = '';
  readonly operations: Operation[] = [];
  private seq: number;

  constructor(
    private readonly gatewayUrl: string,
    private readonly credentials: { email: string; password: string },
    firstSeq = 100_001,
    private readonly retryBudgetMs = 90_000,
  ) {
    this.seq = firstSeq;
  }

  nextSeq(): number {
    return this.seq++;
  }

  /** Signs in (retrying while the system comes up or recovers). */
  async signIn(): Promise<void> {
    const answer = await this.send<{ signIn: { accessToken: string } }>(
      'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
      { input: this.credentials },
      null,
    );
    if (!answer.data?.signIn) throw new Error(`sign-in failed: ${JSON.stringify(answer.errors)}`);
    this.token = answer.data.signIn.accessToken;
  }

  /** One operation, retried with its idempotency key until a definite answer. */
  async send<T>(query: string, variables: Record<string, unknown>, op: Operation | null): Promise<GraphQLAnswer<T>> {
    const key = randomUUID();
    const deadline = performance.now() + this.retryBudgetMs;
    let delay = 200;
    for (;;) {
      let answer: GraphQLAnswer<T> | null = null;
      let failure: string;
      try {
        const response = await fetch(this.gatewayUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': key,
            'x-request-id': `chaos-${op ? `${op.kind}-${op.seq}` : 'setup'}-${randomUUID().slice(0, 8)}`,
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(20_000),
        });
        const text = await response.text();
        try {
          answer = JSON.parse(text) as GraphQLAnswer<T>;
        } catch {
          answer = null;
        }
        const codes = (answer?.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
        if (response.status === 200 && codes.length === 0 && answer?.data) return answer;
        if (codes.includes('UNAUTHENTICATED') && op) {
          failure = 'UNAUTHENTICATED';
          await this.signIn().catch(() => undefined);
        } else if (answer && codes.length > 0 && codes.every((c) => DEFINITE.has(c))) {
          if (op) {
            op.outcome = 'refused';
            op.lastError = `${codes.join(',')}: ${answer.errors?.[0]?.message ?? ''}`;
          }
          return answer;
        } else {
          failure = `HTTP ${response.status} ${codes.join(',') || text.slice(0, 80)}`;
        }
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        failure = cause?.code ?? cause?.message ?? (error instanceof Error ? error.name : String(error));
      }
      if (op) {
        op.failedAttempts += 1;
        op.lastError = failure;
      }
      if (performance.now() + delay > deadline) {
        if (op) op.outcome = 'gave-up';
        return answer ?? { errors: [{ message: failure }] };
      }
      await sleep(delay);
      delay = Math.min(2_000, delay * 2);
    }
  }

  private start(kind: OpKind, scenario: string, amount: string, seq = this.nextSeq()): Operation {
    const op: Operation = { kind, seq, scenario, outcome: 'pending', failedAttempts: 0, lastError: null, id: null, amount };
    this.operations.push(op);
    return op;
  }

  async openTicket(scenario: string, customerId: string): Promise<void> {
    const op = this.start('ticket', scenario, '0');
    const answer = await this.send<{ openTicket: { id: string } }>(
      'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }',
      { input: { customerId, subject: ticketSubject(op.seq), priority: 'NORMAL' } },
      op,
    );
    if (answer.data?.openTicket) Object.assign(op, { outcome: 'ok', id: answer.data.openTicket.id });
  }

  async placeOrder(scenario: string, customerId: string, productId: string): Promise<void> {
    const seq = this.nextSeq();
    const op = this.start('order', scenario, markerAmount(seq), seq);
    const answer = await this.send<{ placeOrder: { id: string } }>(
      'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id } }',
      { input: { customerId, currency: 'EUR', lines: [{ productId, quantity: '1', unitPrice: { amount: op.amount, currency: 'EUR' } }] } },
      op,
    );
    if (answer.data?.placeOrder) Object.assign(op, { outcome: 'ok', id: answer.data.placeOrder.id });
  }

  /** An invoice, then a payment of its whole total: two operations, each with its own key. */
  async invoiceAndPay(scenario: string, customerId: string): Promise<void> {
    const seq = this.nextSeq();
    const invoice = this.start('invoice', scenario, markerAmount(seq), seq);
    const today = new Date().toISOString().slice(0, 10);
    const issued = await this.send<{ issueInvoice: { id: string } }>(
      'mutation($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id } }',
      { input: { customerId, total: { amount: invoice.amount, currency: 'EUR' }, dueDate: today } },
      invoice,
    );
    if (!issued.data?.issueInvoice) return;
    Object.assign(invoice, { outcome: 'ok', id: issued.data.issueInvoice.id });
    const payment = this.start('payment', scenario, invoice.amount, seq);
    payment.invoiceId = invoice.id ?? undefined;
    const paid = await this.send<{ recordPayment: { id: string } }>(
      'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }',
      { input: { invoiceId: invoice.id, amount: { amount: invoice.amount, currency: 'EUR' }, paidOn: today } },
      payment,
    );
    if (paid.data?.recordPayment) Object.assign(payment, { outcome: 'ok', id: paid.data.recordPayment.id });
  }

  /** Setup calls that must succeed (customers, a product). */
  async must<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const answer = await this.send<T>(query, variables, null);
    if (!answer.data || answer.errors?.length) throw new Error(`setup call failed: ${JSON.stringify(answer.errors)}`);
    return answer.data;
  }
}

export const ticketSubject = (seq: number): string => `chaos operation #${seq}`;
/** An amount no other operation of the run uses: the marker of order lines and invoices. */
export const markerAmount = (seq: number): string => `${seq}.00`;

/**
 * Runs `workers` loops, each sending one operation at a time (tickets, orders, invoices with their
 * payments, in turn) until `stop()`; `done` resolves when every operation in flight has an outcome.
 */
export function runLoad(client: ChaosClient, scenario: () => string, fixtures: { customerIds: string[]; productId: string }, workers = 4): { stop(): void; done: Promise<void> } {
  let stopped = false;
  const loop = async (worker: number): Promise<void> => {
    for (let i = worker; !stopped; i += 1) {
      const customerId = fixtures.customerIds[i % fixtures.customerIds.length] as string;
      const kind = i % 3;
      if (kind === 0) await client.openTicket(scenario(), customerId);
      else if (kind === 1) await client.placeOrder(scenario(), customerId, fixtures.productId);
      else await client.invoiceAndPay(scenario(), customerId);
    }
  };
  const done = Promise.all(Array.from({ length: workers }, (_, w) => loop(w))).then(() => undefined);
  return { stop: () => void (stopped = true), done };
}
