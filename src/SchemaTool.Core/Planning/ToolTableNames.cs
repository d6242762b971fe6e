using SchemaTool.Apply;
using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Planning;

/// <summary>
/// A model table named like one of the tool's own tables (the history table, whatever `history_table:` calls it,
/// and the lock table): plan never sees those in the database, so it would create it again on every run, and
/// apply would write the history into the user's table.
/// </summary>
internal static class ToolTableNames
{
    public static IEnumerable<string> Find(Schema model, IDialect dialect, string historyTable)
    {
        var at = ModelPositions.Of(model);
        foreach (var own in HistoryTable.ToolTables(historyTable).Order(StringComparer.Ordinal))
            foreach (var table in model.Tables.Where(t => dialect.TableNameComparer.Equals(t.Name, own)))
                yield return $"{at.Table(table.Name)}table '{table.Name}' has the name of schematool's own table {own} " +
                             $"({(own == historyTable ? "the history table" : own == HistoryTable.LockTableName ? "the lock table" : "the default history table")}): " +
                             "rename the table" + (own == historyTable ? ", or set another `history_table:` in schematool.yaml" : "");
    }
}
