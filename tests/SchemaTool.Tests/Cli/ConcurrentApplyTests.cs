using System.Diagnostics;
using System.Text.RegularExpressions;
using SchemaTool.Tests.Support;

namespace SchemaTool.Tests.Cli;

/// <summary>Two real `schematool apply` processes on one SQLite file: one waits for the other; no revision runs twice.</summary>
public sealed partial class ConcurrentApplyTests
{
    [GeneratedRegex(@"^wrote revision ([0-9a-f]{12}): ", RegexOptions.Multiline)]
    private static partial Regex WroteRevision();

    private static string CliDll => Path.Combine(AppContext.BaseDirectory, "schematool.dll");

    private static Process Start(string project)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { CliDll, "apply", "--project", project, "--no-color" }) info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }

    [Fact]
    public async Task Two_apply_processes_at_once_both_succeed_and_each_revision_is_recorded_once()
    {
        Assert.True(File.Exists(CliDll), $"{CliDll} is missing: the CLI is built with the test project");
        using var project = new TempProject();
        var revisions = new List<string>();
        // Several revisions, each creating a table with a foreign key and filling it, so that the two runs overlap.
        // Each is applied once only so that the next can be planned from its schema; then the database is removed.
        var model = "tables:\n  t0:\n    columns:\n      id: { type: int, primary_key: true }\n";
        for (var i = 0; i < 6; i++)
        {
            model += $"  t{i + 1}:\n    columns:\n      id: {{ type: int, primary_key: true }}\n      t{i}_id: {{ type: int, nullable: true, references: t{i}.id }}\n";
            project.WriteModel(model);
            var revision = WroteRevision().Match(project.Ok("plan", "-m", $"step {i}").Stdout).Groups[1].Value;
            File.AppendAllText(project.UpFile(revision),
                $"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000) INSERT INTO t{i + 1} (id) SELECT x FROM n;\n");
            project.Ok("apply");
            revisions.Add(revision);
        }
        File.Delete(project.DatabasePath);

        var a = Start(project.Directory);
        var b = Start(project.Directory);
        var outputs = await Task.WhenAll(Finish(a), Finish(b));

        Assert.All(outputs, o => Assert.True(o.Code == 0, $"exit {o.Code}\n{o.Stdout}\n{o.Stderr}"));
        var applied = outputs.Select(o => Regex.Count(o.Stdout, "^applying ", RegexOptions.Multiline)).Order().ToList();
        Assert.Equal(revisions.Count, applied.Sum());
        Assert.Equal(revisions, project.Query("SELECT revision FROM schematool_history ORDER BY rowid"));
        Assert.Equal(["20000"], project.Query("SELECT count(*) FROM t6"));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Finish(Process process)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
