using SchemaTool.Project;
using SchemaTool.Yaml;

namespace SchemaTool.Tests.MySql;

/// <summary>
/// The adoption path on MariaDB: a schema made by hand, `inspect`ed into model YAML, the model planned and
/// applied on an empty database, and the two databases compared through SHOW CREATE TABLE; then a second plan is
/// empty against both, and `rollback base` empties the copy.
/// </summary>
internal static class MySqlAdoption
{
    /// <summary>Runs the whole path on <paramref name="sql"/>; returns the YAML `inspect` wrote.</summary>
    public static async Task<string> RoundTripAsync(string sql)
    {
        await using var original = await MySqlProject.CreateAsync("adopt_src");
        await original.ExecuteAsync(sql);
        string yaml;
        await using (var session = await original.OpenAsync())
            yaml = (await Inspector.InspectAsync(session, CancellationToken.None)).Yaml;

        await using var copy = await MySqlProject.CreateAsync("adopt_copy");
        Assert.NotNull(await copy.PlanRevisionAsync(yaml, "adopt"));
        await copy.ApplyAsync();

        var tables = await TablesAsync(original);
        Assert.Equal(tables, await TablesAsync(copy));
        foreach (var table in tables)
            Assert.Equal(await ShowCreateAsync(original, table), await ShowCreateAsync(copy, table));

        var again = await copy.PlanAsync(yaml);
        Assert.True(again.IsEmpty, again.UpScript);
        var onOriginal = await original.PlanAsync(yaml);
        Assert.True(onOriginal.IsEmpty, onOriginal.UpScript);

        await copy.RollbackAsync("base");
        Assert.Empty(await TablesAsync(copy));
        return yaml;
    }

    public static async Task<List<string>> TablesAsync(MySqlProject project) =>
        (await project.QueryAsync("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'schematool%' ORDER BY TABLE_NAME"))
        .Select(r => (string)r[0]!).ToList();

    /// <summary>
    /// SHOW CREATE TABLE as lines: the columns in their order, and the keys and constraints as a sorted set (the
    /// server lists them in the order they were made, which the copy need not share).
    /// </summary>
    public static async Task<string> ShowCreateAsync(MySqlProject project, string table)
    {
        var text = (string)(await project.QueryAsync($"SHOW CREATE TABLE `{table}`")).Single()[1]!;
        var lines = text.Split('\n').Select(l => l.TrimEnd(',')).ToList();
        var body = lines.Skip(1).Take(lines.Count - 2).ToList();
        var columns = body.Where(l => l.TrimStart().StartsWith('`'));
        var keys = body.Where(l => !l.TrimStart().StartsWith('`')).Order(StringComparer.Ordinal);
        return string.Join("\n", [lines[0], .. columns, .. keys, lines[^1]]);
    }
}
