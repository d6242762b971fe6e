namespace SchemaTool.Tests.Infrastructure;

internal static class LogFile
{
    /// <summary>The last lines of a server log, for error messages.</summary>
    public static string Tail(string path, int lines = 30)
    {
        if (!File.Exists(path)) return $"({path} does not exist)";
        var all = File.ReadAllLines(path);
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}
