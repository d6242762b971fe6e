using Xunit.Abstractions;

namespace SchemaTool.Tests.RealApps;

/// <summary>
/// The real-application corpus (tests/realapps, see its README): one test case per schema file, each adopted
/// through the CLI and compared in the databases' own catalogs (<see cref="RealAppRunner"/>). A file that does not
/// round-trip fails its case, unless tests/realapps/EXPECTED-FAILURES.md lists it: then it must fail exactly as listed
/// (<see cref="ExpectedFailures"/>), and fails its case when it passes or fails otherwise. `scripts/test.sh` runs them with the rest; `scripts/realapps.sh` runs them alone (the
/// <see cref="Category"/> trait) and rewrites tests/realapps/RESULTS.md.
/// </summary>
public abstract class RealAppTests(RealAppResults results, ITestOutputHelper output)
{
    public const string Category = "RealApps";

    protected async Task AdoptAsync(IRealAppDatabase database, string name)
    {
        var file = RealAppCorpus.Files(database.Dialect).Single(f => f.Name == name);
        var folder = Directory.CreateTempSubdirectory("schematool-realapps-").FullName;
        RealAppResult result;
        try
        {
            result = await new RealAppRunner(database, folder).RunAsync(file);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        var expected = ExpectedFailures.Read().GetValueOrDefault(file.ToString());
        results.Add(result, expected);
        var c = result.Counts;
        output.WriteLine($"{file}: {c?.Tables} tables, {c?.Columns} columns, {c?.Indexes} indexes, {c?.ForeignKeys} foreign keys, " +
                         $"{result.LeftAlone.Count} object(s) left alone by inspect, {result.Duration.TotalSeconds:0.0} s");
        foreach (var l in result.LeftAlone) output.WriteLine("  left alone: " + l);
        foreach (var change in result.Changes) output.WriteLine("  changed: " + change);
        foreach (var f in result.Failures) output.WriteLine($"  [{f.Stage}] {f.Detail}");
        if (ExpectedFailures.Verdict(result, expected) is { } problem)
            Assert.Fail($"{problem}\n{file.Source}\n" + string.Join("\n", result.Failures.Select(f => $"[{f.Stage}] {f.Detail}")));
    }
}

[Trait("Category", RealAppTests.Category)]
public sealed class PostgresRealAppTests(RealAppResults results, ITestOutputHelper output)
    : RealAppTests(results, output), IClassFixture<RealAppResults>
{
    public static TheoryData<string> Files => RealAppCorpus.Names("postgres");

    [Theory]
    [MemberData(nameof(Files))]
    public Task Adopts(string file) => AdoptAsync(new PostgresRealAppDatabase(), file);
}

[Trait("Category", RealAppTests.Category)]
public sealed class MySqlRealAppTests(RealAppResults results, ITestOutputHelper output)
    : RealAppTests(results, output), IClassFixture<RealAppResults>
{
    public static TheoryData<string> Files => RealAppCorpus.Names("mysql");

    [Theory]
    [MemberData(nameof(Files))]
    public Task Adopts(string file) => AdoptAsync(new MySqlRealAppDatabase(), file);
}

[Trait("Category", RealAppTests.Category)]
public sealed class SqliteRealAppTests(RealAppResults results, ITestOutputHelper output)
    : RealAppTests(results, output), IClassFixture<RealAppResults>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("schematool-realapps-sqlite-").FullName;

    public static TheoryData<string> Files => RealAppCorpus.Names("sqlite");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(Files))]
    public Task Adopts(string file) => AdoptAsync(new SqliteRealAppDatabase(_folder), file);
}
