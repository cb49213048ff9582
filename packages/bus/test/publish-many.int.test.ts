import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '@rapport/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish, publishMany } from '../src/index.js';
import { createBusOrm, NoteWrittenV1 } from './bus-fixture.js';

let db: TestDatabase;
let orm: MikroORM;

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  type: string;
  payload: Record<string, unknown>;
  headers: Record<string, string>;
  created_at: string | Date;
  published_at: string | Date | null;
  position: string;
}

const outboxRow = async (messageKey: string): Promise<OutboxRow> => {
  const rows = await orm.em.fork().getConnection().execute<OutboxRow[]>('select * from outbox_message where message_key = ?', [messageKey]);
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

/** A row without what differs from event to event (its id, and what is derived from it). */
const shape = (row: OutboxRow, noteId: string) => {
  const { id, payload, headers, message_key, position: _position, ...rest } = row;
  expect(payload.id).toBe(id);
  expect(headers.ce_id).toBe(id);
  expect(message_key).toBe(noteId);
  expect(payload.subject).toBe(noteId);
  return {
    ...rest,
    payload: { ...payload, id: 'the id', subject: 'the subject', data: { ...(payload.data as object), noteId: 'the note' } },
    headers: { ...headers, ce_id: 'the id' },
  };
};

beforeAll(async () => {
  db = await createTestDatabase('bus_publish_many');
  orm = await createBusOrm(db.url);
});

afterAll(async () => {
  await orm?.close(true);
  await db?.drop();
});

describe('publishMany', () => {
  it('writes the same outbox rows as publish: envelope, metadata, headers, key and time', async () => {
    const meta = { time: new Date('2026-12-05T10:00:00.123Z'), correlationId: 'corr-1', causationId: 'cause-1', actor: randomUUID(), requestId: 'req-1' };
    const single = randomUUID();
    const em = orm.em.fork();
    publish(em, NoteWrittenV1, single, { noteId: single, text: 'same text' }, meta);
    await em.flush();

    const bulk = [randomUUID(), randomUUID(), randomUUID()];
    await orm.em.fork().transactional((tx) =>
      publishMany(
        tx,
        NoteWrittenV1,
        bulk.map((noteId) => ({ subject: noteId, data: { noteId, text: 'same text' } })),
        meta,
      ),
    );

    const expected = shape(await outboxRow(single), single);
    for (const noteId of bulk) expect(shape(await outboxRow(noteId), noteId)).toEqual(expected);
  });

  it('without metadata: each event its own id, correlated to itself, and no request header, as publish does', async () => {
    const single = randomUUID();
    const em = orm.em.fork();
    publish(em, NoteWrittenV1, single, { noteId: single, text: 'bare' });
    await em.flush();
    const bulk = [randomUUID(), randomUUID()];
    const events = await orm.em.fork().transactional((tx) =>
      publishMany(
        tx,
        NoteWrittenV1,
        bulk.map((noteId) => ({ subject: noteId, data: { noteId, text: 'bare' } })),
      ),
    );
    expect(new Set(events.map((e) => e.id)).size).toBe(2);

    const one = await outboxRow(single);
    for (const [i, noteId] of bulk.entries()) {
      const row = await outboxRow(noteId);
      expect(row.id).toBe(events[i]!.id);
      expect(row.payload).toEqual(events[i]);
      expect(new Date(row.created_at).toISOString()).toBe(events[i]!.time);
      expect(row.payload.correlationid).toBe(row.id);
      expect(Object.keys(row.headers).sort()).toEqual(Object.keys(one.headers).sort());
      expect(row.headers).toEqual({ ce_type: NoteWrittenV1.type, ce_id: row.id, correlation_id: row.id });
      expect(Object.keys(row.payload).sort()).toEqual(Object.keys(one.payload).sort());
    }
  });

  it('validates every payload against the contract and writes nothing when one is invalid', async () => {
    const good = randomUUID();
    await expect(
      orm.em.fork().transactional((tx) =>
        publishMany(tx, NoteWrittenV1, [
          { subject: good, data: { noteId: good, text: 'fine' } },
          { subject: 'bad', data: { noteId: 'not-a-uuid', text: 'bad' } },
        ]),
      ),
    ).rejects.toThrow();
    const rows = await orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*) n from outbox_message where message_key = ?', [good]);
    expect(rows[0]!.n).toBe('0');
  });

  it('refuses to write outside a transaction', async () => {
    const noteId = randomUUID();
    await expect(publishMany(orm.em.fork(), NoteWrittenV1, [{ subject: noteId, data: { noteId, text: 'loose' } }])).rejects.toThrow(/inside the transaction/);
  });
});
