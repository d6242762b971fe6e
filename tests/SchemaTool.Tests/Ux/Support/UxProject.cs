using SchemaTool.Cli;

namespace SchemaTool.Tests.Ux.Support;

/// <summary>What one in-process run of the CLI printed, and its exit code.</summary>
public sealed record UxRun(int ExitCode, string Out, string Err)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Err}";
}

/// <summary>
/// A throwaway copy of a project from examples/ (SQLite, in a temp folder), run with the CLI in process.
/// The environment given to the CLI is only <see cref="Environment"/>, so tests can force terminal mode or
/// NO_COLOR without touching the process's variables.
/// </summary>
public sealed class UxProject : IDisposable
{
    public string Dir { get; }

    public Dictionary<string, string> Environment { get; } = new();

    private UxProject(string dir) => Dir = dir;

    public static UxProject FromExample(string example = "quickstart")
    {
        var dir = Path.Combine(Path.GetTempPath(), "schematool-ux-" + Guid.NewGuid().ToString("N")[..10]);
        Copy(Path.Combine(RepoPaths.Root, "examples", example), dir);
        return new UxProject(dir);
    }

    public UxRun Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = CommandLine.Run([.. args, "--project", Dir], stdout, stderr, name => Environment.GetValueOrDefault(name));
        return new UxRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs and asserts exit 0, showing the output when it is not.</summary>
    public UxRun Ok(params string[] args)
    {
        var run = Run(args);
        Assert.True(run.ExitCode == 0, $"schematool {string.Join(" ", args)}: {run}");
        return run;
    }

    /// <summary>
    /// An empty SQLite database file (a valid database with no tables), for the commands that only read: they
    /// refuse a database file that does not exist.
    /// </summary>
    public void CreateEmptyDatabase(string file = "app.db") => File.WriteAllBytes(Path.Combine(Dir, file), []);

    public void UseModel(string relativeFile) =>
        File.Copy(Path.Combine(Dir, relativeFile), Path.Combine(Dir, "schema", "tables.yaml"), overwrite: true);

    public void WriteModel(string yaml) => File.WriteAllText(Path.Combine(Dir, "schema", "tables.yaml"), yaml);

    public string[] UpFiles() => Directory.GetFiles(Path.Combine(Dir, "migrations"), "*.up.sql");

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(from, file);
            if (rel.EndsWith(".db", StringComparison.Ordinal) || rel.StartsWith("migrations", StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, rel))!);
            File.Copy(file, Path.Combine(to, rel));
        }
        Directory.CreateDirectory(Path.Combine(to, "migrations"));
    }
}
