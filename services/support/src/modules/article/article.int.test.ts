import { randomUUID } from 'node:crypto';
import { type GraphQLResult, testCast, type TestPrincipal } from '@rapport/subgraph-kit/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { grantCustomerAccess, openTicketFor, useSupportSubgraph } from '../../testing.js';

const { agent, director, accountant } = testCast();
const subgraph = useSupportSubgraph();
const repId = randomUUID();
const rep: TestPrincipal = { role: 'SALES_REP', userId: repId, teamIds: [randomUUID()] };
const customerOfRep = randomUUID();
const customerOfOther = randomUUID();

interface ArticleView {
  id: string;
  category: string;
  status: string;
  title: string;
  body: string;
  publishedVersion: number | null;
  draft: { title: string; body: string; hasUnpublishedChanges: boolean } | null;
  versions: { version: number; title: string; body: string; publishedBy: string | null }[];
  archivedAt: string | null;
}
const articleFields = 'id category status title body publishedVersion draft { title body hasUnpublishedChanges } versions { version title body publishedBy } archivedAt';

const createMutation = `mutation Create($input: CreateArticleInput!) { createArticle(input: $input) { ${articleFields} } }`;
const updateMutation = `mutation Update($id: ID!, $input: UpdateArticleDraftInput!) { updateArticleDraft(id: $id, input: $input) { ${articleFields} } }`;
const publishMutation = `mutation Publish($id: ID!) { publishArticle(id: $id) { ${articleFields} } }`;
const archiveMutation = `mutation Archive($id: ID!) { archiveArticle(id: $id) { ${articleFields} } }`;
const restoreMutation = `mutation Restore($id: ID!) { restoreArticle(id: $id) { ${articleFields} } }`;
const linkMutation = 'mutation Link($t: ID!, $a: ID!) { linkArticleToTicket(ticketId: $t, articleId: $a) { id articles { id title } } }';
const articleQuery = `query One($id: ID!) { article(id: $id) { ${articleFields} } }`;
const searchQuery =
  'query Search($q: String!, $first: Int, $after: String) { searchArticles(query: $q, first: $first, after: $after) { edges { cursor node { rank article { id title } } } pageInfo { hasNextPage endCursor } } }';
const articleEntities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Article { id title } } }';
const ticketEntities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { id articles { id title } } } }';

const sql = subgraph.sql;
const counts = async () =>
  (
    await sql<{ articles: number; versions: number; links: number }>(
      'select (select count(*)::int from article) as articles, (select count(*)::int from article_version) as versions, (select count(*)::int from ticket_article) as links',
    )
  )[0];
const codeOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.code;
const fieldOf = (result: GraphQLResult) => result.errors?.[0]?.extensions?.field;

const articleFactory = (overrides: Record<string, unknown> = {}) => ({
  category: 'Pumps',
  title: 'Replacing the pump seal',
  body: 'Drain the pump, remove the housing and replace the worn seal with a new gasket.',
  ...overrides,
});

async function createArticle(overrides: Record<string, unknown> = {}, as: TestPrincipal = agent): Promise<ArticleView> {
  const result = await subgraph.gqlAs<{ createArticle: ArticleView }>(as, createMutation, { input: articleFactory(overrides) });
  expect(result.errors).toBeUndefined();
  return result.data!.createArticle;
}

async function publish(id: string, as: TestPrincipal = agent): Promise<ArticleView> {
  const result = await subgraph.gqlAs<{ publishArticle: ArticleView }>(as, publishMutation, { id });
  expect(result.errors).toBeUndefined();
  return result.data!.publishArticle;
}

async function publishedArticle(overrides: Record<string, unknown> = {}): Promise<ArticleView> {
  return publish((await createArticle(overrides)).id);
}

type Hit = { cursor: string; node: { rank: number; article: { id: string; title: string } } };
async function search(as: TestPrincipal, q: string, first?: number, after?: string) {
  const result = await subgraph.gqlAs<{ searchArticles: { edges: Hit[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(as, searchQuery, {
    q,
    first,
    after,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.searchArticles;
}
const foundIds = async (as: TestPrincipal, q: string): Promise<string[]> => (await search(as, q, 100)).edges.map((e) => e.node.article.id);

beforeAll(async () => {
  await grantCustomerAccess(subgraph, { customerId: customerOfRep, ownerId: repId }, { customerId: customerOfOther, ownerId: randomUUID() });
});

describe('support subgraph: knowledge base articles', () => {
  it('creates an article as a draft that its editor sees and a reader does not', async () => {
    const article = await createArticle({ title: '  Resetting the controller  ' });
    expect(article).toMatchObject({
      category: 'Pumps',
      status: 'DRAFT',
      title: 'Resetting the controller',
      publishedVersion: null,
      draft: { title: 'Resetting the controller', hasUnpublishedChanges: true },
      versions: [],
      archivedAt: null,
    });
    const asReader = await subgraph.gqlAs(rep, articleQuery, { id: article.id });
    expect(asReader.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const asDirector = await subgraph.gqlAs<{ article: ArticleView }>(director, articleQuery, { id: article.id });
    expect(asDirector.data!.article.id).toBe(article.id);
  });

  it('publishes the draft as version 1, which every signed-in user then reads without the draft', async () => {
    const created = await createArticle();
    const published = await publish(created.id);
    expect(published).toMatchObject({ status: 'PUBLISHED', publishedVersion: 1, draft: { hasUnpublishedChanges: false } });
    expect(published.versions).toEqual([{ version: 1, title: created.title, body: created.body, publishedBy: agent.userId }]);
    for (const reader of [rep, accountant]) {
      const result = await subgraph.gqlAs<{ article: ArticleView }>(reader, articleQuery, { id: created.id });
      expect(result.errors).toBeUndefined();
      expect(result.data!.article).toMatchObject({ title: created.title, publishedVersion: 1, draft: null });
    }
  });

  it('keeps showing readers the published version while the draft changes, until the next publication copies it to version 2', async () => {
    const article = await publishedArticle({ title: 'Priming the pump' });
    const updated = await subgraph.gqlAs<{ updateArticleDraft: ArticleView }>(agent, updateMutation, {
      id: article.id,
      input: { title: 'Priming the pump after winter', category: 'Maintenance' },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateArticleDraft).toMatchObject({
      category: 'Maintenance',
      title: 'Priming the pump',
      draft: { title: 'Priming the pump after winter', hasUnpublishedChanges: true },
    });
    const asReader = await subgraph.gqlAs<{ article: ArticleView }>(rep, articleQuery, { id: article.id });
    expect(asReader.data!.article.title).toBe('Priming the pump');

    const second = await publish(article.id);
    expect(second.publishedVersion).toBe(2);
    expect(second.title).toBe('Priming the pump after winter');
    expect(second.versions.map((v) => [v.version, v.title])).toEqual([
      [2, 'Priming the pump after winter'],
      [1, 'Priming the pump'],
    ]);
  });

  it('refuses to publish a draft with no changes since the last publication with CONFLICT, and writes no version', async () => {
    const article = await publishedArticle();
    const before = await counts();
    const again = await subgraph.gqlAs(agent, publishMutation, { id: article.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ARTICLE_NOTHING_TO_PUBLISH' });
    expect(await counts()).toEqual(before);
  });

  it('rejects blank and over-long fields naming them, and writes nothing', async () => {
    const before = await counts();
    const blankTitle = await subgraph.gqlAs(agent, createMutation, { input: articleFactory({ title: '  ' }) });
    expect(blankTitle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    const longCategory = await subgraph.gqlAs(agent, createMutation, { input: articleFactory({ category: 'x'.repeat(101) }) });
    expect(longCategory.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.category' });
    const article = await createArticle();
    const nothing = await subgraph.gqlAs(agent, updateMutation, { id: article.id, input: {} });
    expect(nothing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    const blankBody = await subgraph.gqlAs(agent, updateMutation, { id: article.id, input: { body: ' ' } });
    expect(blankBody.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body' });
    expect(await counts()).toEqual({ ...before!, articles: before!.articles + 1 });
  });

  it('answers an unknown article with NOT_FOUND and a malformed id with BAD_USER_INPUT', async () => {
    expect((await subgraph.gqlAs(agent, publishMutation, { id: randomUUID() })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((await subgraph.gqlAs(rep, articleQuery, { id: randomUUID() })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((await subgraph.gqlAs(agent, articleQuery, { id: 'kb-1' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('lets support agents, directors and admins write articles and forbids everyone else', async () => {
    await createArticle({}, director);
    expect((await subgraph.gql(createMutation, { input: articleFactory() })).errors).toBeUndefined();
    const article = await createArticle();
    for (const reader of [rep, accountant, { role: 'SALES_MANAGER' as const, userId: randomUUID() }]) {
      expect(codeOf(await subgraph.gqlAs(reader, createMutation, { input: articleFactory() }))).toBe('FORBIDDEN');
      expect(codeOf(await subgraph.gqlAs(reader, publishMutation, { id: article.id }))).toBe('FORBIDDEN');
      expect(codeOf(await subgraph.gqlAs(reader, updateMutation, { id: article.id, input: { title: 'Mine now' } }))).toBe('FORBIDDEN');
      expect(codeOf(await subgraph.gqlAs(reader, archiveMutation, { id: article.id }))).toBe('FORBIDDEN');
    }
    expect(codeOf(await subgraph.gqlAs(null, searchQuery, { q: 'pump' }))).toBe('UNAUTHENTICATED');
  });

  it('archives an article out of lookups and search, refuses to archive it twice, and restores it', async () => {
    const article = await publishedArticle({ title: 'Descaling the boiler', body: 'Use citric acid descaler monthly.' });
    expect(await foundIds(rep, 'descaler')).toContain(article.id);
    const archived = await subgraph.gqlAs<{ archiveArticle: ArticleView }>(agent, archiveMutation, { id: article.id });
    expect(archived.data!.archiveArticle.archivedAt).not.toBeNull();
    expect(await foundIds(rep, 'descaler')).not.toContain(article.id);
    expect(await foundIds(agent, 'descaler')).not.toContain(article.id);
    expect(codeOf(await subgraph.gqlAs(agent, articleQuery, { id: article.id }))).toBe('NOT_FOUND');
    const twice = await subgraph.gqlAs(agent, archiveMutation, { id: article.id });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ARTICLE_ALREADY_DELETED' });
    expect(codeOf(await subgraph.gqlAs(rep, restoreMutation, { id: article.id }))).toBe('FORBIDDEN');
    const restored = await subgraph.gqlAs<{ restoreArticle: ArticleView }>(agent, restoreMutation, { id: article.id });
    expect(restored.data!.restoreArticle.archivedAt).toBeNull();
    expect(await foundIds(rep, 'descaler')).toContain(article.id);
    expect(codeOf(await subgraph.gqlAs(agent, restoreMutation, { id: article.id }))).toBe('CONFLICT');
    const history = await subgraph.gqlAs<{ article: { history: { action: string }[] } }>(agent, `query($id: ID!) { article(id: $id) { history { action } } }`, {
      id: article.id,
    });
    expect(history.data!.article.history.map((h) => h.action)).toEqual(['RESTORE', 'DELETE', 'UPDATE', 'CREATE']);
  });
});

describe('support subgraph: searching articles', () => {
  it('finds published articles by stemmed words, best match (in the title) first', async () => {
    const inTitle = await publishedArticle({ title: 'Calibrating flowmeters', body: 'Steps for the yearly check.' });
    const inBody = await publishedArticle({ title: 'Yearly maintenance', body: 'Among other things, calibrate the flowmeter twice.' });
    const hits = (await search(rep, 'calibrating flowmeter')).edges;
    expect(hits.map((h) => h.node.article.id)).toEqual([inTitle.id, inBody.id]);
    expect(hits[0]!.node.rank).toBeGreaterThan(hits[1]!.node.rank);
  });

  it('searches what readers see: the latest published version, not an unpublished draft', async () => {
    const article = await publishedArticle({ title: 'Winter storage', body: 'Keep the unit frost-free.' });
    await subgraph.gqlAs(agent, updateMutation, { id: article.id, input: { body: 'Store it with antifreeze glycol.' } });
    expect(await foundIds(rep, 'glycol')).toEqual([]);
    expect(await foundIds(rep, 'frost')).toContain(article.id);
    await publish(article.id);
    expect(await foundIds(rep, 'glycol')).toEqual([article.id]);
    expect(await foundIds(rep, 'frost')).not.toContain(article.id);
  });

  it('finds never-published drafts for editors only', async () => {
    const draft = await createArticle({ title: 'Xylophone resonance notes', body: 'Internal draft.' });
    expect(await foundIds(agent, 'xylophone')).toEqual([draft.id]);
    expect(await foundIds(rep, 'xylophone')).toEqual([]);
    expect(await foundIds(accountant, 'xylophone')).toEqual([]);
  });

  it('pages by cursor through equally ranked results without repeating or skipping any', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await publishedArticle({ title: `Quokka guide ${i}`, body: 'Same words every time.' })).id);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await search(rep, 'quokka', 2, after);
      seen.push(...page.edges.map((e) => e.node.article.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toHaveLength(5);
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it('rejects a blank query, an out-of-range page size and a forged cursor, naming the argument', async () => {
    expect(fieldOf(await subgraph.gqlAs(rep, searchQuery, { q: '   ' }))).toBe('query');
    expect(fieldOf(await subgraph.gqlAs(rep, searchQuery, { q: 'pump', first: 0 }))).toBe('first');
    expect(fieldOf(await subgraph.gqlAs(rep, searchQuery, { q: 'pump', after: 'bogus' }))).toBe('after');
    const forged = Buffer.from(JSON.stringify(['1; drop table article', randomUUID()])).toString('base64url');
    expect(fieldOf(await subgraph.gqlAs(rep, searchQuery, { q: 'pump', after: forged }))).toBe('after');
  });
});

describe('support subgraph: articles linked to tickets', () => {
  it('links a published article to a ticket and lists it on the ticket; a second link is CONFLICT', async () => {
    const article = await publishedArticle({ title: 'Tightening the flange' });
    const ticketId = await openTicketFor(subgraph, customerOfRep);
    const linked = await subgraph.gqlAs<{ linkArticleToTicket: { id: string; articles: { id: string }[] } }>(agent, linkMutation, { t: ticketId, a: article.id });
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.linkArticleToTicket.articles.map((a) => a.id)).toEqual([article.id]);
    const before = await counts();
    const again = await subgraph.gqlAs(agent, linkMutation, { t: ticketId, a: article.id });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'articleId' });
    expect(await counts()).toEqual(before);
  });

  it("lets a rep link articles to their customer's ticket but answers another customer's ticket with NOT_FOUND", async () => {
    const article = await publishedArticle();
    const own = await openTicketFor(subgraph, customerOfRep);
    const other = await openTicketFor(subgraph, customerOfOther);
    expect((await subgraph.gqlAs(rep, linkMutation, { t: own, a: article.id })).errors).toBeUndefined();
    const before = await counts();
    const refused = await subgraph.gqlAs(rep, linkMutation, { t: other, a: article.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'ticketId' });
    expect(await counts()).toEqual(before);
  });

  it('answers an article the caller may not see (a reader and a draft) or an unknown one with NOT_FOUND on articleId', async () => {
    const draft = await createArticle();
    const ticketId = await openTicketFor(subgraph, customerOfRep);
    expect(fieldOf(await subgraph.gqlAs(rep, linkMutation, { t: ticketId, a: draft.id }))).toBe('articleId');
    expect((await subgraph.gqlAs(agent, linkMutation, { t: ticketId, a: randomUUID() })).errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'articleId',
    });
    expect(codeOf(await subgraph.gqlAs(accountant, linkMutation, { t: ticketId, a: draft.id }))).toBe('FORBIDDEN');
  });

  it("loads several tickets' articles in one query for links and one for articles, leaving out archived and (for readers) unpublished ones", async () => {
    const a1 = await publishedArticle({ title: 'Article one' });
    const a2 = await publishedArticle({ title: 'Article two' });
    const laterArchived = await publishedArticle({ title: 'Article archived' });
    const t1 = await openTicketFor(subgraph, customerOfRep);
    const t2 = await openTicketFor(subgraph, customerOfRep);
    const t3 = await openTicketFor(subgraph, customerOfRep);
    for (const [t, a] of [
      [t1, a1.id],
      [t1, a2.id],
      [t2, a2.id],
      [t2, laterArchived.id],
    ] as const) {
      expect((await subgraph.gqlAs(agent, linkMutation, { t, a })).errors).toBeUndefined();
    }
    await subgraph.gqlAs(agent, archiveMutation, { id: laterArchived.id });
    subgraph.resetQueries();
    const result = await subgraph.gqlAs<{ _entities: { id: string; articles: { id: string }[] }[] }>(rep, ticketEntities, {
      r: [t1, t2, t3].map((id) => ({ __typename: 'Ticket', id })),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities.map((t) => t.articles.map((a) => a.id))).toEqual([[a1.id, a2.id], [a2.id], []]);
    expect(subgraph.queries.filter((q) => /from "ticket_article"/.test(q))).toHaveLength(1);
    expect(subgraph.queries.filter((q) => /from "article"/.test(q))).toHaveLength(1);
  });
});

describe('support subgraph: Article references', () => {
  it('resolves several Article representations in one SQL select, giving readers nothing for a draft', async () => {
    const published = await publishedArticle({ title: 'Referenced one' });
    const draft = await createArticle({ title: 'Referenced draft' });
    subgraph.resetQueries();
    const asAgent = await subgraph.gqlAs<{ _entities: ({ id: string } | null)[] }>(agent, articleEntities, {
      r: [published.id, draft.id, randomUUID()].map((id) => ({ __typename: 'Article', id })),
    });
    expect(asAgent.data!._entities.map((a) => a?.id ?? null)).toEqual([published.id, draft.id, null]);
    expect(subgraph.queries.filter((q) => /from "article"/.test(q))).toHaveLength(1);
    const asRep = await subgraph.gqlAs<{ _entities: ({ id: string } | null)[] }>(rep, articleEntities, {
      r: [published.id, draft.id].map((id) => ({ __typename: 'Article', id })),
    });
    expect(asRep.data!._entities.map((a) => a?.id ?? null)).toEqual([published.id, null]);
  });
});
