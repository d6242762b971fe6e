using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Planning;

/// <summary>
/// Nullable primary key columns in the model that the database would make NOT NULL (so that every plan would
/// find a change): all of them on PostgreSQL and MySQL; on SQLite only those of an INTEGER PRIMARY KEY and of a
/// WITHOUT ROWID table (see <see cref="IDialect.AllowsNullInPrimaryKey"/>).
/// </summary>
internal static class NullablePrimaryKeys
{
    public static IEnumerable<string> Find(Schema model, IDialect dialect)
    {
        var places = ModelPositions.Of(model);
        foreach (var table in model.Tables)
        {
            if (table.PrimaryKey is not { } key) continue;
            foreach (var name in key.Columns)
                if (table.FindColumn(name) is { Nullable: true } column && !dialect.AllowsNullInPrimaryKey(table, column))
                    yield return places.Column(table.Name, name) +
                        $"column '{table.Name}.{name}' is in the primary key, which {dialect.Name} makes NOT NULL here; remove `nullable: true`";
        }
    }
}
