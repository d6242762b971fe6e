using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Cli.Output;
using SchemaTool.Model;
using SchemaTool.Planning;
using SchemaTool.Project;
using SchemaTool.Yaml;

namespace SchemaTool.Cli.Commands;

/// <summary>
/// The model against the database, writing nothing: the two schemas as canonical model YAML (ModelWriter, in
/// the dialect's normal form) in a unified diff, then the SQL that `plan` would write.
/// </summary>
public static class DiffCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("diff", cmd =>
        {
            cmd.Description = "show how the database differs from the model (a diff of the two as YAML) and the SQL plan would write; writes nothing";
            var common = new CommonOptions(cmd, console);
            cmd.OnExecute(() => RunAsync(common, console).GetAwaiter().GetResult());
        });

    private static async Task<int> RunAsync(CommonOptions common, ConsoleOutput console)
    {
        var workspace = common.OpenWorkspace();
        console.Status($"reading {workspace.Target.Display} ...");
        await using var read = await workspace.ReadWithModelAsync(session => workspace.IntrospectAsync(session, CancellationToken.None), CancellationToken.None, MissingDatabase.Refuse);
        var plan = await Planner.CreateAsync(read.Session, read.Read, read.Model,
            new PlanSettings(Online: workspace.Config.Online, RowEstimates: read.Session.RowEstimates), CancellationToken.None);
        foreach (var notice in plan.Notices) console.Info("note: " + notice);
        if (plan.IsEmpty)
        {
            console.Line($"no differences: {workspace.Target.Display} matches the model");
            return 0;
        }

        var database = ModelWriter.Write(AsStatedBy(plan.Current, plan.Desired));
        var wanted = ModelWriter.Write(WithoutRenameHints(plan.Desired));
        var schemaPath = Path.GetRelativePath(workspace.Config.ProjectDirectory, workspace.Config.SchemaPath);
        UnifiedDiff.Print(console, UnifiedDiff.Render(database, wanted, $"database ({workspace.Target.Display})", $"model ({schemaPath})"));
        console.Line();
        PlanSummary.Print(console, plan);
        console.Line();
        console.Line(console.Paint("-- the SQL `schematool plan` would write (up):", ConsoleOutput.Dim));
        console.Out.Write(plan.UpScript);
        return 0;
    }

    /// <summary>What the model leaves to the database (a MySQL table's engine or charset) is no difference to show.</summary>
    private static Schema AsStatedBy(Schema database, Schema model) => database with
    {
        Tables = database.Tables.Select(t => t.Options is null ? t
            : t with { Options = TableOptions.AsStatedBy(t.Options, model.FindTable(t.Name)?.Options) }).ToValueList(),
    };

    /// <summary>renamed_from tells plan how to get there; it is not part of the schema, so it is not diffed.</summary>
    private static Schema WithoutRenameHints(Schema schema) => schema with
    {
        Tables = schema.Tables.Select(t => t with { RenamedFrom = null, Columns = t.Columns.Select(c => c.WithoutHints()).ToValueList() }).ToValueList(),
        Enums = schema.Enums.Select(e => e.WithoutHints()).ToValueList(),
        Domains = schema.Domains.Select(d => d.WithoutHints()).ToValueList(),
        Sequences = schema.Sequences.Select(s => s.WithoutHints()).ToValueList(),
    };
}
