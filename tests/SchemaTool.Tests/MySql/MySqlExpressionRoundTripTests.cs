using SchemaTool.Yaml;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// SQL fields holding what the tool's own rewriting of expressions used to garble on MariaDB: comments, quotes of
/// each kind, backslash escapes (LIKE's \% and \_ among them), -- and /* inside strings, a--1, numbers. Each is
/// applied to the real server and must read back equal: the second plan is empty.
/// </summary>
public sealed class MySqlExpressionRoundTripTests
{
    public static TheoryData<string, string> Fields => new()
    {
        { "dashes in a string", "check: \"a <> 'x -- y' AND a <> 'x--y'\"" },
        { "comment openers in strings", "check: \"a <> '/* c */' AND a <> '# h' AND a <> '*/'\"" },
        { "block and line comments", "check: \"a <> 'x' /* why */ AND b > 0 -- note\\n AND b < 10\"" },
        { "hash comment", "check: \"b > 0 # note\\n AND b < 10\"" },
        { "LIKE escapes", "check: \"a LIKE 'x\\\\%y\\\\_z' ESCAPE '\\\\\\\\'\"" },
        { "quotes and backslashes", "check: \"a <> 'back\\\\\\\\slash' AND a <> 'it\\\\'s' AND a <> \\\"dq\\\"\\\"x\\\" AND a <> 'q''q' AND a <> \\\"s'q\\\"\"" },
        { "escaped control characters", "check: \"a <> 'z\\\\0z' AND a <> 'nl\\\\nx' AND a <> 'bs\\\\bx' AND a <> 'tab\\\\tx'\"" },
        { "a--1 is not a comment", "check: \"b--1 > 0\"" },
        { "numbers", "check: \"b <> 1.5e-3 AND b <> .5 AND b <> 1. AND b <> 007 AND b <> 0x1F\"" },
        { "operators", "check: \"b <=> 1 OR b != 2 && b >= 3 || b <> 4\"" },
        { "cast types", "check: \"CAST(b AS INT) > 0 AND CAST(b AS UNSIGNED INTEGER) >= 0 AND CAST(b AS SIGNED INT) < 99\"" },
        { "adjacent strings", "check: \"a <> 'x' 'y' AND a <> 'p' \\\"q\\\"\"" },
        { "generated column", "generated: \"concat(a, ' -- ', 'it''s', ' # /* x */')\"" },
        { "default expression with comment text", "default: \"concat('a -- b', '/* c */', ' # d')\"" },
        { "default literal with a comment", "default: \"'x' /* c */\"" },
        { "default with on update inside a string", "default: \"concat('x on update ', 'y')\"" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Stores_what_the_server_stores_for_the_expression_as_written(string name, string field)
    {
        _ = name;
        var (kind, value) = (field[..field.IndexOf(':')], field[(field.IndexOf(':') + 2)..]);
        var model = $$"""
            tables:
              t:
                columns:
                  id: { type: int, primary_key: true }
                  a: { type: varchar(40), nullable: true }
                  b: { type: int, nullable: true }
            {{kind switch
            {
                "check" => $"      d: {{ type: varchar(100), nullable: true }}\n    checks:\n      ck_t: {value}",
                "generated" => $"      d: {{ type: varchar(100), nullable: true, generated: {{ expression: {value} }} }}",
                _ => $"      d: {{ type: varchar(100), default_sql: {value} }}",
            }}}
            """;
        await using var project = await MySqlProject.CreateAsync("expr");
        Assert.NotNull(await project.PlanRevisionAsync(model, "init"));
        await project.ApplyAsync();

        var second = await project.PlanAsync(model);
        Assert.True(second.IsEmpty, second.UpScript);

        // The oracle: the same expression given to the server verbatim. A rewrite that changed its meaning (a
        // wildcard unescaped, an escape lost) stores something else.
        var table = ModelLoader.Load("schema.yaml", model).FindTable("t")!;
        var column = table.FindColumn("d")!;
        var definition = kind switch
        {
            "check" => $"d varchar(100) NULL, CONSTRAINT ck_t CHECK ({table.Checks[0].Expression}\n)",
            "generated" => $"d varchar(100) AS ({column.Generated!.Expression}\n) VIRTUAL",
            _ => $"d varchar(100) NOT NULL DEFAULT ({column.Default!.Text}\n)",
        };
        await project.ExecuteAsync($"CREATE TABLE raw_t (id int PRIMARY KEY, a varchar(40) NULL, b int NULL, {definition})");
        Assert.Equal(await StoredAsync(project, "raw_t"), await StoredAsync(project, "t"));
    }

    private static async Task<string> StoredAsync(MySqlProject project, string table)
    {
        var checks = await project.QueryAsync(
            $"SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = '{table}'");
        var column = await project.QueryAsync(
            $"SELECT COLUMN_DEFAULT, GENERATION_EXPRESSION FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '{table}' AND COLUMN_NAME = 'd'");
        return string.Join(" | ", checks.Select(r => r[0]).Concat(column[0]).Select(v => v?.ToString() ?? "null"));
    }
}
