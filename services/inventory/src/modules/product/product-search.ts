import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '@rapport/bus';
import { badInput, requireText } from '@rapport/errors';
import type { Viewer } from '@rapport/subgraph-kit';
import { Product, type IProduct } from './product.entity.js';

/** How many known words may stand in for one typed word (the closest). */
const CANDIDATES_PER_WORD = 10;
/** The most words a search may hold. */
const MAX_WORDS = 10;
/**
 * How many matching products are ranked when the best ones are fewer than asked: a search whose
 * typed words are all common ranks this many of its matches, not every one of them.
 */
const RANKED_AT_MOST = 2000;
/** A known word that begins with the typed one ranks just below the word itself (a word still being typed). */
const PREFIX_SIMILARITY = 0.9;
/**
 * Typed words of letters only from this length up also get stand-ins a few typing edits away
 * (`typingDistance`): one edit up to 7 letters, two from 8 — the typos trigrams miss in short words.
 */
const EDITS_FROM_LENGTH = 4;
/** Longer typed words get no edit stand-ins (fuzzystrmatch's levenshtein takes at most 255 characters; trigrams serve long words). */
const EDITS_UP_TO_LENGTH = 64;
const editsAllowed = (word: string): number => (word.length >= 8 ? 2 : 1);
const mayHaveEdits = (word: string): boolean => word.length >= EDITS_FROM_LENGTH && word.length <= EDITS_UP_TO_LENGTH && !/\p{N}/u.test(word);

/** `word` with two neighbouring characters swapped, each way that changes it ("gaer" → "ager", "gear", "gare"). */
export const neighbourSwaps = (word: string): string[] => {
  const chars = [...word];
  const variants = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    if (chars[i] === chars[i + 1]) continue;
    const swapped = [...chars];
    [swapped[i], swapped[i + 1]] = [chars[i + 1]!, chars[i]!];
    variants.add(swapped.join(''));
  }
  return [...variants];
};

/**
 * The optimal string alignment distance (restricted Damerau–Levenshtein): how many insertions,
 * deletions, substitutions and swaps of two neighbouring characters turn `a` into `b` ("gaer" →
 * "gear" is one). PostgreSQL's `levenshtein` counts a swap as two, so it only preselects.
 */
export function typingDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const width = y.length + 1;
  const d = new Array<number>((x.length + 1) * width).fill(0);
  const at = (i: number, j: number): number => d[i * width + j]!;
  for (let i = 0; i <= x.length; i++) d[i * width] = i;
  for (let j = 0; j <= y.length; j++) d[j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * width + j] = best;
    }
  }
  return at(x.length, y.length);
}

/** The words of a text as the `product.search_words` column splits them: lower-cased runs of letters and digits. */
export const searchWordsOf = (text: string): string[] => [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u))].filter((w) => w !== '');

/** A LIKE pattern for what begins with `text`. */
const likePrefix = (text: string): string => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface Candidate {
  word: number;
  known: string;
  similarity: number;
}

/**
 * The candidates of typed `words` with a similarity: a word found only as a typing edit (`similarity`
 * null) stands in when it is within the edits allowed (`typingDistance`; its similarity 1 − edits /
 * length) and the typed word is not itself a known word (a fallback for typos, not a widening of
 * words typed right).
 */
function withEdits(words: readonly string[], found: readonly (Omit<Candidate, 'similarity'> & { similarity: number | null })[]): Candidate[] {
  const known = new Set(found.filter((c) => c.known === words[c.word - 1]).map((c) => c.word));
  return found.flatMap((c): Candidate[] => {
    if (c.similarity !== null) return [{ ...c, similarity: c.similarity }];
    const typed = words[c.word - 1]!;
    if (known.has(c.word)) return [];
    const edits = typingDistance(typed, c.known);
    return edits <= editsAllowed(typed) ? [{ ...c, similarity: 1 - edits / Math.max(typed.length, c.known.length) }] : [];
  });
}

/** The ids of the products `searchProducts` answers, best first. */
async function matchingIds(em: SqlEntityManager, query: string, words: readonly string[], limit: number): Promise<string[]> {
  const swaps = words.flatMap((word, i) => (mayHaveEdits(word) ? neighbourSwaps(word).map((variant) => ({ word: i + 1, variant })) : []));
  const [codeRows, stood] = await Promise.all([
    em.execute<{ id: string }[]>(`select id from product where deleted_at is null and lower(sku) like ? order by lower(sku) = ? desc, lower(sku), id limit ?`, [
      likePrefix(query),
      query,
      limit,
    ]),
    words.length === 0
      ? Promise.resolve([])
      : // Stand-ins: close by trigrams (pg_trgm's `%`, its default threshold 0.3; words of letters only), beginning with the
        // word, or, for words that may have typing edits (letters only, 4 to 64 of them): within one Levenshtein edit
        // (two from 8 letters) among words of about its length (fuzzystrmatch), or the word with two neighbours swapped
        // (looked up exactly: Levenshtein counts a swap as two edits). Those come with similarity null (`withEdits`).
        em.execute<(Omit<Candidate, 'similarity'> & { similarity: number | null })[]>(
          `select word, known, max(similarity)::float8 as similarity from (
             select q.i::int as word, c.known, c.similarity
             from unnest(?::text[]) with ordinality as q(w, i)
             cross join lateral (
               (select v.word as known, similarity(v.word, q.w)::float8 as similarity from product_search_word v
                where v.word % q.w and v.word !~ '[[:digit:]]' order by 2 desc, 1 limit ${CANDIDATES_PER_WORD})
               union all
               (select v.word, (case when v.word = q.w then 1 else ${PREFIX_SIMILARITY} end)::float8 from product_search_word v
                where v.word >= q.w and v.word < q.w || chr(1114111) order by length(v.word), v.word limit ${CANDIDATES_PER_WORD})
               union all
               (select v.word, null::float8 from product_search_word v
                where q.w !~ '[[:digit:]]' and length(q.w) between ${EDITS_FROM_LENGTH} and ${EDITS_UP_TO_LENGTH}
                  and v.word !~ '[[:digit:]]' and length(v.word) between length(q.w) - 1 and length(q.w) + 1
                  and (case when length(v.word) <= ${EDITS_UP_TO_LENGTH + 1}
                       then levenshtein_less_equal(v.word, q.w, case when length(q.w) >= 8 then 2 else 1 end) <= case when length(q.w) >= 8 then 2 else 1 end
                       else false end)
                order by levenshtein_less_equal(v.word, q.w, 2), v.word limit ${CANDIDATES_PER_WORD})
             ) c
             union all
             select s.i, v.word, null::float8 from unnest(?::int[], ?::text[]) as s(i, w) join product_search_word v on v.word = s.w
           ) x
           group by word, known`,
          [pgArray(words), pgArray(swaps.map((s) => String(s.word))), pgArray(swaps.map((s) => s.variant))],
        ),
  ]);
  const candidates = withEdits(words, stood);
  const byCode = codeRows.map((r) => r.id);
  const perWord = words.map((_, i) => candidates.filter((c) => c.word === i + 1));
  if (perWord.some((c) => c.length === 0)) return byCode;
  const wanted = limit + byCode.length;
  const holdsOneOf = (lists: readonly (readonly string[])[]): string => lists.map(() => 'search_words && ?::text[]').join(' and ');
  // The best: every word matched by one of its closest stand-ins (they tie), by name.
  const best = perWord.map((c) => {
    const top = Math.max(...c.map((x) => x.similarity));
    return c.filter((x) => x.similarity === top).map((x) => x.known);
  });
  const found = (
    await em.execute<{ id: string }[]>(`select id from (select id, name from product where deleted_at is null and ${holdsOneOf(best)} limit ?) m order by name, id`, [
      ...best.map(pgArray),
      wanted,
    ])
  ).map((r) => r.id);
  if (found.length < wanted && perWord.some((c, i) => c.length > best[i]!.length)) {
    // Too few of the best (so all of them are found): rank the others by their closeness, then by name.
    const all = perWord.map((c) => c.map((x) => x.known));
    const score = perWord.map((c) => `greatest(${c.map(() => 'case when search_words @> array[?::text] then ?::float8 else 0 end').join(', ')})`).join(' + ');
    const rest = await em.execute<{ id: string }[]>(
      `select id from (select id, name, search_words from product
                        where deleted_at is null and ${holdsOneOf(all)} and id <> all(?::uuid[]) limit ${RANKED_AT_MOST}) m
       order by ${score} desc, name, id limit ?`,
      [...all.map(pgArray), pgArray(found), ...perWord.flatMap((c) => c.flatMap((x) => [x.known, x.similarity])), wanted - found.length],
    );
    found.push(...rest.map((r) => r.id));
  }
  return [...new Set([...byCode, ...found])].slice(0, limit);
}

/**
 * Live products matching `text`, best first, at most `first` (1..50, 20 when omitted): typo-tolerant
 * over code, name and specification together (the combination ranking). Products whose code begins
 * with the text come first (the exact code before longer ones); then products holding, for every
 * word of the text, that word or a known word standing in for it: the word itself (1), a word it
 * begins (0.9), a word close by trigrams despite a typo (its similarity, at least 0.3), or, for a
 * word of 4 or more letters not known itself, a word one typing edit away (two from 8 letters: a
 * swap of neighbours, a wrong, missing or extra letter; 1 − edits / length); ranked
 * by the sum of those closenesses, then by name.
 *
 * Fast at any catalogue size: the stand-ins come from a vocabulary of every word seen (trigram and
 * prefix indexes), the products from a GIN index on their words, and no more products are read
 * than are shown. The price: when more products tie for the best than are asked for (a common
 * word, typed right or with a typo), which of them come is the index's order (they are then sorted
 * by name); and when the best are too few, at most 2,000 of the others are ranked.
 */
export async function searchProducts(em: SqlEntityManager, _viewer: Viewer, text: string, first?: number | null): Promise<IProduct[]> {
  const query = requireText('text', text, 100).toLowerCase();
  if (query.length < 2) throw badInput('text', 'text must have at least 2 characters', 'TOO_SHORT');
  const limit = first ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw badInput('first', 'first must be between 1 and 50', 'OUT_OF_RANGE');
  const words = searchWordsOf(query);
  if (words.length > MAX_WORDS) throw badInput('text', `text may hold at most ${MAX_WORDS} words`, 'TOO_MANY_WORDS');
  const ids = await matchingIds(em, query, words, limit);
  if (ids.length === 0) return [];
  const products = await em.find(Product, { id: { $in: ids } });
  const byId = new Map(products.map((p) => [p.id, p]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
