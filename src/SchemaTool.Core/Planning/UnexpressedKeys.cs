using SchemaTool.Dialects;
using SchemaTool.Model;
using SchemaTool.Yaml;

namespace SchemaTool.Planning;

/// <summary>The model's keys that the target database cannot express (<see cref="DialectKeys"/>), each at its place.</summary>
internal static class UnexpressedKeys
{
    public static IEnumerable<string> Find(Schema model, IDialect dialect)
    {
        var places = ModelPositions.Of(model);
        var keys = dialect.Keys;
        if (!keys.HasFlag(DialectKeys.TriggerOrder))
            foreach (var trigger in model.Triggers.Where(t => t.Follows is not null))
                yield return $"trigger '{trigger.Name}': `follows:` orders MySQL's triggers; {dialect.Name} has no such order: remove it";
        if (!keys.HasFlag(DialectKeys.ViewAlgorithmAndSecurity))
            foreach (var view in model.Views.Where(v => v.Algorithm is not null || v.SecurityInvoker))
                yield return
                    $"view '{view.Name}': `algorithm:` and `security:` are MySQL's; remove them for {dialect.Name} " +
                    "(PostgreSQL's own is `with: { security_invoker: true }`)";
        foreach (var table in model.Tables)
        {
            var at = places.Table(table.Name);
            if (table.Options is { } options)
            {
                if (options.Virtual is not null && !keys.HasFlag(DialectKeys.VirtualTable))
                    yield return at +
                        $"table '{table.Name}' is `virtual:`; virtual tables are SQLite's, {dialect.Name} has none";
                if ((options.WithoutRowId || options.Strict) && !keys.HasFlag(DialectKeys.RowIdAndStrict))
                    yield return at +
                        $"table '{table.Name}': `without_rowid:` and `strict:` are SQLite's table options; remove them for {dialect.Name}";
                if ((options.Engine ?? options.Charset ?? options.Collation) is not null && !keys.HasFlag(DialectKeys.EngineAndCharset))
                    yield return at +
                        $"table '{table.Name}': `engine:`, `charset:` and `collation:` of a table are MySQL's; on {dialect.Name} give columns a `collation:` instead";
                if (options.Unlogged && !keys.HasFlag(DialectKeys.Unlogged))
                    yield return at + $"table '{table.Name}': `unlogged:` is PostgreSQL's; remove it for {dialect.Name}";
                if (options.RowFormat is not null && !keys.HasFlag(DialectKeys.EngineAndCharset))
                    yield return at + $"table '{table.Name}': `row_format:` is MySQL's; remove it for {dialect.Name}";
                if (options.KeyBlockSize is not null && !keys.HasFlag(DialectKeys.EngineAndCharset))
                    yield return at + $"table '{table.Name}': `key_block_size:` is MySQL's; remove it for {dialect.Name}";
            }
            if (!keys.HasFlag(DialectKeys.ColumnCheck))
                foreach (var column in table.Columns.Where(c => c.Check is not null))
                    yield return places.Column(table.Name, column.Name) +
                        $"column '{table.Name}.{column.Name}': a column's own `check:` is MariaDB's; on {dialect.Name} write it under the table's `checks:`";
            if (!keys.HasFlag(DialectKeys.ColumnStatistics))
                foreach (var column in table.Columns.Where(c => c.Statistics is not null))
                    yield return places.Column(table.Name, column.Name) +
                        $"column '{table.Name}.{column.Name}': `statistics:` is PostgreSQL's statistics target; remove it for {dialect.Name}";
            if (keys.HasFlag(DialectKeys.DeclaredType)) continue;
            foreach (var column in table.Columns)
                if (column.DeclaredType)
                    yield return places.Column(table.Name, column.Name) +
                        $"column '{table.Name}.{column.Name}': `declared_type:` keeps SQLite's declared type as written; on {dialect.Name} write `type: {column.Type}`";
        }
    }
}
