using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Project;

namespace SchemaTool.Cli.Commands;

public static class InspectCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("inspect", cmd =>
        {
            cmd.Description = "write the database's schema as model YAML (that `plan` then finds nothing to change in)";
            var output = cmd.Option("-o|--output <FILE>", "write the YAML to FILE instead of stdout", CommandOptionType.SingleValue);
            var force = cmd.Option("--force", "replace the -o FILE even if it holds a model that init did not write", CommandOptionType.NoValue);
            var common = new CommonOptions(cmd, console);
            cmd.OnExecute(() => RunAsync(common, console, output.Value(), force.HasValue()).GetAwaiter().GetResult());
        });

    private static async Task<int> RunAsync(CommonOptions common, ConsoleOutput console, string? output, bool force)
    {
        if (output is not null && Directory.Exists(Path.GetFullPath(output)))
            throw new InputException($"-o {output} is a folder; name the file to write, e.g. -o schema/tables.yaml");
        var workspace = common.OpenWorkspaceOrDatabase();
        var inspection = await Inspector.InspectAsync(workspace, CancellationToken.None);
        foreach (var notice in inspection.Notices) console.Warning(notice);
        if (output is null)
        {
            console.Out.Write(inspection.Yaml);
            return 0;
        }
        Inspector.WriteModelFile(Path.GetFullPath(output), inspection.Yaml, force, output);
        console.Success($"wrote {output}: {inspection.Schema.Tables.Count} table(s)");
        return 0;
    }
}
