using System.Text.RegularExpressions;

namespace SchemaTool.Yaml;

/// <summary>
/// The model keys whose values go into the SQL as words, not as quoted text: an index's `using:` method, a key
/// part's `opclass:`, `collation:`, and MySQL's table options `engine:`, `charset:`, `collation:`, `row_format:`. Each must look like the name it is, so that nothing else (a parenthesis,
/// a semicolon, a second statement) can ride along. What each database accepts beyond that shape is checked at plan.
/// </summary>
internal static partial class SqlWords
{
    public static void Check(List<TableDraft> tables, List<string> errors)
    {
        foreach (var table in tables)
        {
            foreach (var (key, value) in TableWords(table.Options))
                if (value is not null && !Word().IsMatch(value))
                    errors.Add($"{table.Where}: `{key}:` of table '{Show(table.Name)}' must be a name (letters, digits and _, " +
                               $"such as InnoDB, utf8mb4, utf8mb4_bin or DYNAMIC), not '{Show(value)}'");
            foreach (var column in table.Columns)
                if (column.Collation is { } collation && !Collation().IsMatch(collation))
                    errors.Add($"{column.Where}: collation of column '{Show(table.Name)}.{Show(column.Name)}' must be a collation name " +
                               $"(letters, digits, _ . - @, such as en_US.utf8 or utf8mb4_unicode_ci), not '{Show(collation)}'");
            foreach (var (index, where) in table.Indexes)
            {
                var what = $"index '{Show(index.Name)}' of '{Show(table.Name)}'";
                if (index.Method is { } method && !Method().IsMatch(method))
                    errors.Add($"{where}: {what}: `using:` must be an index method name (btree, hash, gin, gist, brin...), not '{Show(method)}'");
                foreach (var part in index.Parts)
                {
                    if (part.OpClass is { } opclass && !OperatorClass().IsMatch(opclass))
                        errors.Add($"{where}: {what}: `opclass:` must be an operator class name (text_pattern_ops, or schema.name), not '{Show(opclass)}'");
                    if (part.Collation is { } partCollation && !Collation().IsMatch(partCollation))
                        errors.Add($"{where}: {what}: `collation:` must be a collation name (letters, digits, _ . - @), not '{Show(partCollation)}'");
                }
            }
        }
    }

    /// <summary>MySQL's table options, written into CREATE and ALTER TABLE as words.</summary>
    private static IEnumerable<(string Key, string? Value)> TableWords(Model.TableOptions options) =>
        [("engine", options.Engine), ("charset", options.Charset), ("collation", options.Collation), ("row_format", options.RowFormat)];

    private static string Show(string text) => PrintableText.Escape(text);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Method();

    [GeneratedRegex(@"^[A-Za-z0-9_]+$")]
    private static partial Regex Word();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$")]
    private static partial Regex OperatorClass();

    // PostgreSQL's ICU and libc collations (en-US-x-icu, de_DE.utf8), optionally written quoted.
    [GeneratedRegex(@"^(""[A-Za-z0-9_.@-]+""|[A-Za-z0-9_.@-]+)$")]
    private static partial Regex Collation();
}
