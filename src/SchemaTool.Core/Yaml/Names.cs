using System.Security.Cryptography;
using System.Text;

namespace SchemaTool.Yaml;

/// <summary>Deterministic names for the objects that the column shorthands create.</summary>
public static class Names
{
    /// <summary>The longest identifier every supported database accepts (PostgreSQL's 63 bytes).</summary>
    public const int MaxLength = 63;

    // An index lives in its table's schema, a constraint in its table: the schema adds nothing to the name.
    public static string Generated(string prefix, string table, params string[] columns) =>
        Fit($"{prefix}_{Model.QualifiedName.LocalOf(table)}_{string.Join("_", columns)}");

    /// <summary>Shortens a long name with a hash of the whole, so that it stays unique and stable.</summary>
    public static string Fit(string name)
    {
        if (Encoding.UTF8.GetByteCount(name) <= MaxLength) return name;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        var head = name;
        while (Encoding.UTF8.GetByteCount(head) > MaxLength - 9 || (head.Length > 0 && char.IsHighSurrogate(head[^1])))
            head = head[..^1]; // never half of a surrogate pair, which is no character at all
        return head + "_" + hash;
    }
}
