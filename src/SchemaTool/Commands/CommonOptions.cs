using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Project;

namespace SchemaTool.Cli.Commands;

/// <summary>The options every command that opens a project takes.</summary>
public sealed class CommonOptions
{
    private readonly CommandOption _project;
    private readonly CommandOption _database;
    private readonly CommandOption _noColor;
    private readonly CommandOption _target;
    private readonly ConsoleOutput _console;

    public CommonOptions(CommandLineApplication command, ConsoleOutput console)
    {
        _console = console;
        _project = command.Option("--project <DIR>", "the project folder (default: the current folder)", CommandOptionType.SingleValue);
        _database = command.Option("--database <URL>", "the database, overriding SCHEMATOOL_DATABASE and `database:`", CommandOptionType.SingleValue);
        _target = command.Option("--target <NAME>", "one target of the fleet named in schematool.yaml", CommandOptionType.SingleValue);
        command.Option("--verbose", "show details and stack traces", CommandOptionType.NoValue);
        _noColor = command.Option("--no-color", "no colour in the output", CommandOptionType.NoValue);
        command.HelpOption("-h|--help");
    }

    public string ProjectDirectory => Path.GetFullPath(_project.Value() ?? Directory.GetCurrentDirectory());

    public Workspace OpenWorkspace()
    {
        if (_noColor.HasValue()) _console.Color = false;
        if (_target.Value() is not { } name) return SessionStats.Track(Workspace.Open(ProjectDirectory, _database.Value()));
        var config = Workspace.LoadConfig(ProjectDirectory);
        var target = FleetResolver.FindAsync(config, name, CancellationToken.None).GetAwaiter().GetResult();
        return SessionStats.Track(Workspace.ForUrl(config, target.Url).ForTarget(target));
    }

    /// <summary>The project, or without one the database that --database names (inspect, to adopt a database).</summary>
    public Workspace OpenWorkspaceOrDatabase()
    {
        if (_target.HasValue()) return OpenWorkspace();
        ApplyColor();
        return SessionStats.Track(Workspace.OpenOrDatabaseOnly(ProjectDirectory, _database.Value()));
    }

    public ProjectConfig LoadConfig()
    {
        if (_noColor.HasValue()) _console.Color = false;
        return Workspace.LoadConfig(ProjectDirectory);
    }

    public void ApplyColor()
    {
        if (_noColor.HasValue()) _console.Color = false;
    }
}
