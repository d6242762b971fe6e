using SchemaTool.Model;

namespace SchemaTool.Tests.Diff;

/// <summary>Short builders for schemas in diff tests.</summary>
internal static class Schemas
{
    public static Schema Of(params Table[] tables) => new(tables);

    public static Column Int(string name, bool nullable = false) => new(name, "int", nullable);

    public static Column Text(string name, bool nullable = false) => new(name, "text", nullable);

    /// <summary>A table with an int primary key `id` and the given other columns.</summary>
    public static Table Table(string name, params Column[] columns) =>
        new(name, new[] { Int("id") }.Concat(columns).ToValueList(), new PrimaryKey(new[] { "id" }));

    public static ForeignKey Fk(string table, string column, string target) =>
        new($"fk_{table}_{column}", new[] { column }, target, new[] { "id" });

    public static TableIndex Index(string name, params string[] columns) =>
        new(name, columns.Select(IndexPart.Of).ToValueList());

    public static Table WithFk(this Table table, ForeignKey fk) =>
        table with { ForeignKeys = table.ForeignKeys.Append(fk).ToValueList() };

    public static Table WithIndex(this Table table, TableIndex index) =>
        table with { Indexes = table.Indexes.Append(index).ToValueList() };
}
