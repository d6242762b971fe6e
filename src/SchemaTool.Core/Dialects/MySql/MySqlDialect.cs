using SchemaTool.Dialects.Lexing;
using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>MySQL 8 and MariaDB 10.11: one dialect; the session tells the two servers apart where their catalogs differ.</summary>
public sealed partial class MySqlDialect : IDialect
{

    public string Name => "mysql";

    /// <summary>The server this dialect plans for, once a session has connected; MariaDB 10.11 until then.</summary>
    public MySqlServer Server { get; private init; } = MySqlServer.MariaDb1011;

    /// <summary>
    /// Whether the server stores table and view names in lower case (lower_case_table_names 1, or 2 which compares
    /// them so): `CREATE TABLE Users` makes `users`. The model's names are then read as the server keeps them, or a
    /// mixed-case table would look missing beside one the model does not have, and be dropped with its rows.
    /// </summary>
    public bool LowerCaseTableNames { get; private init; }

    public IEqualityComparer<string> TableNameComparer => LowerCaseTableNames ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>This dialect for the server that announced <paramref name="serverVersion"/>.</summary>
    public MySqlDialect ForServer(string serverVersion, bool lowerCaseTableNames = false) =>
        new() { Server = MySqlServer.FromVersion(serverVersion), LowerCaseTableNames = lowerCaseTableNames };

    // dev.mysql.com/doc/refman/8.0/en/identifier-case-sensitivity.html: table names follow the file system
    // (case-sensitive on Linux); column and index names are not case-sensitive on any platform.
    public IEqualityComparer<string> ColumnNameComparer => StringComparer.OrdinalIgnoreCase;

    // An index name is the table's own: `ALTER TABLE t DROP INDEX i` names both.
    public bool IndexNamesPerTable => true;
    public IEqualityComparer<string> IndexNameComparer => StringComparer.OrdinalIgnoreCase;

    public DialectKeys Keys => DialectKeys.EngineAndCharset | DialectKeys.ColumnCheck | DialectKeys.ViewAlgorithmAndSecurity | DialectKeys.TriggerOrder;
    public string ExampleUrl => "mysql://root@localhost:3306/app";

    /// <summary>MySQL commits every DDL statement by itself; a revision's progress is recorded statement by statement.</summary>
    public bool TransactionalDdl => false;

    public IdentifierRules Identifiers { get; } = new("MySQL", MaxLength: 64, TrailingSpaceRefused: true, SupplementaryRefused: true);

    public Schema Normalize(Schema schema) => MySqlNormalizer.Normalize(LowerCaseTableNames ? MySqlNormalizer.WithLowerCaseTableNames(schema) : schema);

    // Display widths are cosmetic, and MySQL 8.0.19 reports none: int(2) is no change against int. Both keep
    // what was written, so inspect copies int(2) from MariaDB, where SHOW CREATE TABLE shows it.
    public Column Compared(Table table, Column column) =>
        MySqlTypes.WithoutDisplayWidth(column.Type) is var type && type == column.Type ? column : column with { Type = type };

    // InnoDB takes NO ACTION for RESTRICT; whether it was written out shows only in SHOW CREATE TABLE.
    public ForeignKey Compared(ForeignKey key) => key with { OnDelete = NoAction(key.OnDelete), OnUpdate = NoAction(key.OnUpdate) };

    private static ReferentialAction NoAction(ReferentialAction action) =>
        action is ReferentialAction.Restrict or ReferentialAction.ExplicitNoAction ? ReferentialAction.NoAction : action;

    public IReadOnlyList<Operation> Rewrite(IReadOnlyList<Operation> operations, Schema current, Schema desired) =>
        new MySqlRewriter(current, desired).Rewrite(operations);

    public IReadOnlyList<string> Generate(Operation operation) => MySqlSqlGenerator.Generate(operation);

    /// <summary>Each ALTER TABLE of a table that exists names its algorithm; a foreign key is added unchecked on MariaDB, then checked.</summary>
    public IReadOnlyList<Apply.Statement> Generate(Operation operation, GenerationContext context) =>
        MySqlSqlGenerator.Generate(operation, context, Server);

    public SqlLexer Lexer => MySqlLexer.Instance;

    /// <summary>The keys MySqlConnector takes as the password or the client certificate's password.</summary>
    public IReadOnlyCollection<string> SecretKeys => ["password", "pwd", "certificatepassword"];

    /// <summary>
    /// DDL commits on its own, so it runs alone with its progress recorded after it; INSERT, UPDATE, DELETE and
    /// REPLACE run in a transaction with their progress update. Anything else (a view, a trigger, SET) runs alone.
    /// </summary>
    public IReadOnlyList<Apply.Statement> Classify(IReadOnlyList<string> statements) => statements.Select(ClassifyOne).ToList();

    /// <summary>
    /// A DDL statement waits for its table's metadata lock, and every later query of the table queues behind that
    /// wait: it gets a short lock_wait_timeout. The ALGORITHM and LOCK it names say what it does while it runs.
    /// </summary>
    internal static Apply.Statement ClassifyOne(string statement)
    {
        if (OnlineTableCopy.IsChunkStatement(statement))
            return new Apply.Statement(statement, Apply.StatementTraits.Alone("each chunk of the copy commits on its own") with
            {
                RepeatsUntilDone = true,
                Work = Apply.TableWork.Rewrite,
            });
        var effect = StatementEffect.Of(statement);
        if (effect.Kind == EffectKind.Rows) return new Apply.Statement(statement, Apply.StatementTraits.InTransaction);
        var traits = Apply.StatementTraits.Alone("MySQL commits DDL on its own");
        // CREATE and DROP TRIGGER take the metadata lock of the trigger's table, as an ALTER TABLE does.
        if (effect.Kind == EffectKind.Objects && effect.Tables[0].Kind == "TRIGGER")
            return new Apply.Statement(statement, traits with { WaitQueuesWrites = true });
        if (effect.Kind != EffectKind.Tables) return new Apply.Statement(statement, traits);
        var (algorithm, lockMode) = MySqlStatementLock.Read(statement);
        return new Apply.Statement(statement, traits with
        {
            WaitQueuesWrites = true,
            Table = effect.Tables[0].ToString(),
            Lock = algorithm is null ? null : $"ALGORITHM={algorithm}" + (lockMode is null ? "" : $", LOCK={lockMode}"),
            Work = algorithm == "INSTANT" ? Apply.TableWork.None : Apply.TableWork.Unknown,
            BlocksWrites = algorithm == "COPY" || lockMode is "SHARED" or "EXCLUSIVE",
        });
    }

    public IReadOnlyList<string> Validate(Schema model) =>
        [.. MySqlValidator.Validate(model),
         .. LowerCaseClashes(model),
         .. MySqlObjectRules.Validate(model),
         .. model.Sequences.SelectMany(MySqlSequences.Problems),
         .. ObjectSupport.Refuse(model, kind => kind switch
        {
            SchemaObjectKind.View or SchemaObjectKind.Trigger or SchemaObjectKind.Function or SchemaObjectKind.Procedure or SchemaObjectKind.Event
                or SchemaObjectKind.Sequence => null,
            SchemaObjectKind.MaterializedView => "MySQL has no materialized views",
            SchemaObjectKind.Aggregate => "MySQL has no CREATE AGGREGATE (MariaDB's stored aggregate functions are not modelled)",
            SchemaObjectKind.EnumType => "MySQL has no enum types: give the column the type enum('a', 'b')",
            SchemaObjectKind.Domain => "MySQL has no domains",
            SchemaObjectKind.CompositeType => "MySQL has no composite types",
            SchemaObjectKind.Extension => "MySQL has no extensions",
            SchemaObjectKind.Namespace => "MySQL has no schemas inside a database (a MySQL schema is the database)",
            _ => ObjectSupport.NotYet(kind, "MySQL"),
        })];

    public async Task<IDatabaseSession> OpenAsync(ConnectionTarget target, CancellationToken cancellationToken) =>
        await MySqlSession.OpenAsync(this, target, cancellationToken);

    private IEnumerable<string> LowerCaseClashes(Schema model) => !LowerCaseTableNames ? [] :
        model.Tables.GroupBy(t => t.Name.ToLowerInvariant()).Where(g => g.Count() > 1).Select(g =>
            $"tables {string.Join(" and ", g.Select(t => $"'{t.Name}'"))}: the server has lower_case_table_names set, so they are one table '{g.Key}'; rename one");
}
