-- Triangulate's storage, version 001. Same SQL for PGlite and PostgreSQL; applied once by migrate.ts.
--
-- `data` holds the whole record and is the only thing read back; the other columns are copies for listing,
-- filtering and indexing. It is `json`, not `jsonb`, on purpose: json keeps the text exactly as written, so a
-- record comes back with its key order and with "\u0000" or lone surrogates in article text, which jsonb
-- rejects (offsets into Article.text must survive storage unchanged).
-- Ids use COLLATE "C" so that "ordered by id" is the same byte order on every server, whatever its locale.

CREATE TABLE articles (
  id           text COLLATE "C" PRIMARY KEY,
  source       text NOT NULL,
  url          text,
  outlet       text,
  title        text NOT NULL,
  -- ISO 8601 as given ("2024", "2024-05-01", "2024-05-01T10:00:00Z"): text keeps partial dates whole.
  published_at text,
  data         json NOT NULL,
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_url_idx ON articles (url);
CREATE INDEX articles_outlet_idx ON articles (outlet);
CREATE INDEX articles_published_at_idx ON articles (published_at);

CREATE TABLE annotations (
  article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  -- Position in the analyzer output: annotations come back in the order they were saved.
  ord        int  NOT NULL,
  kind       text NOT NULL,
  start      int  NOT NULL,
  "end"      int  NOT NULL,
  data       json NOT NULL,
  PRIMARY KEY (article_id, ord)
);
CREATE INDEX annotations_kind_idx ON annotations (kind, article_id);

CREATE TABLE storylines (
  id    text COLLATE "C" PRIMARY KEY,
  ord   int  NOT NULL,
  title text NOT NULL,
  data  json NOT NULL
);
CREATE INDEX storylines_ord_idx ON storylines (ord);

-- No foreign keys to articles or storylines: a rebuild is replaced as a whole, and a story that names an
-- article stored later must not make the rebuild fail.
CREATE TABLE stories (
  id              text COLLATE "C" PRIMARY KEY,
  ord             int  NOT NULL,
  storyline_id    text COLLATE "C" NOT NULL,
  title           text NOT NULL,
  first_published text,
  last_published  text,
  data            json NOT NULL
);
CREATE INDEX stories_ord_idx ON stories (ord);
CREATE INDEX stories_storyline_idx ON stories (storyline_id);

-- Which stories an article is in: lets a server answer "stories for this article" without scanning `data`.
CREATE TABLE story_articles (
  story_id   text COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  article_id text COLLATE "C" NOT NULL,
  ord        int  NOT NULL,
  PRIMARY KEY (story_id, article_id)
);
CREATE INDEX story_articles_article_idx ON story_articles (article_id);

CREATE TABLE comparisons (
  story_id text COLLATE "C" PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
  data     json NOT NULL
);
