using SchemaTool.Model;

namespace SchemaTool.Dialects.Postgres;

/// <summary>An exclusion constraint in the form compared: its index parts and predicate as an index's, its operators bare.</summary>
internal static class PostgresExclusions
{
    public static Exclusion Normalize(Exclusion exclusion, IReadOnlySet<string> textColumns, IReadOnlyDictionary<string, string>? columnTypes = null)
    {
        var index = PostgresNormalizer.NormalizeIndex(
            new TableIndex(exclusion.Name, exclusion.Elements.Select(e => e.Part).ToValueList(), Method: exclusion.Method, Where: exclusion.Where,
                Comment: exclusion.Comment), textColumns, columnTypes);
        return ValueList.SameIfEqual(exclusion, exclusion with
        {
            Elements = exclusion.Elements.Select((e, i) => ValueList.SameIfEqual(e, new ExclusionElement(index.Parts[i], Operator(e.Operator)))).ToValueList(),
            Method = index.Method,
            Where = index.Where,
            Comment = index.Comment,
        });
    }

    /// <summary>The operator's symbol: the catalog gives it bare, the model may write OPERATOR(pg_catalog.=).</summary>
    private static string Operator(string text)
    {
        var op = text.Trim();
        if (!op.StartsWith("OPERATOR(", StringComparison.OrdinalIgnoreCase) || !op.EndsWith(')')) return op;
        var inner = op["OPERATOR(".Length..^1].Trim();
        var dot = inner.LastIndexOf('.');
        return inner[(dot + 1)..].Trim();
    }
}
