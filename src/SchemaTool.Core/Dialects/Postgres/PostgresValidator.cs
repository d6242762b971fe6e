using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>What a model may say that PostgreSQL cannot do; each problem is a message naming the object.</summary>
public static class PostgresValidator
{
    private static readonly HashSet<string> MySqlOnlyMethods = new(StringComparer.OrdinalIgnoreCase) { "fulltext", "spatial" };

    public static IReadOnlyList<string> Validate(Schema model)
    {
        var problems = new List<string>();
        foreach (var table in model.Tables)
        {
            foreach (var index in table.Indexes)
            {
                // Named only when there is a problem: formatting it for each of thousands of valid objects cost more than the checks.
                string What() => $"index '{index.Name}' of '{table.Name}'";
                if (index.Method is { } method && MySqlOnlyMethods.Contains(method))
                    problems.Add($"{What()}: PostgreSQL has no `using: {method}` index; use gin (with to_tsvector for full text) or gist, or remove `using:`");
                if (index.Parts.Any(p => p.Length is not null))
                    problems.Add($"{What()}: PostgreSQL has no prefix indexes, so `length:` cannot be used; index an expression such as left(column, 32) instead");
                if (index.Constraint && (index.Where is not null || index.ColumnNames is null || index.Method is not null
                                         || index.Parts.Any(p => p.Descending || p.OpClass is not null || p.Collation is not null)))
                    problems.Add($"{What()}: a unique constraint (`constraint: true`) takes plain columns only; drop `constraint: true` to get a unique index with these options");
            }
            foreach (var column in table.Columns)
            {
                string What() => $"column '{table.Name}.{column.Name}'";
                if (column.Generated is { Stored: false })
                    problems.Add($"{What()}: PostgreSQL 15 has only stored generated columns; set `stored: true`");
                var type = PostgresTypes.Canonical(column.Type);
                if (column.AutoIncrement && !PostgresTypes.IsInteger(type))
                    problems.Add($"{What()}: auto_increment needs an integer type (smallint, int or bigint), not {column.Type}");
                if (column.AutoIncrement && PostgresTypes.SerialBase(type) is not null)
                    problems.Add($"{What()}: {column.Type} already numbers itself; use `type: int` with auto_increment (an identity column), or drop auto_increment");
                if (column.Generated is not null && (column.Default is not null || column.AutoIncrement))
                    problems.Add($"{What()}: a generated column cannot have a default or auto_increment");
            }
        }
        return problems;
    }
}
