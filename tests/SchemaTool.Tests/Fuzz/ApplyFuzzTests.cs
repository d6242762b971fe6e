using System.Text;
using SchemaTool.Dialects;
using SchemaTool.Dialects.MySql;
using SchemaTool.Tests.Safety.Support;
using Xunit.Abstractions;

namespace SchemaTool.Tests.Fuzz;

/// <summary>
/// Hostile models that are valid SQL all the way to the real database: table and column names drawn from
/// <see cref="HostileModels.NameAlphabet"/>, string defaults, comments and string constants in checks made of quotes,
/// backslashes, ; -- /* $$, line breaks and "DROP TABLE victim;". Whatever `plan` accepts must `apply`, read back
/// through the database's own catalog with exactly the model's table and column names, leave `check` with nothing to
/// do, and `rollback -1` to the database as it was; the `victim` table keeps its row throughout. A model `plan`
/// refuses is fine (exit 2), anything else fails with the seed to replay: SCHEMATOOL_FUZZ_SEED=N.
/// </summary>
public sealed class ApplyFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Pieces =
        ["'", "''", "\\", "\\'", ";", "--", "-- x\n", "/*", "*/", "$$", "$t$", "\"", "`", "\n", "\r\n", "\t", "é", "😀", "名", " ", "a", "%", "_",
         "DROP TABLE victim;", "'); DROP TABLE victim; --"];

    private static readonly string[] Types = ["int", "bigint", "varchar(200)", "text"];

    private const string Victim = "  victim:\n    columns:\n      id: { type: int, primary_key: true }\n";

    [Theory]
    [MemberData(nameof(SafetyDatabases.Dialects), MemberType = typeof(SafetyDatabases))]
    public async Task Every_accepted_hostile_model_applies_reads_back_by_its_names_and_rolls_back(string dialect)
    {
        var seeds = Environment.GetEnvironmentVariable("SCHEMATOOL_FUZZ_SEED") is { } one
            ? [int.Parse(one, System.Globalization.CultureInfo.InvariantCulture)]
            : Enumerable.Range(1, LongRun.Choose(dialect == "sqlite" ? 120 : 25, 1_000));
        var (applied, refused) = (0, 0);
        foreach (var seed in seeds)
        {
            var model = new Model(seed, DialectRegistry.Get(dialect));
            using var project = new ScratchProject();
            var database = await SafetyDatabases.CreateAsync(dialect, project.Dir);
            var yaml = Path.Combine(project.Dir, "schema", "tables.yaml");
            File.WriteAllText(yaml, "tables:\n" + Victim);
            project.Ok("plan", "-m", "victim", "--database", database);
            project.Ok("apply", "--database", database);
            await project.ExecuteAsync(database, "INSERT INTO victim (id) VALUES (1)");
            var before = await CatalogAsync(project, database, dialect);

            File.WriteAllText(yaml, "tables:\n" + Victim + model.Yaml);
            var plan = project.Run("plan", "-m", "hostile", "--database", database);
            var context = $"seed {seed} ({dialect}), replay with SCHEMATOOL_FUZZ_SEED={seed}:\n{model.Yaml}\n";
            if (plan.ExitCode == 2)
            {
                refused++;
                continue;
            }
            Assert.True(plan.ExitCode == 0, context + plan.Err);
            var apply = project.Run("apply", "--database", database);
            Assert.True(apply.ExitCode == 0, context + apply.Err);
            applied++;

            var expected = before.Union(model.Columns).Order(StringComparer.Ordinal).ToList();
            Assert.True(expected.SequenceEqual(await CatalogAsync(project, database, dialect)), context + "the catalog's tables and columns differ from the model's");
            var check = project.Run("check", "--database", database);
            Assert.True(check.ExitCode == 0, context + check.Out + check.Err + project.Run("diff", "--database", database).Out);
            project.Ok("rollback", "-1", "--database", database);
            Assert.Equal(before, await CatalogAsync(project, database, dialect));
            Assert.Equal(1L, Convert.ToInt64(await project.ScalarAsync(database, "SELECT COUNT(*) FROM victim")));
        }
        output.WriteLine($"{dialect}: {applied} hostile models applied, read back and rolled back; {refused} refused at plan");
        Assert.True(applied > 0 || refused == 1, $"{dialect}: every model was refused; the names are not varied enough");
    }

    /// <summary>The database's tables and columns as "table.column", from its own catalog, the tool's tables left out.</summary>
    private static async Task<List<string>> CatalogAsync(ScratchProject project, string database, string dialect)
    {
        var sql = dialect switch
        {
            "sqlite" => "SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table'",
            "postgres" => "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'",
            _ => "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = DATABASE()",
        };
        await using var session = await project.ConnectAsync(database);
        await using var command = session.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var columns = new List<string>();
        while (await reader.ReadAsync())
            if (!reader.GetString(0).StartsWith("schematool_", StringComparison.Ordinal)) columns.Add(reader.GetString(0) + "." + reader.GetString(1));
        return columns.Order(StringComparer.Ordinal).ToList();
    }


    /// <summary>One or two hostile tables as model YAML, and the "table.column" names they must read back with.</summary>
    private sealed class Model
    {
        private readonly Random _random;
        private readonly IDialect _dialect;

        public string Yaml { get; }
        public List<string> Columns { get; } = [];

        public Model(int seed, IDialect dialect)
        {
            _random = new Random(seed);
            _dialect = dialect;
            var text = new StringBuilder();
            for (var t = 0; t < _random.Next(1, 3); t++)
            {
                var table = Name() + "t" + t;
                text.Append("  ").Append(Quote(table)).Append(":\n    columns:\n      id: { type: int, primary_key: true }\n");
                Columns.Add(table + ".id");
                var names = Enumerable.Range(0, _random.Next(1, 4)).Select(i => Name() + "c" + i).ToList();
                var textColumns = new List<string>();
                foreach (var column in names)
                {
                    var type = Types[_random.Next(Types.Length)];
                    var isText = !type.EndsWith("int", StringComparison.Ordinal);
                    text.Append("      ").Append(Quote(column)).Append(": { type: ").Append(Quote(type)).Append(", nullable: true");
                    // MySQL takes no literal default on a TEXT column.
                    if (isText && !(type == "text" && dialect.Name == "mysql") && _random.Next(2) == 0) text.Append(", default: ").Append(Quote(Text()));
                    if (_random.Next(3) == 0) text.Append(", comment: ").Append(Quote(Text()));
                    text.Append(" }\n");
                    Columns.Add(table + "." + column);
                    if (isText) textColumns.Add(column);
                }
                var textColumn = textColumns.FirstOrDefault(_ => _random.Next(2) == 0);
                if (textColumn is not null)
                    text.Append("    checks:\n      ").Append(Quote(Name() + "ck")).Append(": ")
                        .Append(Quote($"{QuoteName(textColumn)} IS NULL OR {QuoteName(textColumn)} <> {Literal(Text())}")).Append('\n');
                if (_random.Next(3) == 0) text.Append("    comment: ").Append(Quote(Text())).Append('\n');
            }
            Yaml = text.ToString();
        }

        private string Name() =>
            string.Concat(Enumerable.Range(0, _random.Next(0, 6)).Select(_ => HostileModels.NameAlphabet[_random.Next(HostileModels.NameAlphabet.Length)]));

        private string Text() => string.Concat(Enumerable.Range(0, _random.Next(1, 6)).Select(_ => Pieces[_random.Next(Pieces.Length)]));

        private string QuoteName(string name) => _dialect.Name == "mysql" ? "`" + name.Replace("`", "``") + "`" : "\"" + name.Replace("\"", "\"\"") + "\"";

        private string Literal(string value) => _dialect.Name == "mysql" ? MySqlText.String(value) : SqlLiterals.String(value);

        /// <summary>A double-quoted YAML scalar: every character escaped where YAML needs it.</summary>
        private static string Quote(string value)
        {
            var text = new StringBuilder("\"");
            foreach (var c in value)
                text.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => c.ToString(),
                });
            return text.Append('"').ToString();
        }
    }
}
