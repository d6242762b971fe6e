using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Planning;

/// <summary>
/// NOT NULL columns without a default that a plan adds to tables already in the database (an ALTER TABLE ADD
/// COLUMN, or a SQLite rebuild): on a table with rows the statement fails, or MySQL fills in 0 and '' silently.
/// Each such table is asked for one row; only the tables that have one are refused.
/// </summary>
internal static class RequiredColumns
{
    public static async Task<IReadOnlyList<string>> FindAsync(Plan plan, Schema model, IDatabaseSession session, CancellationToken ct)
    {
        var dialect = session.Dialect;
        var at = ModelPositions.Of(model);
        var current = plan.Current.Tables.GroupBy(t => t.Name, dialect.TableNameComparer)
            .ToDictionary(g => g.Key, g => g.First(), dialect.TableNameComparer);
        var problems = new List<string>();
        foreach (var table in plan.Desired.Tables)
        {
            var existing = (table.RenamedFrom is { } old ? current.GetValueOrDefault(old) : null) ?? current.GetValueOrDefault(table.Name);
            if (existing is null) continue;
            // A column is there under its name, or under its renamed_from before the rename runs; a renamed_from
            // left in the model after the rename ran names a column that is gone, and the column is not new.
            var added = table.Columns.Where(c => !dialect.FillsExistingRows(c)
                                                 && !existing.Columns.Any(e => dialect.ColumnNameComparer.Equals(e.Name, c.Name)
                                                                               || c.RenamedFrom is { } from && dialect.ColumnNameComparer.Equals(e.Name, from)))
                .ToList();
            if (added.Count == 0 || !await HasRowsAsync(session, existing.Name, ct)) continue;
            foreach (var column in added)
                problems.Add($"{at.Column(table.Name, column.Name)}column '{PrintableText.Escape(table.Name)}.{PrintableText.Escape(column.Name)}' is added " +
                             $"NOT NULL without a default, and table '{PrintableText.Escape(existing.Name)}' has rows, which would get no value for it. " +
                             "Columns are NOT NULL unless `nullable: true` (the opposite of SQLAlchemy). Give it a `default:`, or make it " +
                             "`nullable: true`, or add it nullable, fill it with an UPDATE written into that revision, and make it NOT NULL in the next" +
                             RenameAdvice(plan, existing.Name, column.Name));
        }
        return problems;
    }

    // A NOT NULL column that replaces a dropped one of the same type is most often a rename: then the fix is the hint.
    private static string RenameAdvice(Plan plan, string table, string column) =>
        plan.RenameHints.FirstOrDefault(h => h.Table == table && h.To == column) is { } hint
            ? $"; or, if it is a rename of {PrintableText.Escape(hint.From)}, add `renamed_from: {PrintableText.Escape(hint.From)}` to it"
            : "";

    private static async Task<bool> HasRowsAsync(IDatabaseSession session, string table, CancellationToken ct)
    {
        await using var command = session.CreateCommand($"SELECT 1 FROM {session.Quote(table)} LIMIT 1");
        return await command.ExecuteScalarAsync(ct) is not null and not DBNull;
    }
}
