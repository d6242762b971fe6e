using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SchemaTool.Dialects.MySql;

/// <summary>
/// Written to the history row (column <c>statement_check</c>) just before statement <see cref="Index"/> (0-based) of
/// a revision runs: a hash of the statement and a hash of the SHOW CREATE TABLE text of the tables it names (or that
/// they are absent). If the run is interrupted before the statement's progress is recorded, the next run compares the
/// tables with <see cref="Before"/>: unchanged means the statement did not take effect; changed means it did.
/// </summary>
internal sealed record StatementCheck(int Index, string Statement, string Before)
{
    /// <summary>The column's text: "index statement-hash tables-hash".</summary>
    public override string ToString() => $"{Index.ToString(CultureInfo.InvariantCulture)} {Statement} {Before}";

    public static StatementCheck? Parse(string? text)
    {
        var parts = text?.Split(' ');
        return parts is { Length: 3 } && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? new StatementCheck(index, parts[1], parts[2])
            : null;
    }

    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
