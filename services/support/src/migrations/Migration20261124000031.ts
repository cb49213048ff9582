import { Migration } from '@mikro-orm/migrations';

/**
 * The knowledge base: articles with a working draft and numbered published versions, a full-text
 * index over what each article shows (its latest published version; its draft until it is first
 * published), and the links from tickets to the articles that solved them.
 */
export class Migration20261124000031 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table article (
        id uuid primary key,
        category text not null,
        draft_title text not null,
        draft_body text not null,
        draft_updated_at timestamptz not null,
        title text null,
        body text null,
        published_version int null,
        published_at timestamptz null,
        published_by uuid null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz null,
        search tsvector generated always as (
          case when published_version is null
            then setweight(to_tsvector('english', draft_title), 'A') || setweight(to_tsvector('english', draft_body), 'B')
            else setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(body, '')), 'B')
          end
        ) stored,
        check ((published_version is null) = (title is null) and (title is null) = (body is null) and (body is null) = (published_at is null))
      );`);
    this.addSql('create index article_search_idx on article using gin (search);');
    this.addSql('create index article_category_idx on article (category) where deleted_at is null;');
    this.addSql(`
      create table article_version (
        id uuid primary key,
        article_id uuid not null references article (id),
        version int not null check (version > 0),
        title text not null,
        body text not null,
        published_at timestamptz not null,
        published_by uuid null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (article_id, version)
      );`);
    this.addSql(`
      create table ticket_article (
        id uuid primary key,
        ticket_id uuid not null references ticket (id),
        article_id uuid not null references article (id),
        linked_at timestamptz not null,
        linked_by uuid null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (ticket_id, article_id)
      );`);
    this.addSql('create index ticket_article_article_idx on ticket_article (article_id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists ticket_article;');
    this.addSql('drop table if exists article_version;');
    this.addSql('drop table if exists article;');
  }
}
