using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using SchemaTool.Diff;
using SchemaTool.Model;

namespace SchemaTool.Dialects.Sqlite;

internal sealed partial class SqliteSession
{
    /// <summary>
    /// SQLite's canonical form of a view or trigger is the CREATE text it keeps. The model's tables, views and
    /// triggers are created, with the statements a plan would write, in an in-memory database, which this session's
    /// introspector then reads: the model's objects come back exactly as the database will hold them after the
    /// plan, with what each uses. SQLite checks a view's or trigger's names only when something renames a table,
    /// so a probe rename makes it report a missing table or column here, at plan, instead of at apply.
    /// </summary>
    public async Task<Schema> CanonicalizeAsync(Schema model, CancellationToken ct)
    {
        if (model.Views.Count == 0 && model.Triggers.Count == 0) return model;
        var normalized = dialect.Normalize(model);
        await using var scratch = new SqliteSession(dialect, new SqliteConnection("Data Source=:memory:"));
        await scratch.Connection.OpenAsync(ct);
        var named = NamedByObjects(normalized);
        foreach (var table in normalized.Tables.Where(t => named.Contains(t.Name) || t.Indexes.Any(i => named.Contains(i.Name))))
            await scratch.ExecuteForModelAsync(SqliteSqlGenerator.Generate(new CreateTable(table)), $"table {table.Name}", ct);
        foreach (var view in normalized.Views)
            await scratch.ExecuteForModelAsync(SqliteSqlGenerator.Generate(new CreateView(view)), $"view {view.Name}", ct);
        foreach (var trigger in normalized.Triggers)
            await scratch.ExecuteForModelAsync(SqliteSqlGenerator.Generate(new CreateTrigger(trigger)), $"trigger {trigger.Name}", ct);
        await scratch.ExecuteForModelAsync(
            ["CREATE TABLE _schematool_probe (x)", "ALTER TABLE _schematool_probe RENAME TO _schematool_probe_renamed"],
            "the model's views and triggers", ct);
        var read = await new SqliteIntrospector(scratch, new HashSet<string>(StringComparer.Ordinal) { "_schematool_probe_renamed" }).ReadAsync(ct);
        return model with { Views = read.Views, Triggers = read.Triggers };
    }

    /// <summary>
    /// Every name the views and triggers could mean a table by (each word and quoted name of their text, and the
    /// triggers' tables), and the views' own names, which SQLite refuses when a table or index has them: only the
    /// tables with those names (or with indexes of those names) need to be in the scratch database, which keeps this
    /// cheap for a model of thousands of tables with a few views.
    /// </summary>
    private static HashSet<string> NamedByObjects(Schema model)
    {
        var names = new HashSet<string>(model.Views.Select(v => v.Name), AsciiCaseInsensitiveComparer.Instance);
        var texts = model.Views.Select(v => v.Sql).Concat(model.Triggers.Select(t => (t.When ?? "") + " " + t.Body));
        foreach (var token in texts.SelectMany(SqliteTokenizer.Tokenize))
            if (token.Kind is TokenKind.Word or TokenKind.Quoted) names.Add(token.Name);
        foreach (var trigger in model.Triggers) names.Add(trigger.Table);
        return names;
    }

    private async Task ExecuteForModelAsync(IReadOnlyList<string> statements, string what, CancellationToken ct)
    {
        try
        {
            foreach (var statement in statements) await ExecuteAsync(statement, ct);
        }
        catch (SqliteException e)
        {
            var message = Message(e);
            // The probe rename reports the object it found broken: "error in view v: no such column: x".
            if (ObjectError().Match(message) is { Success: true } m) (what, message) = ($"{m.Groups[1].Value} {m.Groups[2].Value}", m.Groups[3].Value);
            throw new InputException($"{what}: SQLite refuses it: {message}");
        }
    }

    [GeneratedRegex("^error in (view|trigger) (.+?): (.*)$", RegexOptions.Singleline)]
    private static partial Regex ObjectError();

    /// <summary>SQLite's message without the "SQLite Error 1: '...'" wrapping Microsoft.Data.Sqlite puts around it.</summary>
    private static string Message(SqliteException e)
    {
        var text = e.Message;
        var start = text.IndexOf('\'');
        return start >= 0 && text.EndsWith("'.", StringComparison.Ordinal) ? text[(start + 1)..^2] : text;
    }
}
