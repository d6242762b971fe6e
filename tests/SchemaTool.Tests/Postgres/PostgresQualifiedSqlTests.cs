using SchemaTool.Diff;
using SchemaTool.Dialects.Postgres;
using SchemaTool.Model;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Postgres;

/// <summary>
/// The SQL of operations on objects of other schemas (auth.users): every name quoted part by part, an index named in its
/// table's schema, a RENAME TO unqualified. Golden files under Golden/postgres/qualified_* (SCHEMATOOL_UPDATE_GOLDEN=1 rewrites them).
/// </summary>
public sealed class PostgresQualifiedSqlTests
{
    private static readonly PostgresDialect Dialect = new();

    private static readonly TableIndex ByEmail = new("ix_users_email", new[] { IndexPart.Of("email") }, Comment: "sign-in lookups");

    private static readonly Table Users = new(
        "auth.users",
        new[]
        {
            new Column("id", "serial"), new Column("email", "text"), new Column("team_id", "integer", Nullable: true),
            new Column("no", "serial", Numbering: new Numbering(Sequence: "user_numbers", Start: 100)),
            new Column("code", "bigint", AutoIncrement: true, Numbering: new Numbering(Sequence: "user_codes")),
        },
        new PrimaryKey(new[] { "id" }),
        new[] { ByEmail },
        new[] { new ForeignKey("fk_users_team", new[] { "team_id" }, "MySchema.Teams", new[] { "id" }) },
        new[] { new Check("ck_users_email", "email <> ''") },
        Comment: "who signs in");

    public static TheoryData<string, Operation> Operations() => new()
    {
        { "qualified_create_table", new CreateTable(Users) },
        { "qualified_drop_table", new DropTable(Users) },
        { "qualified_rename_table", new RenameTable("auth.users", "auth.members") },
        { "qualified_drop_index", new DropIndex("auth.users", ByEmail) },
        { "qualified_rename_index", new RenameIndex("auth.users", "ix_users_email", "ix_users_mail", IsConstraint: false) },
        { "qualified_drop_primary_key", new DropPrimaryKey("auth.users", new PrimaryKey(new[] { "id" })) },
        { "qualified_add_serial_column", new AlterColumn("MySchema.Teams", new Column("no", "integer"), new Column("no", "serial")) },
        { "qualified_create_enum_type", new CreateEnumType(Mood) },
        { "qualified_add_enum_value", new AddEnumValue("billing.mood", "great", null) },
        { "qualified_rename_enum_type", new RenameType(SchemaObjectKind.EnumType, "billing.feeling", "billing.mood") },
        { "qualified_recreate_enum_type", new RecreateEnumType(Mood, Mood with { Values = new[] { "sad", "happy" } },
            new[] { ("billing.invoices", new Column("mood", "billing.mood", Default: ColumnDefault.String("happy"))) }.ToValueList()) },
        { "qualified_create_domain", new CreateDomain(Email) },
        { "qualified_alter_domain", new AlterDomain(Email, Email with { Nullable = false }) },
        { "qualified_create_sequence", new CreateSequence(new Sequence("billing.invoice_no", "integer", Start: 1000, Comment: "numbers")) },
        { "qualified_rename_sequence", new RenameSequence("billing.invoice_no", "billing.invoice_number") },
        { "qualified_create_materialized_view", new CreateView(Totals) },
        { "qualified_drop_materialized_view", new DropView(Totals) },
    };

    private static readonly View Totals = new("analytics.team_totals", "SELECT team_id,\n    count(*) AS n\n   FROM auth.users\n  GROUP BY team_id",
        Materialized: true, Indexes: new[] { new TableIndex("ix_team_totals_team", new[] { IndexPart.Of("team_id") }, Unique: true, Comment: "one row a team") },
        Comment: "per team");

    private static readonly EnumType Mood = new("billing.mood", new[] { "sad", "ok", "happy" }, Comment: "how it went");

    private static readonly DomainType Email = new("billing.email", "text", Checks: new[] { new Check("email_check", "VALUE ~ '@'") }, Comment: "addresses");

    [Theory]
    [MemberData(nameof(Operations))]
    public void Each_operation_names_the_schema_of_its_objects(string name, Operation operation) =>
        Golden.Verify($"postgres/{name}.sql", RevisionForms.Of(Dialect, [operation]));
}
