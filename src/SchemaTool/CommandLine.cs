using System.Data.Common;
using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Cli.Commands;
using SchemaTool.Cli.Output;
using SchemaTool.Dialects;
using SchemaTool.Revisions;
using SchemaTool.Yaml;

namespace SchemaTool.Cli;

/// <summary>Builds the command tree and turns failures into SPEC.md's exit codes and one-line errors.</summary>
public static class CommandLine
{
    public const int InternalError = 4;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, Environment.GetEnvironmentVariable);

    /// <summary>Runs with <paramref name="environment"/> deciding terminal mode and colour (NO_COLOR, SCHEMATOOL_FORCE_TTY).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
    {
        var app = new CommandLineApplication
        {
            Name = "schematool",
            Description = "Declarative schema migrations from YAML, written as reviewable SQL (PostgreSQL, MySQL/MariaDB, SQLite).",
            Out = stdout,
            Error = stderr,
        };
        app.HelpOption("-h|--help");
        app.VersionOption("--version", typeof(CommandLine).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        var console = new ConsoleOutput(stdout, stderr, TerminalMode.Detect(stdout, environment, args.Contains("--no-color")));

        InitCommand.Register(app, console);
        PlanCommand.Register(app, console);
        ApplyCommand.Register(app, console);
        RollbackCommand.Register(app, console);
        HistoryCommand.Register(app, console);
        StatusCommand.Register(app, console);
        StampCommand.Register(app, console);
        MergeCommand.Register(app, console);
        CheckCommand.Register(app, console);
        DiffCommand.Register(app, console);
        InspectCommand.Register(app, console);
        UnlockCommand.Register(app, console);
        RehashCommand.Register(app, console);
        DiscardCommand.Register(app, console);
        app.OnExecute(() =>
        {
            app.ShowHelp();
            return 2;
        });

        var verbose = args.Contains("--verbose");
        try
        {
            return app.Execute(RollbackCommand.RewriteStepCount(args));
        }
        catch (CommandParsingException e)
        {
            return Fail(console, $"{e.Message}; see `schematool {e.Command.Name} --help`", 2);
        }
        catch (Exception e) when (Unwrap(e) is var inner && inner is not null)
        {
            var (message, code) = inner switch
            {
                ModelException m => (string.Join(Environment.NewLine, m.Errors), 2),
                RevisionException r => (string.Join(Environment.NewLine, r.Errors), 2),
                SchemaToolException s => (s.Message, s.ExitCode),
                LockTimeoutException l => (l.Message + "; try again later, or raise lock_timeout / --lock-timeout", 3),
                DbException d => (d.Message, 3),
                IOException io => (io.Message, 3),
                _ => ($"internal error: {inner.Message} (run with --verbose for details, and please report it)", InternalError),
            };
            if (verbose) stderr.WriteLine(inner.ToString());
            return Fail(console, message, code);
        }
    }

    private static Exception? Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e;

    private static int Fail(ConsoleOutput console, string message, int code)
    {
        console.Error(message);
        return code;
    }
}
