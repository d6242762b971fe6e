using McMaster.Extensions.CommandLineUtils;

namespace SchemaTool.Cli.Commands;

/// <summary>The end of each command's --help: examples to copy, and what its exit codes mean.</summary>
public static class VerbHelp
{
    private sealed record Entry(string[] Examples, string Success, string? OutOfDate = null);

    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        ["init"] = new(["schematool init", "schematool init --dialect postgres", "schematool init --database postgres://app@db1:5432/app"],
            "the project was created"),
        ["plan"] = new(["schematool plan -m \"add posts\"", "schematool plan --dry-run", "schematool plan -m \"add posts\" --json"],
            "a revision was written, or there was nothing to change"),
        ["apply"] = new(["schematool apply", "schematool apply +1", "schematool apply --dry-run", "schematool apply --sql > deploy.sql", "schematool apply --all --parallel 8"],
            "every revision up to TARGET is applied (or nothing was pending)"),
        ["rollback"] = new(["schematool rollback -1", "schematool rollback 58398e2741bc", "schematool rollback base --dry-run"],
            "REV is the current revision"),
        ["history"] = new(["schematool history", "schematool history --json"], "the history was printed"),
        ["status"] = new(["schematool status", "schematool status --json", "schematool status --all"], "the status was printed, whatever it says"),
        ["stamp"] = new(["schematool stamp 58398e2741bc", "schematool stamp head", "schematool stamp base"], "the history now records REV as current"),
        ["merge"] = new(["schematool merge a1b2c3d4e5f6 0f1e2d3c4b5a -m \"join branches\""], "the merge revision was written"),
        ["check"] = new(["schematool check", "schematool check --json", "schematool check --project db --database \"$DATABASE_URL\"", "schematool check --all"],
            "the database is at head and matches the model",
            "the database is not at head, or differs from the model (the reasons are listed)"),
        ["diff"] = new(["schematool diff", "schematool diff --database postgres://app:${PGPASS}@localhost:5432/app"],
            "the differences (or that there are none) were printed"),
        ["inspect"] = new(["schematool inspect -o schema/tables.yaml", "schematool inspect --database postgres://app:${PGPASS}@db1:5432/app > tables.yaml"],
            "the model YAML was written"),
        ["unlock"] = new(["schematool unlock", "schematool unlock --force"], "the lock is free"),
        ["rehash"] = new(["schematool rehash", "schematool rehash 58398e2741bc"], "the history records the current checksums of the edited revisions"),
        ["discard"] = new(["schematool discard", "schematool discard 58398e2741bc", "schematool discard 58398e2741bc --force"],
            "the revision's files (or its half-applied history row) are gone"),
    };

    /// <summary>Sets the extended help of every command that has an entry; a command without one shows none.</summary>
    public static void AddTo(CommandLineApplication app)
    {
        app.ExtendedHelpText = string.Join(Environment.NewLine,
            "", "Common options, before or after the command: --project DIR, --database URL, --target NAME, --verbose, --no-color",
            "Exit codes: 0 success, 1 check found the database out of date, 2 bad input, 3 the database refused or failed, 4 internal error");
        foreach (var command in app.Commands)
            if (Entries.TryGetValue(command.Name, out var entry)) command.ExtendedHelpText = Text(entry);
    }

    private static string Text(Entry entry)
    {
        var lines = new List<string> { "", "Examples:" };
        lines.AddRange(entry.Examples.Select(e => "  " + e));
        lines.Add("");
        lines.Add("Exit codes:");
        lines.Add("  0  " + entry.Success);
        if (entry.OutOfDate is { } outOfDate) lines.Add("  1  " + outOfDate);
        lines.Add("  2  bad input: config, model, arguments or revision files");
        lines.Add("  3  the database refused or failed: connection, SQL error, lock timeout");
        lines.Add("  4  internal error (a bug: please report it with the output of --verbose)");
        return string.Join(Environment.NewLine, lines);
    }
}
