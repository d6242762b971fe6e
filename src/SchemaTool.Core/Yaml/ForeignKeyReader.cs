using SchemaTool.Model;
using SchemaTool.Yaml.Reading;

namespace SchemaTool.Yaml;

internal static class ForeignKeyReader
{
    private static readonly string[] Keys = ["columns", "references", "on_delete", "on_update", "deferrable", "not_valid"];

    public static void Read(TableDraft table, string name, YamlValue node, YamlValue keyNode, YamlNodes nodes)
    {
        var what = $"foreign key '{name}' of '{table.Name}'";
        if (nodes.Map(node, what) is not { } map) return;
        List<string> columns = [], refColumns = [];
        string? refTable = null;
        var onDelete = ReferentialAction.NoAction;
        var onUpdate = ReferentialAction.NoAction;
        var deferrable = Deferrability.NotDeferrable;
        var notValid = false;
        foreach (var (key, value, _) in nodes.Entries(map, what, Keys))
        {
            switch (key)
            {
                case "columns": columns = ModelLoader.ReadNameList(value, $"columns of {what}", nodes); break;
                case "references":
                    if (nodes.Map(value, $"references of {what}") is { } r)
                        foreach (var (rk, rv, _) in nodes.Entries(r, $"references of {what}", ["table", "columns"]))
                        {
                            if (rk == "table") refTable = nodes.String(rv, "table");
                            else refColumns = ModelLoader.ReadNameList(rv, "columns", nodes);
                        }
                    break;
                case "on_delete": onDelete = ModelLoader.ReadAction(value, nodes) ?? onDelete; break;
                case "on_update": onUpdate = ModelLoader.ReadAction(value, nodes) ?? onUpdate; break;
                case "deferrable": deferrable = ReadDeferrable(value, nodes); break;
                case "not_valid": notValid = nodes.Bool(value, "not_valid") ?? false; break;
            }
        }
        if (columns.Count == 0) nodes.Error(keyNode, $"{what} needs `columns:`");
        if (refTable is null || refColumns.Count == 0) nodes.Error(keyNode, $"{what} needs `references: {{ table: ..., columns: [...] }}`");
        else if (refColumns.Count != columns.Count)
            nodes.Error(keyNode, $"{what} has {columns.Count} column(s) but references {refColumns.Count}");
        table.ForeignKeys.Add((new ForeignKey(name, columns.ToValueList(), refTable ?? "", refColumns.ToValueList(), onDelete, onUpdate, deferrable, notValid), nodes.Where(keyNode)));
    }

    internal static Deferrability ReadDeferrable(YamlValue value, YamlNodes nodes)
    {
        if (value is YamlScalar { Value: "true" or "false" }) return nodes.Bool(value, "deferrable") == true ? Deferrability.InitiallyImmediate : Deferrability.NotDeferrable;
        var text = nodes.String(value, "deferrable")?.ToLowerInvariant();
        switch (text)
        {
            case "initially deferred": return Deferrability.InitiallyDeferred;
            case "initially immediate": return Deferrability.InitiallyImmediate;
            default:
                nodes.Error(value, "deferrable must be true, false, 'initially deferred' or 'initially immediate'");
                return Deferrability.NotDeferrable;
        }
    }
}
