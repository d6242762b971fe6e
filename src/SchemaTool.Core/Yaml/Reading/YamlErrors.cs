namespace SchemaTool.Yaml.Reading;

/// <summary>
/// Puts YamlDotNet's errors where the mistake is, for the two it reports elsewhere: a tab in indentation (which
/// it reports at 1:1) and a key longer than YAML allows (reported as a missing document start).
/// </summary>
internal static class YamlErrors
{
    public static YamlSyntaxException Explain(string text, Exception error, int line, int column, string message)
    {
        if (error.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(text) is var (tabLine, tabColumn))
            return new YamlSyntaxException(tabLine, tabColumn, "malformed YAML: a tab in the indentation; YAML indents with spaces only");
        if (LongKeyOn(text, line) is { } keyColumn)
            return new YamlSyntaxException(line, keyColumn,
                $"malformed YAML: a key longer than {YamlDocument.MaxImplicitKeyLength} characters, which YAML allows only when written after `? `; shorten it");
        return new YamlSyntaxException(line, column, message);
    }

    /// <summary>The line and column of the first tab among the spaces that begin a line, if any.</summary>
    private static (int Line, int Column)? FirstIndentingTab(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var end = 0;
            while (end < line.Length && line[end] is ' ' or '\t') end++;
            var tab = line.IndexOf('\t', 0, end);
            if (tab >= 0 && end < line.Length && line[end] != '#') return (i + 1, tab + 1);
        }
        return null;
    }

    /// <summary>Where a key too long for YAML starts on <paramref name="line"/>, or null.</summary>
    private static int? LongKeyOn(string text, int line)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (line < 1 || line > lines.Length) return null;
        var content = lines[line - 1];
        var start = content.Length - content.TrimStart(' ').Length;
        var colon = content.IndexOf(": ", start, StringComparison.Ordinal);
        if (colon < 0 && content.EndsWith(':')) colon = content.Length - 1;
        return colon - start > YamlDocument.MaxImplicitKeyLength ? start + 1 : null;
    }
}
