using SchemaTool.Planning;
using SchemaTool.Tests.Infrastructure;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Postgres.Adoption;

/// <summary>
/// The PostgreSQL classes of real application schemas that adoption lost (issue 18): each made by hand as
/// install scripts and pg_dump make them, inspected, and rebuilt from the model on an empty database with
/// the same catalog. Runs on the server SCHEMATOOL_PG_VERSION selects (13 to 18).
/// </summary>
public sealed class PostgresAdoptionTests
{
    private static int ServerVersion => PostgresServer.SelectedVersion;

    [Fact]
    public async Task Serial_columns_as_pg_dump_writes_them_keep_their_sequences()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE orders (id integer NOT NULL, note text);
            CREATE SEQUENCE orders_id_seq AS integer START WITH 1000 INCREMENT BY 5 NO MINVALUE NO MAXVALUE CACHE 1;
            ALTER SEQUENCE orders_id_seq OWNED BY orders.id;
            ALTER TABLE ONLY orders ALTER COLUMN id SET DEFAULT nextval('orders_id_seq'::regclass);
            ALTER TABLE ONLY orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
            CREATE TABLE tickets (id bigint NOT NULL, n smallint NOT NULL);
            CREATE SEQUENCE legacy_ticket_ids START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 20 CYCLE;
            ALTER SEQUENCE legacy_ticket_ids OWNED BY tickets.id;
            ALTER TABLE ONLY tickets ALTER COLUMN id SET DEFAULT nextval('legacy_ticket_ids'::regclass);
            CREATE SEQUENCE tickets_n_seq AS smallint START WITH -1 INCREMENT BY -1 MINVALUE -500 MAXVALUE -1;
            ALTER SEQUENCE tickets_n_seq OWNED BY tickets.n;
            ALTER TABLE ONLY tickets ALTER COLUMN n SET DEFAULT nextval('tickets_n_seq'::regclass);
            ALTER TABLE ONLY tickets ADD CONSTRAINT tickets_pkey PRIMARY KEY (id, n);
            CREATE TABLE plain (id serial PRIMARY KEY);
            CREATE TABLE old_dump (id integer NOT NULL PRIMARY KEY);
            CREATE SEQUENCE old_dump_id_seq START WITH 1 INCREMENT BY 1 NO MINVALUE NO MAXVALUE CACHE 1;
            ALTER SEQUENCE old_dump_id_seq AS bigint;
            ALTER SEQUENCE old_dump_id_seq OWNED BY old_dump.id;
            ALTER TABLE ONLY old_dump ALTER COLUMN id SET DEFAULT nextval('old_dump_id_seq'::regclass);
            """);
        Assert.Contains("id:   { type: serial, primary_key: true, auto_increment: { start: 1000, increment: 5 } }", db.Yaml);
        Assert.Contains("auto_increment: { sequence: legacy_ticket_ids, cache: 20, cycle: true }", db.Yaml);
        Assert.Contains("auto_increment: { increment: -1, min: -500 }", db.Yaml);
        Assert.Contains("id: { type: serial, primary_key: true }", db.Yaml);
        Assert.Contains("id: { type: serial, primary_key: true, auto_increment: { sequence_type: bigint } }", db.Yaml);
        Assert.DoesNotContain("nextval", db.Yaml);
        Assert.Empty(db.Inspection.LeftAlone);
        await db.RoundTripAsync();
    }

    [Fact]
    public async Task A_serial_changed_to_bigserial_and_back_takes_its_sequence_along()
    {
        static string Model(string type) => $"tables:\n  users:\n    columns:\n      id: {{ type: {type}, primary_key: true }}\n";
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model("serial"));
        var widen = await db.ConvergeAsync(Model("bigserial"));
        Assert.Equal("bigint", (await db.QueryAsync("SELECT format_type(seqtypid, NULL) FROM pg_sequence WHERE seqrelid = 'users_id_seq'::regclass"))[0][0]);
        await db.ConvergeAsync(Model("smallserial"));
        await db.RollbackAsync(widen.Id);
        var (again, _) = await db.PlanAsync(Model("bigserial"));
        Assert.True(again.IsEmpty, again.UpScript);
    }

    [Fact]
    public async Task A_sequence_that_is_not_a_columns_own_is_modelled_with_its_options_and_owner()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE SEQUENCE invoice_numbers START WITH 500;
            CREATE SEQUENCE shared_ids AS integer INCREMENT BY 5 MAXVALUE 100000 CACHE 3 CYCLE;
            CREATE TABLE invoices (id bigint PRIMARY KEY DEFAULT nextval('invoice_numbers'), a int DEFAULT nextval('shared_ids'));
            CREATE TABLE credits (id bigint PRIMARY KEY, b int DEFAULT nextval('shared_ids'));
            ALTER SEQUENCE shared_ids OWNED BY credits.b;
            COMMENT ON SEQUENCE invoice_numbers IS 'one per invoice';
            """);
        Assert.DoesNotContain(db.Inspection.Notices, n => n.Contains("invoice_numbers") || n.Contains("shared_ids"));
        Assert.Contains("invoice_numbers: { start: 500, comment: \"one per invoice\" }", db.Yaml);
        Assert.Contains("shared_ids: { type: integer, increment: 5, max: 100000, cache: 3, cycle: true, owned_by: credits.b }", db.Yaml);
        Assert.Contains("default_sql: \"nextval('invoice_numbers'::regclass)\"", db.Yaml);
        await db.RoundTripAsync();
    }

    [Fact]
    public async Task A_default_using_a_sequence_the_model_does_not_declare_is_refused_at_plan()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var refused = await Assert.ThrowsAsync<InputException>(() => db.PlanAsync(
            "tables:\n  invoices:\n    columns:\n      id: { type: bigint, primary_key: true, default_sql: \"nextval('invoice_numbers')\" }\n"));
        Assert.Contains("column 'invoices.id': its default uses sequence 'invoice_numbers', which the model does not declare", refused.Message);
    }

    [Fact]
    public async Task Identity_columns_keep_always_and_their_options()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 2 CACHE 5) PRIMARY KEY, body text);
            CREATE TABLE audits (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY);
            CREATE TABLE renamed (id int GENERATED ALWAYS AS IDENTITY (MAXVALUE 1000 CYCLE) PRIMARY KEY);
            ALTER TABLE renamed RENAME TO moved;
            """);
        Assert.Contains("auto_increment: { always: true, start: 10, increment: 2, cache: 5 }", db.Yaml);
        Assert.Contains("id: { type: integer, primary_key: true, auto_increment: true }", db.Yaml);
        Assert.Contains("auto_increment: { always: true, sequence: renamed_id_seq, max: 1000, cycle: true }", db.Yaml);
        await db.RoundTripAsync();
    }

    [Fact]
    public async Task Index_columns_keep_nulls_first_and_last_and_indexes_their_include_columns()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE people (id int PRIMARY KEY, name text, email text, born date);
            CREATE INDEX ix_people_name ON people (name DESC NULLS LAST, born NULLS FIRST) INCLUDE (email);
            CREATE INDEX ix_people_born ON people (born ASC NULLS LAST, name DESC NULLS FIRST);
            ALTER TABLE people ADD CONSTRAINT uq_people_email UNIQUE (email) INCLUDE (name);
            """);
        Assert.Contains("ix_people_name: { columns: [{ column: name, order: desc, nulls: last }, { column: born, nulls: first }], using: btree, include: [email] }", db.Yaml);
        Assert.Contains("ix_people_born: { columns: [born, { column: name, order: desc }], using: btree }", db.Yaml);
        Assert.Contains("uq_people_email: { columns: [email], unique: true, constraint: true, include: [name] }", db.Yaml);
        await db.RoundTripAsync();
    }

    [Fact]
    public async Task Nulls_not_distinct_is_kept_and_refused_at_plan_on_a_server_older_than_15()
    {
        const string yaml = """
            tables:
              codes:
                columns:
                  id:   { type: int, primary_key: true }
                  code: { type: text, nullable: true }
                indexes:
                  uq_codes_code: { columns: [code], unique: true, nulls_not_distinct: true }
            """;
        await using var db = await PostgresTestDatabase.CreateAsync();
        await using var session = await db.OpenAsync();
        var current = await session.IntrospectAsync(CancellationToken.None);
        if (ServerVersion < 15)
        {
            var refused = Assert.Throws<InputException>(() => Planner.Create(session.Dialect, current, ModelLoader.Load("schema/tables.yaml", yaml)));
            Assert.Contains($"index 'uq_codes_code' of 'codes': `nulls_not_distinct:` needs PostgreSQL 15 or later; this server is PostgreSQL {ServerVersion}", refused.Message);
            return;
        }
        await using var adopted = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE codes (id int PRIMARY KEY, code text, kind text);
            CREATE UNIQUE INDEX uq_codes_code ON codes (code) NULLS NOT DISTINCT;
            ALTER TABLE codes ADD CONSTRAINT uq_codes_kind UNIQUE NULLS NOT DISTINCT (kind);
            """);
        Assert.Contains("uq_codes_code: { columns: [code], unique: true, using: btree, nulls_not_distinct: true }", adopted.Yaml);
        Assert.Contains("uq_codes_kind: { columns: [kind], unique: true, constraint: true, nulls_not_distinct: true }", adopted.Yaml);
        await adopted.RoundTripAsync();
    }

    [Fact]
    public async Task Virtual_generated_columns_are_kept_on_18_and_refused_at_plan_before()
    {
        const string yaml = """
            tables:
              boxes:
                columns:
                  id:   { type: int, primary_key: true }
                  w:    { type: int }
                  area: { type: int, nullable: true, generated: { expression: "w * w" } }
                  half: { type: int, nullable: true, generated: { expression: "w / 2", stored: true } }
            """;
        await using var db = await PostgresTestDatabase.CreateAsync();
        async Task<Plan> PlanAsync()
        {
            await using var session = await db.OpenAsync();
            return Planner.Create(session.Dialect, await session.IntrospectAsync(CancellationToken.None), ModelLoader.Load("schema/tables.yaml", yaml));
        }
        if (ServerVersion < 18)
        {
            var refused = await Assert.ThrowsAsync<InputException>(PlanAsync);
            Assert.Contains($"column 'boxes.area': a virtual generated column (`stored: false`) needs PostgreSQL 18 or later; this server is PostgreSQL {ServerVersion}", refused.Message);
            return;
        }
        await using var adopted = await AdoptedDatabase.InspectAsync("CREATE TABLE boxes (id int PRIMARY KEY, w int NOT NULL, area int GENERATED ALWAYS AS (w * w), half int GENERATED ALWAYS AS (w / 2) STORED)");
        Assert.Contains("area: { type: integer, nullable: true, generated: { expression: \"w * w\" } }", adopted.Yaml);
        Assert.Contains("generated: { expression: \"w / 2\", stored: true }", adopted.Yaml);
        await adopted.RoundTripAsync();
    }

    [Fact]
    public async Task Checks_keep_no_inherit_and_unique_and_primary_keys_keep_deferrable()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE accounts (id int, code text, balance numeric,
              CONSTRAINT accounts_pkey PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED,
              CONSTRAINT uq_accounts_code UNIQUE (code) DEFERRABLE,
              CONSTRAINT ck_accounts_balance CHECK (balance >= 0) NO INHERIT);
            CREATE TABLE pairs (a int, b int, PRIMARY KEY (a, b) DEFERRABLE);
            """);
        Assert.Contains("primary_key: { columns: [id], deferrable: initially deferred }", db.Yaml);
        Assert.Contains("primary_key: { columns: [a, b], deferrable: initially immediate }", db.Yaml);
        Assert.Contains("uq_accounts_code: { columns: [code], unique: true, constraint: true, deferrable: initially immediate }", db.Yaml);
        Assert.Contains("ck_accounts_balance: { expression: \"balance >= 0::numeric\", no_inherit: true }", db.Yaml);
        await db.RoundTripAsync();
    }

    [Fact]
    public async Task Partitioned_tables_keep_their_partitions_and_the_partitions_are_not_tables()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE regions (id int PRIMARY KEY);
            CREATE TABLE events (id bigint NOT NULL, created_at date NOT NULL, region text NOT NULL, region_id int REFERENCES regions (id),
              PRIMARY KEY (id, created_at, region)) PARTITION BY RANGE (created_at);
            CREATE INDEX ix_events_region ON events (region);
            CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
            CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01') PARTITION BY LIST (region);
            CREATE TABLE events_2026_eu PARTITION OF events_2026 FOR VALUES IN ('eu', 'uk');
            CREATE TABLE events_2026_rest PARTITION OF events_2026 DEFAULT;
            CREATE TABLE events_other PARTITION OF events DEFAULT;
            CREATE TABLE shards (id int NOT NULL PRIMARY KEY) PARTITION BY HASH (id);
            CREATE TABLE shards_0 PARTITION OF shards FOR VALUES WITH (MODULUS 2, REMAINDER 0);
            CREATE TABLE shards_1 PARTITION OF shards FOR VALUES WITH (MODULUS 2, REMAINDER 1);
            CREATE TABLE shard_refs (shard_id int REFERENCES shards (id));
            """);
        var model = ModelLoader.Load("schema/tables.yaml", db.Yaml);
        Assert.Equal(["events", "regions", "shard_refs", "shards"], model.Tables.Select(t => t.Name));
        var events = model.FindTable("events")!;
        Assert.Equal(["ix_events_region"], events.Indexes.Select(i => i.Name));
        Assert.Single(events.ForeignKeys);
        Assert.Single(model.FindTable("shard_refs")!.ForeignKeys);
        Assert.Contains("partition_by: \"RANGE (created_at)\"", db.Yaml);
        Assert.Contains("events_2025: \"FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')\"", db.Yaml);
        Assert.Contains("partition_by: \"LIST (region)\"", db.Yaml);
        Assert.Contains("events_2026_eu: \"FOR VALUES IN ('eu', 'uk')\"", db.Yaml);
        Assert.Contains("events_other: \"DEFAULT\"", db.Yaml);
        Assert.Empty(db.Inspection.LeftAlone);
        await db.RoundTripAsync();

        // A partition added to the model is added to the table, and its down file drops it.
        await using var grown = await PostgresTestDatabase.CreateAsync();
        await grown.ConvergeAsync(db.Yaml);
        var (plan, _) = await grown.PlanAsync(db.Yaml.Replace("      events_other: \"DEFAULT\"",
            "      events_2024: \"FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')\"\n      events_other: \"DEFAULT\""));
        Assert.Contains("CREATE TABLE \"events_2024\" PARTITION OF \"events\" for values from ('2024-01-01') to ('2025-01-01')", plan.UpScript);
        Assert.Contains("DROP TABLE \"events_2024\"", plan.DownScript);
    }

    [Fact]
    public async Task Objects_outside_the_model_are_named_rules_and_inherited_tables_and_other_schemas_are_modelled()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE logs (id int PRIMARY KEY, body text);
            CREATE RULE logs_no_delete AS ON DELETE TO logs DO INSTEAD NOTHING;
            CREATE TABLE archived_logs (archived_at date) INHERITS (logs);
            CREATE SCHEMA billing;
            CREATE TABLE billing.invoices (id int PRIMARY KEY);
            CREATE SEQUENCE billing.invoice_no;
            CREATE VIEW billing.open_invoices AS SELECT id FROM billing.invoices;
            """);
        var notices = db.Inspection.Notices.ToList();
        Assert.Contains("rule logs_no_delete (on logs) is not in the model's scope and is left alone", notices);
        Assert.Contains("inherited table archived_logs (inherits logs) is not in the model's scope and is left alone", notices);
        Assert.Contains("billing.invoices:", db.Yaml); // a table of another schema is modelled, qualified
        Assert.Contains("billing.invoice_no:", db.Yaml); // so are its sequence and view
        Assert.Contains("billing.open_invoices:", db.Yaml);
        Assert.DoesNotContain("archived_logs:", db.Yaml);
        Assert.Contains("#   rule logs_no_delete (on logs)", db.Yaml);

        var plan = await db.PlanAsync(db.Original);
        Assert.Contains("rule logs_no_delete is not in the model's scope and is left alone", plan.Notices);
        Assert.DoesNotContain("table billing.invoices is not in the model's scope and is left alone", plan.Notices);
        await db.RoundTripAsync(leftAlone: ["archived_logs"]);
    }

    [Fact]
    public async Task Typed_literals_compare_equal_to_the_model_and_are_copied_as_written()
    {
        await using var db = await AdoptedDatabase.InspectAsync("""
            CREATE TABLE prices (
              id int PRIMARY KEY,
              qty bigint DEFAULT '2'::bigint,
              plain bigint DEFAULT 2,
              minus int DEFAULT -1,
              amount numeric DEFAULT '1'::numeric CHECK (amount = '1'::numeric OR amount > 1),
              ratio numeric CHECK (ratio = 1::numeric),
              label varchar(20) DEFAULT ''::character varying,
              note varchar DEFAULT NULL::character varying,
              day date DEFAULT ('now'::text)::date,
              doc jsonb DEFAULT '{}'::jsonb,
              docstr jsonb DEFAULT '"{}"'::jsonb,
              tags text[] DEFAULT '{}'::text[],
              at timestamptz DEFAULT now());
            """);
        Assert.Contains("qty:    { type: bigint, nullable: true, default_sql: \"'2'::bigint\" }", db.Yaml);
        await db.RoundTripAsync();

        // The model's own spellings compare equal to what the server prints: no change is planned.
        var (plan, _) = await db.Original.PlanAsync("""
            tables:
              prices:
                columns:
                  id:     { type: int, primary_key: true }
                  qty:    { type: bigint, nullable: true, default: 2 }
                  plain:  { type: bigint, nullable: true, default: 2 }
                  minus:  { type: int, nullable: true, default: -1 }
                  amount: { type: numeric, nullable: true, default: 1 }
                  ratio:  { type: numeric, nullable: true }
                  label:  { type: varchar(20), nullable: true, default: "" }
                  note:   { type: varchar, nullable: true }
                  day:    { type: date, nullable: true, default_sql: "('now'::text)::date" }
                  doc:    { type: jsonb, nullable: true, default: "{}" }
                  docstr: { type: jsonb, nullable: true, default: "\"{}\"" }
                  tags:   { type: "text[]", nullable: true, default: "{}" }
                  at:     { type: timestamptz, nullable: true, default_sql: now() }
                checks:
                  prices_amount_check: "amount = 1 OR amount > 1"
                  prices_ratio_check: "ratio = 1"
            """);
        Assert.True(plan.IsEmpty, plan.UpScript);
    }
}
