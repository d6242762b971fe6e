using MySqlConnector;
using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

internal sealed partial class MySqlIntrospector
{
    private const string ViewsQuery = "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME";

    /// <summary>The columns of the database's views, from the columns query (which reads views' columns too).</summary>
    private readonly Dictionary<string, List<string>> _viewColumns = new(StringComparer.Ordinal);

    /// <summary>
    /// Each view's query from SHOW CREATE VIEW, which prints the current database's names unqualified (VIEWS'
    /// VIEW_DEFINITION qualifies them all): one statement per view, and the same text for the scratch database the
    /// model's views are created in. A view the server cannot use is left alone.
    /// </summary>
    private async Task<ValueList<View>> ReadViewsAsync(Dictionary<string, TableReader> tables, List<UnmanagedObject> unmanaged, CancellationToken ct)
    {
        var names = new List<string>();
        await foreach (var row in QueryAsync(ViewsQuery, ct)) names.Add(row.GetString(0));
        var views = new List<View>();
        foreach (var name in names)
        {
            string text;
            await using (var cmd = session.CreateCommand($"SHOW CREATE VIEW {MySqlText.Quote(name)}", Main))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                if (!await reader.ReadAsync(ct)) continue;
                text = reader.GetString(1);
            }
            // The server keeps a view whose table, column or function is gone, and lists no columns for it: the
            // model cannot hold it, since plan could not create it (in the scratch database or anywhere).
            if (!_viewColumns.ContainsKey(name))
                unmanaged.Add(new UnmanagedObject("view", name, Definition: text, Note: "it reads a table, column or function that is gone, or its definer lacks the rights to it"));
            else if (MySqlObjectText.ParseView(text) is not { } parsed)
                unmanaged.Add(new UnmanagedObject("view", name, Definition: text, Note: "its definition was not understood"));
            else views.Add(new View(name, parsed.Sql, Algorithm: parsed.Algorithm, SecurityInvoker: parsed.SecurityInvoker));
        }
        var relations = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, table) in tables) relations[name] = table.Columns.Select(c => c.Name).ToList();
        foreach (var name in names) relations[name] = _viewColumns.TryGetValue(name, out var columns) ? columns : [];
        return views.Select(v => v with { DependsOn = MySqlObjectText.Dependencies(v.Sql, v.Name, relations) }).ToValueList();
    }
}
