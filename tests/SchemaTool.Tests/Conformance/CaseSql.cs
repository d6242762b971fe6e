using System.Data.Common;
using System.Text.RegularExpressions;
using SchemaTool.Dialects;
using SchemaTool.Model;

namespace SchemaTool.Tests.Conformance;

/// <summary>Loads a case's own SQL through the driver, and reads its rename hints.</summary>
public static partial class CaseSql
{
    /// <summary>
    /// Runs the statements in order. An order-sensitive case uses objects defined further down, so failed
    /// statements are retried until a round runs none of them. Returns the server's message for a statement
    /// that still fails, or null when all ran.
    /// </summary>
    public static async Task<string?> LoadAsync(DbConnection connection, IDialect dialect, string sql, IReadOnlyList<string> schemas, bool orderSensitive)
    {
        foreach (var schema in schemas)
            await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS \"{schema.Replace("\"", "\"\"")}\"");
        var pending = dialect.SplitStatements(sql).ToList();
        while (true)
        {
            var failed = new List<(string Statement, string Error)>();
            foreach (var statement in pending)
            {
                try
                {
                    await ExecuteAsync(connection, statement);
                }
                catch (DbException e)
                {
                    if (!orderSensitive) return $"{e.Message} (in: {Shorten(statement)})";
                    failed.Add((statement, e.Message));
                }
            }
            if (failed.Count == 0) return null;
            if (failed.Count == pending.Count) return $"{failed[0].Error} (in: {Shorten(failed[0].Statement)})";
            pending = failed.Select(f => f.Statement).ToList();
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    public static string Shorten(string text, int max = 160)
    {
        text = Whitespace().Replace(text, " ").Trim();
        return text.Length <= max ? text : text[..(max - 3)] + "...";
    }

    /// <summary>
    /// sqldef's `@renamed from=old` hints, as renamed_from on the tables and columns of the inspected schema:
    /// a hint on a CREATE TABLE line renames the table, one on a column's line renames the column, one on a CREATE
    /// TYPE line renames the type (in its own schema). Index renames have no model key (an index is dropped and created).
    /// </summary>
    public static Schema ApplyRenameHints(Schema schema, string desiredSql)
    {
        string? table = null;
        var tableRenames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var columnRenames = new List<(string Table, string Column, string From)>();
        var typeRenames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in desiredSql.ReplaceLineEndings("\n").Split('\n'))
        {
            var create = CreateTable().Match(line);
            if (create.Success) table = Unquote(create.Groups[1].Value);
            else if (StatementStart().IsMatch(line)) table = null;
            var hint = Hint().Match(line);
            if (!hint.Success) continue;
            var from = Unquote(hint.Groups[1].Value);
            if (CreateType().Match(line) is { Success: true } type) typeRenames[Unquote(type.Groups[1].Value)] = from;
            else if (create.Success) tableRenames[table!] = from;
            else if (table is not null && FirstWord().Match(line) is { Success: true } word && !ConstraintWord().IsMatch(word.Value))
                columnRenames.Add((table, Unquote(word.Value), from));
        }
        if (tableRenames.Count == 0 && columnRenames.Count == 0 && typeRenames.Count == 0) return schema;
        string? TypeRename(string name) => typeRenames.FirstOrDefault(r => Same(r.Key, name)).Value is { } from ? QualifiedName.Beside(name, from) : null;
        return schema with
        {
            Enums = schema.Enums.Select(e => e with { RenamedFrom = TypeRename(e.Name) ?? e.RenamedFrom }).ToValueList(),
            Domains = schema.Domains.Select(d => d with { RenamedFrom = TypeRename(d.Name) ?? d.RenamedFrom }).ToValueList(),
            Tables = schema.Tables.Select(t => t with
            {
                RenamedFrom = tableRenames.FirstOrDefault(r => Same(r.Key, t.Name)).Value ?? t.RenamedFrom,
                Columns = t.Columns.Select(c => c with
                {
                    RenamedFrom = columnRenames.FirstOrDefault(r => Same(r.Table, t.Name) && Same(r.Column, c.Name)).From ?? c.RenamedFrom,
                }).ToValueList(),
            }).ToValueList(),
        };
    }

    private static bool Same(string a, string b) =>
        a.Equals(b, StringComparison.OrdinalIgnoreCase) || a.EndsWith("." + b, StringComparison.OrdinalIgnoreCase);

    private static string Unquote(string name)
    {
        name = name.Trim();
        return name.Length > 1 && name[0] is '"' or '`' or '\'' or '[' ? name[1..^1] : name;
    }

    [GeneratedRegex(@"^\s*CREATE\s+(?:TEMP(?:ORARY)?\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?((?:""[^""]+""|`[^`]+`|'[^']+'|[\w.]+))", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^\s*CREATE\s+(?:TYPE|DOMAIN)\s+((?:""[^""]+""|[\w.]+))", RegexOptions.IgnoreCase)]
    private static partial Regex CreateType();

    [GeneratedRegex(@"^\s*(CREATE|ALTER|DROP|COMMENT|INSERT)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatementStart();

    [GeneratedRegex(@"@renamed\s+from=(""[^""]+""|`[^`]+`|'[^']+'|[^\s*]+)")]
    private static partial Regex Hint();

    [GeneratedRegex(@"^\s*(""[^""]+""|`[^`]+`|\w+)")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"^\s*(CONSTRAINT|PRIMARY|UNIQUE|INDEX|KEY|FOREIGN|CHECK|FULLTEXT|SPATIAL|EXCLUDE)$", RegexOptions.IgnoreCase)]
    private static partial Regex ConstraintWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
