using SchemaTool.Model;
using SchemaTool;
using SchemaTool.Project;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// Objects in PostgreSQL schemas other than the managed one, named <c>schema.name</c> in the model: created after
/// their schema and dropped before it, two tables of one name in two schemas kept apart, a quoted mixed-case schema
/// kept exactly, foreign keys and indexes across schemas, inspect writing the qualified keys, rolled back exactly.
/// Checked in pg_catalog by the test's own queries.
/// </summary>
public sealed class PostgresSchemaQualifiedTests
{
    private const string Model = """
        schemas: [auth, MySchema]
        tables:
          auth.users:
            columns:
              id:    { type: serial, primary_key: true }
              email: { type: text, unique: true }
              no:    { type: serial, auto_increment: { sequence: user_numbers, start: 100 } }
            checks:
              ck_users_email: "email <> ''"
          users:
            columns:
              id: { type: int, primary_key: true }
          MySchema.Users:
            columns:
              id:    { type: int, primary_key: true }
              owner: { type: int, references: auth.users.id }
            indexes:
              ix_users_owner: { columns: [owner] }
        """;

    /// <summary>Every relation, constraint and index of the user's schemas, qualified, as the server keeps them.</summary>
    private static async Task<List<string>> CatalogAsync(PostgresTestDatabase db) =>
        (await db.QueryAsync("""
            SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname IN ('auth', 'MySchema', 'myschema')
            UNION ALL
            SELECT c.relkind::text || ' ' || c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname IN ('public', 'auth', 'MySchema') AND c.relkind IN ('r', 'i', 'S') AND c.relname NOT LIKE 'schematool%'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
            WHERE connamespace IN (SELECT oid FROM pg_namespace WHERE nspname IN ('public', 'auth', 'MySchema'))
              AND conrelid::regclass::text NOT LIKE 'schematool%'
            ORDER BY 1
            """)).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task Tables_of_other_schemas_are_created_in_their_schema_kept_apart_and_rolled_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var revision = await db.ConvergeAsync(Model, "schemas");
        var up = File.ReadAllText(revision.UpPath);
        Assert.True(up.IndexOf("CREATE SCHEMA \"auth\"", StringComparison.Ordinal) < up.IndexOf("CREATE TABLE \"auth\".\"users\"", StringComparison.Ordinal), up);
        Assert.Contains("REFERENCES \"auth\".\"users\" (\"id\")", up);

        var catalog = await CatalogAsync(db);
        Assert.Contains("r auth.users", catalog);
        Assert.Contains("r users", catalog);
        Assert.Contains("r \"MySchema\".\"Users\"", catalog);
        Assert.Contains("S auth.users_id_seq", catalog);
        Assert.Contains("S auth.user_numbers", catalog);
        Assert.Contains("i auth.uq_users_email", catalog);
        Assert.Contains("i \"MySchema\".ix_users_owner", catalog);
        Assert.Contains("constraint \"MySchema\".\"Users\" FOREIGN KEY (owner) REFERENCES auth.users(id)", catalog);
        Assert.Contains("constraint auth.users CHECK ((email <> ''::text))", catalog);
        Assert.Contains("schema MySchema", catalog);
        Assert.DoesNotContain("schema myschema", catalog);

        await db.RollbackAsync("base");
        Assert.Empty(await CatalogAsync(db));
    }

    [Fact]
    public async Task Changes_inside_another_schema_alter_that_schemas_table_and_the_down_file_undoes_them()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "schemas");
        var before = await CatalogAsync(db);

        var changed = Model
            .Replace("      email: { type: text, unique: true }\n", "      email: { type: text, unique: true }\n      name:  { type: text, nullable: true }\n")
            .Replace("    checks:\n      ck_users_email: \"email <> ''\"\n", "")
            .Replace("ix_users_owner: { columns: [owner] }", "ix_users_owner_id: { columns: [owner, id] }");
        var revision = await db.ConvergeAsync(changed, "change auth");
        var up = File.ReadAllText(revision.UpPath);
        Assert.Contains("ALTER TABLE \"auth\".\"users\" ADD COLUMN \"name\" text", up);
        Assert.Contains("ALTER TABLE \"auth\".\"users\" DROP CONSTRAINT \"ck_users_email\"", up);
        Assert.Contains("DROP INDEX CONCURRENTLY \"MySchema\".\"ix_users_owner\"", up);
        Assert.DoesNotContain("\"users\" ADD COLUMN", up.Replace("\"auth\".\"users\" ADD COLUMN", ""));

        await db.RollbackAsync(revision.Parents[0]);
        Assert.Equal(before, await CatalogAsync(db));
    }

    [Fact]
    public async Task A_schemas_tables_are_dropped_before_it_and_a_schema_left_out_with_tables_is_refused()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var created = await db.ConvergeAsync(Model, "schemas");
        var down = File.ReadAllText(created.DownPath);
        Assert.True(down.IndexOf("DROP TABLE \"MySchema\".\"Users\"", StringComparison.Ordinal) < down.IndexOf("DROP TABLE \"auth\".\"users\"", StringComparison.Ordinal), down);
        Assert.True(down.IndexOf("DROP TABLE \"auth\".\"users\"", StringComparison.Ordinal) < down.IndexOf("DROP SCHEMA \"auth\"", StringComparison.Ordinal), down);

        // Left out of the model, a schema's tables are another application's: named and left alone, never dropped.
        const string UsersOnly = "tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n";
        var refused = await Assert.ThrowsAsync<InputException>(() => db.PlanOnlyAsync(UsersOnly));
        Assert.Contains("schema 'auth': the model leaves it out, but it holds what schematool leaves alone (table auth.users)", refused.Message);

        var emptied = await db.ConvergeAsync("schemas: [auth, MySchema]\n" + UsersOnly, "empty the schemas");
        var up = File.ReadAllText(emptied.UpPath);
        Assert.True(up.IndexOf("DROP TABLE \"MySchema\".\"Users\"", StringComparison.Ordinal) < up.IndexOf("DROP TABLE \"auth\".\"users\"", StringComparison.Ordinal), up);
        await db.ConvergeAsync(UsersOnly, "drop the schemas");
        Assert.DoesNotContain("schema auth", await CatalogAsync(db));
    }

    [Fact]
    public async Task Tables_of_a_schema_the_model_does_not_name_are_never_dropped()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ExecuteAsync("CREATE SCHEMA other; CREATE TABLE other.kept (id int)");
        var refused = await Assert.ThrowsAsync<InputException>(() => db.PlanOnlyAsync("tables:\n  users:\n    columns:\n      id: { type: int, primary_key: true }\n"));
        Assert.Contains("schema 'other': the model leaves it out, but it holds what schematool leaves alone (table other.kept)", refused.Message);
        Assert.Single(await db.QueryAsync("SELECT 1 FROM pg_class WHERE oid = 'other.kept'::regclass"));
    }

    [Fact]
    public async Task Inspect_writes_qualified_keys_that_load_back_to_an_empty_plan()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ExecuteAsync("""
            CREATE SCHEMA "MySchema"; CREATE SCHEMA myschema;
            CREATE TABLE "MySchema".users (id int PRIMARY KEY, quoted_col text);
            CREATE TABLE myschema.users (id int PRIMARY KEY, unquoted_col text, owner_id int REFERENCES "MySchema".users (id));
            """);
        await using var session = await db.OpenAsync();
        var inspection = await Inspector.InspectAsync(session, CancellationToken.None);
        var yaml = ModelWriter.Write(inspection.Schema);
        Assert.Contains("MySchema.users:", yaml);
        Assert.Contains("myschema.users:", yaml);
        Assert.Contains("MySchema.users", yaml[yaml.IndexOf("myschema.users:", StringComparison.Ordinal)..]);
        Assert.Empty(inspection.Schema.Unmanaged);

        var plan = await db.PlanOnlyAsync(yaml);
        Assert.True(plan.IsEmpty, plan.UpScript);
    }

    [Fact]
    public async Task A_name_qualified_by_the_managed_schema_or_an_undeclared_one_is_refused_at_plan()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var managed = await Assert.ThrowsAsync<InputException>(() =>
            db.PlanOnlyAsync("tables:\n  public.users:\n    columns:\n      id: { type: int, primary_key: true }\n"));
        Assert.Contains("schema.yaml:2:3: table 'public.users': public is the schema this database is managed in", managed.Message);
        Assert.Contains("write 'users'", managed.Message);

        // Declared by the database alone is not enough: the plan would drop the schema the model leaves out.
        await db.ExecuteAsync("CREATE SCHEMA billing");
        var undeclared = await Assert.ThrowsAsync<InputException>(() =>
            db.PlanOnlyAsync("tables:\n  billing.invoices:\n    columns:\n      id: { type: int, primary_key: true }\n"));
        Assert.Contains("schema.yaml:2:3: table 'billing.invoices': schema 'billing' is not declared: add it to `schemas:`", undeclared.Message);

        var twoDots = await Assert.ThrowsAsync<InputException>(() =>
            db.PlanOnlyAsync("schemas: [a]\ntables:\n  a.b.c:\n    columns:\n      id: { type: int, primary_key: true }\n"));
        Assert.Contains("table name 'a.b.c' is not a name or schema.name", twoDots.Message);
        Assert.Empty(await db.QueryAsync("SELECT 1 FROM pg_namespace WHERE nspname = 'a'"));
        Assert.Empty(await db.QueryAsync("SELECT 1 FROM pg_class WHERE relname = 'invoices'"));
    }

    private const string Types = """
        schemas: [billing]
        types:
          billing.mood:  { enum: [sad, ok, happy] }
          billing.email: { domain: text, check: "VALUE ~ '@'", comment: addresses }
          mood:          { enum: [low, high] }
        tables:
          billing.invoices:
            columns:
              id:         { type: int, primary_key: true }
              mood:       { type: billing.mood, default: ok }
              contact:    { type: billing.email, nullable: true }
              local_mood: { type: mood, nullable: true }
        """;

    /// <summary>The user's types, qualified where outside public, with their values or base type; and the invoices' column types.</summary>
    private static async Task<List<string>> TypesAsync(PostgresTestDatabase db) =>
        (await db.QueryAsync("""
            SELECT 'type ' || t.oid::regtype::text || CASE WHEN t.typbasetype <> 0 THEN ' ' || format_type(t.typbasetype, NULL) ELSE '' END ||
                   coalesce((SELECT ' (' || string_agg(enumlabel, ', ' ORDER BY enumsortorder) || ')' FROM pg_enum WHERE enumtypid = t.oid), '')
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname IN ('public', 'billing') AND t.typtype IN ('e', 'd')
            UNION ALL
            SELECT 'column ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
            WHERE a.attrelid = to_regclass('billing.invoices') AND a.attnum > 0
            ORDER BY 1
            """)).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task Enums_and_domains_of_another_schema_are_created_before_their_columns_altered_renamed_and_rolled_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var created = await db.ConvergeAsync(Types, "types");
        var up = File.ReadAllText(created.UpPath);
        Assert.Contains("CREATE TYPE \"billing\".\"mood\" AS ENUM ('sad', 'ok', 'happy')", up);
        Assert.Contains("CREATE DOMAIN \"billing\".\"email\" AS text", up);
        Assert.True(up.IndexOf("CREATE SCHEMA \"billing\"", StringComparison.Ordinal) < up.IndexOf("CREATE TYPE \"billing\".\"mood\"", StringComparison.Ordinal), up);
        Assert.True(up.IndexOf("CREATE TYPE \"billing\".\"mood\"", StringComparison.Ordinal) < up.IndexOf("CREATE TABLE \"billing\".\"invoices\"", StringComparison.Ordinal), up);
        var before = await TypesAsync(db);
        Assert.Equal([
            "column contact billing.email", "column id integer", "column local_mood mood", "column mood billing.mood",
            "type billing.email text", "type billing.mood (sad, ok, happy)", "type mood (low, high)"], before);

        // A value added, the type renamed: its column follows it, and the down file undoes both.
        var changed = Types
            .Replace("billing.mood:  { enum: [sad, ok, happy] }", "billing.feeling: { enum: [sad, ok, happy, great], renamed_from: billing.mood }")
            .Replace("{ type: billing.mood, default: ok }", "{ type: billing.feeling, default: ok }");
        var revision = await db.ConvergeAsync(changed, "rename mood");
        var renamed = File.ReadAllText(revision.UpPath);
        Assert.Contains("ALTER TYPE \"billing\".\"mood\" RENAME TO \"feeling\"", renamed);
        Assert.Contains("ALTER TYPE \"billing\".\"feeling\" ADD VALUE 'great'", renamed);
        Assert.DoesNotContain("ALTER COLUMN", renamed);
        Assert.Contains("column mood billing.feeling", await TypesAsync(db));
        Assert.Contains("type billing.feeling (sad, ok, happy, great)", await TypesAsync(db));

        await db.RollbackAsync(revision.Parents[0]);
        Assert.Equal(before, await TypesAsync(db));
        await db.RollbackAsync("base");
        Assert.Empty(await TypesAsync(db));
    }

    private const string Views = """
        schemas: [base, derived, analytics]
        sequences:
          base.event_no: { start: 100 }
        tables:
          base.raw_events:
            columns:
              id:         { type: int, primary_key: true }
              no:         { type: bigint, default_sql: "nextval('base.event_no')" }
              event_type: { type: text, nullable: true }
        views:
          summary:                  { sql: "SELECT * FROM analytics.event_summary" }
          analytics.event_summary:  { sql: "select event_type, count(*) as n from derived.processed_events group by event_type" }
          derived.processed_events: { sql: "SELECT id, event_type FROM base.raw_events WHERE event_type IS NOT NULL" }
        """;

    /// <summary>Each view and sequence of the user's schemas with its definition, as the server keeps them.</summary>
    private static async Task<List<string>> ViewsAsync(PostgresTestDatabase db) =>
        (await db.QueryAsync("""
            SELECT c.relkind::text || ' ' || c.oid::regclass::text || CASE WHEN c.relkind = 'v' THEN ': ' || pg_get_viewdef(c.oid, true) ELSE '' END
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname IN ('public', 'base', 'derived', 'analytics') AND c.relkind IN ('v', 'S')
            ORDER BY 1
            """)).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task A_chain_of_views_across_three_schemas_is_created_in_order_recreated_around_a_change_and_rolled_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var created = await db.ConvergeAsync(Views, "views");
        var up = File.ReadAllText(created.UpPath);
        int At(string text) => up.IndexOf(text, StringComparison.Ordinal) is var at and >= 0 ? at : throw new Xunit.Sdk.XunitException($"no {text} in\n{up}");
        Assert.True(At("CREATE SEQUENCE \"base\".\"event_no\"") < At("CREATE TABLE \"base\".\"raw_events\""), up);
        Assert.True(At("CREATE SCHEMA \"derived\"") < At("CREATE VIEW \"derived\".\"processed_events\""), up);
        Assert.True(At("CREATE VIEW \"derived\".\"processed_events\"") < At("CREATE VIEW \"analytics\".\"event_summary\""), up);
        Assert.True(At("CREATE VIEW \"analytics\".\"event_summary\"") < At("CREATE VIEW \"summary\""), up);
        var before = await ViewsAsync(db);
        Assert.Contains("S base.event_no", before);
        Assert.Contains(before, v => v.StartsWith("v analytics.event_summary: ", StringComparison.Ordinal) && v.Contains("FROM derived.processed_events"));

        // The column the first view reads changes type: the chain is dropped before and created after, in order.
        var widened = await db.ConvergeAsync(Views.Replace("event_type: { type: text, nullable: true }", "event_type: { type: varchar(50), nullable: true }"), "widen");
        var change = File.ReadAllText(widened.UpPath);
        Assert.True(change.IndexOf("DROP VIEW \"summary\"", StringComparison.Ordinal) < change.IndexOf("DROP VIEW \"derived\".\"processed_events\"", StringComparison.Ordinal), change);
        Assert.True(change.IndexOf("ALTER COLUMN \"event_type\" TYPE", StringComparison.Ordinal) < change.IndexOf("CREATE VIEW \"derived\".\"processed_events\"", StringComparison.Ordinal), change);

        await db.RollbackAsync(widened.Parents[0]);
        Assert.Equal(before, await ViewsAsync(db));
        await db.RollbackAsync("base");
        Assert.Empty(await ViewsAsync(db));
    }

    private const string Routines = """
        schemas: [auth]
        functions:
          auth.touch:
            definition: "CREATE FUNCTION auth.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.seen := now(); RETURN NEW; END $$"
            comment: stamps rows
          touch:
            definition: "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$"
        tables:
          auth.users:
            columns:
              id:   { type: int, primary_key: true }
              seen: { type: timestamptz, nullable: true }
        triggers:
          users_touch: { table: auth.users, timing: before, events: [update], for_each: row, execute: auth.touch() }
        """;

    /// <summary>The user's functions (qualified, with their comment) and triggers as pg_get_triggerdef prints them.</summary>
    private static async Task<List<string>> RoutinesAsync(PostgresTestDatabase db) =>
        (await db.QueryAsync("""
            SELECT 'function ' || p.oid::regprocedure::text || ' ' || coalesce(obj_description(p.oid, 'pg_proc'), '-')
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('public', 'auth')
            UNION ALL
            SELECT 'trigger ' || pg_get_triggerdef(t.oid, true) FROM pg_trigger t WHERE NOT t.tgisinternal
            ORDER BY 1
            """)).Select(r => (string)r[0]!).ToList();

    [Fact]
    public async Task Functions_and_triggers_of_another_schema_are_created_compared_canonically_and_rolled_back()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        var created = await db.ConvergeAsync(Routines, "routines");
        var up = File.ReadAllText(created.UpPath);
        Assert.Contains("CREATE TRIGGER \"users_touch\" BEFORE UPDATE ON \"auth\".\"users\"", up);
        Assert.Contains("COMMENT ON FUNCTION \"auth\".\"touch\"() IS 'stamps rows'", up);
        Assert.Equal([
            "function auth.touch() stamps rows", "function touch() -",
            "trigger CREATE TRIGGER users_touch BEFORE UPDATE ON auth.users FOR EACH ROW EXECUTE FUNCTION auth.touch()"], await RoutinesAsync(db));

        await db.RollbackAsync("base");
        Assert.Empty(await RoutinesAsync(db));
    }

    [Fact]
    public async Task A_table_named_like_its_schema_keeps_its_column_references_in_views_and_functions()
    {
        // person.person: pg_get_viewdef prints the columns as person.businessentityid, the table's name before a
        // column, which is not the schema; only schema.object and schema.table.column name the schema.
        const string Model = """
            schemas: [person, pe]
            tables:
              person.person:
                columns:
                  businessentityid: { type: int, primary_key: true }
                  firstname:        { type: text }
            functions:
              person.first_names:
                definition: "CREATE FUNCTION person.first_names() RETURNS SETOF text LANGUAGE sql AS $$ SELECT person.firstname FROM person.person $$"
            views:
              pe.p: { sql: "SELECT person.businessentityid AS id, person.businessentityid, person.firstname FROM person.person" }
              pe.named: { sql: "SELECT person.person.firstname, n FROM person.person, person.first_names() AS n" }
            """;
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "person");
        var definition = (string)(await db.QueryAsync("SELECT pg_get_viewdef('pe.p'::regclass, true)"))[0][0]!;
        // PostgreSQL 18 prints a one-table view's columns unqualified; earlier versions qualify them by the table.
        Assert.Matches(@"SELECT (person\.)?businessentityid AS id", definition);
        Assert.Contains("FROM person.person", definition);
        Assert.Equal(["Ann"], (await db.QueryAsync("INSERT INTO person.person VALUES (1, 'Ann'); SELECT firstname FROM pe.named")).Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task A_view_of_another_schema_the_server_refuses_is_named_as_the_model_names_it()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        const string model = "schemas: [pe]\ntables:\n  t:\n    columns:\n      a: { type: int }\nviews:\n  pe.broken: { sql: SELECT colour FROM t }\n";
        var e = await Assert.ThrowsAsync<InputException>(() => db.PlanOnlyAsync(model));
        Assert.StartsWith("schema.yaml:7:3: view pe.broken: PostgreSQL refuses it: column \"colour\" does not exist", e.Message);
    }

    [Fact]
    public async Task A_view_whose_text_names_the_managed_schema_is_created_and_compared_canonically()
    {
        // A CTE named like a table hides it: pg_get_viewdef then prints the table qualified, public.events.
        const string Model = """
            tables:
              events:
                columns:
                  id: { type: int, primary_key: true }
            views:
              recent: { sql: "WITH events AS (SELECT 1 AS id) SELECT id FROM events UNION ALL SELECT id FROM public.events" }
            """;
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "shadowed");
        var definition = (string)(await db.QueryAsync("SELECT pg_get_viewdef('recent'::regclass, true)"))[0][0]!;
        Assert.Contains("FROM public.events", definition);
    }

    [Fact]
    public async Task A_mixed_case_schemas_enum_is_a_column_type_written_as_sql_and_the_plan_converges()
    {
        const string Model = """
            schemas: [MySchema]
            types:
              MySchema.Mood: { enum: [low, high] }
            tables:
              MySchema.Users:
                columns:
                  id:   { type: int, primary_key: true }
                  mood: { type: '"MySchema"."Mood"', nullable: true }
            """;
        await using var db = await PostgresTestDatabase.CreateAsync();
        var revision = await db.ConvergeAsync(Model, "mixed case");
        var up = File.ReadAllText(revision.UpPath);
        Assert.True(up.IndexOf("CREATE TYPE \"MySchema\".\"Mood\"", StringComparison.Ordinal) < up.IndexOf("CREATE TABLE \"MySchema\".\"Users\"", StringComparison.Ordinal), up);
        var type = (string)(await db.QueryAsync("SELECT format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = '\"MySchema\".\"Users\"'::regclass AND attname = 'mood'"))[0][0]!;
        Assert.Equal("\"MySchema\".\"Mood\"", type);
        await db.RollbackAsync("base");
        Assert.Empty(await db.QueryAsync("SELECT 1 FROM pg_namespace WHERE nspname = 'MySchema'"));
    }

    [Fact]
    public async Task A_table_of_another_schema_is_renamed_in_place_and_a_move_between_schemas_is_refused()
    {
        await using var db = await PostgresTestDatabase.CreateAsync();
        await db.ConvergeAsync(Model, "schemas");
        var before = await CatalogAsync(db);

        var renamed = Model.Replace("  auth.users:\n", "  auth.people:\n    renamed_from: auth.users\n").Replace("references: auth.users.id", "references: auth.people.id");
        var revision = await db.ConvergeAsync(renamed, "rename users");
        var up = File.ReadAllText(revision.UpPath);
        Assert.Contains("ALTER TABLE \"auth\".\"users\" RENAME TO \"people\"", up);
        Assert.DoesNotContain("DROP TABLE", up);
        Assert.Contains("r auth.people", await CatalogAsync(db));

        var moved = await Assert.ThrowsAsync<InputException>(() =>
            db.PlanOnlyAsync(renamed.Replace("  auth.people:\n    renamed_from: auth.users\n", "  MySchema.people:\n    renamed_from: auth.people\n")
                .Replace("references: auth.people.id", "references: MySchema.people.id")));
        Assert.Contains("table 'MySchema.people': renamed_from 'auth.people' is in another schema; moving an object between schemas is not modelled", moved.Message);

        await db.RollbackAsync(revision.Parents[0]);
        Assert.Equal(before, await CatalogAsync(db));
    }
}
