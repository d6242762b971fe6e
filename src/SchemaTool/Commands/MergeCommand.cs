using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Project;
using SchemaTool.Revisions;

namespace SchemaTool.Cli.Commands;

public static class MergeCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("merge", cmd =>
        {
            cmd.Description = "write a revision with two parents and no statements, joining two heads";
            var first = cmd.Argument("rev1", "the first head");
            var second = cmd.Argument("rev2", "the second head");
            var message = cmd.Option("-m|--message <MSG>", "what the merge joins", CommandOptionType.SingleValue);
            var common = new CommonOptions(cmd, console);
            cmd.OnExecute(() =>
            {
                if (first.Value is null || second.Value is null)
                    throw new InputException("merge needs two revisions: schematool merge REV1 REV2 -m MSG (`schematool history` shows the heads)");
                if (string.IsNullOrWhiteSpace(message.Value()))
                    throw new InputException("merge needs a message: schematool merge REV1 REV2 -m \"merge branches\"");
                common.ApplyColor();
                // Merging needs no database: only the config's migrations folder.
                var config = ConfigLoader.Load(common.ProjectDirectory);
                var graph = RevisionFolder.Load(config.MigrationsPath);
                var revision = RevisionMerge.Write(graph, config.MigrationsPath, first.Value!, second.Value!, message.Value()!.Trim(), DateTimeOffset.UtcNow);
                console.Success($"wrote merge revision {revision.Id}: {revision.Message} (parents {string.Join(", ", revision.Parents)})");
                console.Line("  " + RevisionFolder.Display(revision.UpPath));
                console.Line("  " + RevisionFolder.Display(revision.DownPath));
                return 0;
            });
        });
}
