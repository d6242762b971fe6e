using SchemaTool.Model;

namespace SchemaTool.Dialects.MySql;

/// <summary>What a model asks for that MySQL and MariaDB cannot build; each message says what to do instead.</summary>
public static class MySqlValidator
{
    private const string SupplementaryInComment =
        "holds a character past U+FFFF (such as an emoji), which MySQL keeps as '?' in a comment: remove it";

    private const string SupplementaryInText = "holds a character past U+FFFF (such as an emoji)";

    private const string ReadBackAsQuestionMarks =
        ", which MySQL's information_schema reports as '????': write it as a hex literal (_utf8mb4 0xF09F9880) instead";

    public static IReadOnlyList<string> Validate(Schema model)
    {
        var problems = PostgresOnlyFeatures.Uses(model, "MySQL").ToList();
        foreach (var table in model.Tables)
        {
            if (table.Columns.Count == 0 && table.Options?.Virtual is null) // a virtual table is refused as such
                problems.Add($"{Yaml.ModelPositions.Of(model).Table(table.Name)}table '{table.Name}' has no columns, and MySQL cannot make a table without any: add columns");
            // PostgreSQL numbers any column (identity); MySQL's AUTO_INCREMENT must lead a key, and the model makes it the primary key's.
            foreach (var column in table.Columns)
                if (column.AutoIncrement && table.PrimaryKey?.Columns.Contains(column.Name) != true)
                    problems.Add($"auto_increment column '{table.Name}.{column.Name}' must be (part of) the primary key");
            foreach (var name in table.PrimaryKey?.Columns ?? [])
                if (table.FindColumn(name) is { } column && MySqlTypes.NeedsPrefixLength(MySqlTypes.Canonical(column.Type)))
                    problems.Add($"primary key of table '{table.Name}': column '{name}' is {column.Type}, which MySQL cannot key in full: use varchar(n) (or binary(n))");
            foreach (var index in table.Indexes)
                Validate(table, index, problems);
            // The data dictionary keeps comments in utf8mb3: a character past U+FFFF would come back as '?', a change
            // on every plan after.
            if (table.Comment is { } tableComment && tableComment.Any(char.IsSurrogate))
                problems.Add($"comment of table '{table.Name}' {SupplementaryInComment}");
            foreach (var column in table.Columns.Where(c => c.Comment?.Any(char.IsSurrogate) == true))
                problems.Add($"comment of column '{table.Name}.{column.Name}' {SupplementaryInComment}");
            // A literal default is stored in utf8mb3 as well ('😀' becomes '?'); expressions are kept whole, but
            // information_schema reports them in utf8mb3 ('????'), so no plan could ever find them equal again.
            foreach (var column in table.Columns)
            {
                if (column.Default is { Kind: DefaultKind.String } literal && literal.Text.Any(char.IsSurrogate))
                    problems.Add($"default of column '{table.Name}.{column.Name}' {SupplementaryInText}, which MySQL stores as '?' in a default: remove it");
                if (column.Default is { Kind: DefaultKind.Sql } expression && expression.Text.Any(char.IsSurrogate))
                    problems.Add($"default_sql of column '{table.Name}.{column.Name}' {SupplementaryInText}{ReadBackAsQuestionMarks}");
                if (column.Generated?.Expression.Any(char.IsSurrogate) == true)
                    problems.Add($"generated expression of column '{table.Name}.{column.Name}' {SupplementaryInText}{ReadBackAsQuestionMarks}");
            }
            foreach (var check in table.Checks.Where(c => c.Expression.Any(char.IsSurrogate)))
                problems.Add($"check '{check.Name}' of table '{table.Name}' {SupplementaryInText}{ReadBackAsQuestionMarks}");
            // A collation is written as a word: MySQL's names are letters, digits and underscores (utf8mb4_unicode_ci).
            foreach (var column in table.Columns)
                if (column.Collation is { } collation && !collation.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                    problems.Add($"column '{table.Name}.{column.Name}': MySQL has no collation '{collation}'; its names are letters, digits and _, such as utf8mb4_unicode_ci");
            foreach (var fk in table.ForeignKeys)
            {
                var what = $"foreign key '{fk.Name}' of table '{table.Name}'";
                if (fk.Deferrable != Deferrability.NotDeferrable)
                    problems.Add($"{what} is deferrable; MySQL checks foreign keys at once: remove `deferrable:`");
                if (fk.OnDelete == ReferentialAction.SetDefault || fk.OnUpdate == ReferentialAction.SetDefault)
                    problems.Add($"{what} uses SET DEFAULT, which InnoDB rejects; use set null, cascade or restrict");
            }
        }
        return problems;
    }

    private static void Validate(Table table, TableIndex index, List<string> problems)
    {
        var what = $"index '{index.Name}' of table '{table.Name}'";
        if (index.Comment?.Any(char.IsSurrogate) == true)
            problems.Add($"comment of {what} {SupplementaryInComment}");
        if (index.Where is not null)
            problems.Add($"{what} is partial (`where:`); MySQL has no partial indexes: remove `where:`");
        if (index.Method is { } method && method.ToLowerInvariant() is not ("btree" or "hash" or "fulltext" or "spatial"))
            problems.Add($"{what} uses `{method}`; MySQL knows btree, hash, fulltext and spatial");
        foreach (var part in index.Parts)
        {
            if (part.OpClass is not null)
                problems.Add($"{what}: operator classes (`opclass: {part.OpClass}`) are PostgreSQL's; remove it");
            if (part.Collation is not null)
                problems.Add($"{what}: a key part cannot take a collation in MySQL; set `collation:` on the column");
            if (part.Expression is not null)
                problems.Add($"{what}: expression key parts ({part.Expression}) do not exist on MariaDB; index a generated column instead");
            if (part.Column is { } name && table.FindColumn(name) is { } column && part.Length is null
                && index.Method is null or "btree" or "hash" && MySqlTypes.NeedsPrefixLength(MySqlTypes.Canonical(column.Type)))
                problems.Add($"{what}: column '{name}' is {column.Type}, which MySQL indexes only by a prefix: add `length:` (e.g. {{ column: {name}, length: 191 }})");
        }
    }
}
