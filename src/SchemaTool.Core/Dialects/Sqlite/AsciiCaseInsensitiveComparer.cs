namespace SchemaTool.Dialects.Sqlite;

/// <summary>Names as SQLite compares them: ASCII letters without case, every other character as it is.</summary>
internal sealed class AsciiCaseInsensitiveComparer : IEqualityComparer<string>
{
    public static readonly AsciiCaseInsensitiveComparer Instance = new();

    public bool Equals(string? x, string? y)
    {
        if (x is null || y is null) return x == y;
        if (x.Length != y.Length) return false;
        for (var i = 0; i < x.Length; i++)
            if (Fold(x[i]) != Fold(y[i])) return false;
        return true;
    }

    public int GetHashCode(string name)
    {
        var hash = new HashCode();
        foreach (var c in name) hash.Add(Fold(c));
        return hash.ToHashCode();
    }

    private static char Fold(char c) => char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
}
