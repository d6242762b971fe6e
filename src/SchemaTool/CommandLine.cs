using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Text.RegularExpressions;
using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.Abstractions;
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
        VerbHelp.AddTo(app);
        app.OnExecute(() =>
        {
            // No command is a usage error: the usage goes to stderr with the error's exit code.
            stderr.Write(app.GetHelpText());
            return 2;
        });

        var verbose = args.Contains("--verbose");
        try
        {
            return Execute(app, RollbackCommand.RewriteStepCount(LeadingOptions.MoveAfterCommand(args)), stdout);
        }
        catch (CommandParsingException e)
        {
            return Fail(console, ParsingError(e), 2);
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

    /// <summary>
    /// CommandLineApplication.Execute, except that what the parser prints goes to a buffer that reaches stdout only
    /// when parsing succeeds (help, version). On a parsing error the parser prints a "Specify --help" hint; the
    /// error belongs on stderr alone, where <see cref="ParsingError"/> reports it with its own hint.
    /// </summary>
    private static int Execute(CommandLineApplication app, string[] args, TextWriter stdout)
    {
        var printed = new StringWriter();
        SetOut(app, printed);
        ParseResult result;
        try
        {
            result = app.Parse(args);
        }
        finally
        {
            SetOut(app, stdout);
        }
        stdout.Write(printed.ToString());
        var command = result.SelectedCommand;
        if (command.IsShowingInformation) return 0;
        var validation = command.GetValidationResult();
        if (validation != ValidationResult.Success) throw new InputException(validation.ErrorMessage ?? "invalid arguments");
        return command.Invoke();
    }

    private static void SetOut(CommandLineApplication command, TextWriter writer)
    {
        command.Out = writer;
        foreach (var sub in command.Commands) SetOut(sub, writer);
    }

    /// <summary>"unknown command 'aply'; did you mean apply?", with where to read more.</summary>
    private static string ParsingError(CommandParsingException e)
    {
        var command = e.Command;
        var help = command.Parent is null ? "`schematool --help`" : $"`schematool {command.Name} --help`";
        if (e is not UnrecognizedCommandParsingException unrecognized) return $"{e.Message}; see {help}";
        var word = Regex.Match(e.Message, "'(?<w>.*)'$").Groups["w"].Value;
        var what = word.StartsWith('-') ? "unknown option" : command.Commands.Count > 0 ? "unknown command" : "unexpected argument";
        var nearest = unrecognized.NearestMatches.Select(m => Spelling(command, m)).FirstOrDefault(m => m is not null);
        return $"{what} '{word}'" + (nearest is null ? "" : $"; did you mean {nearest}?") + $" (see {help})";
    }

    /// <summary>A suggestion as typed: a command's name, or an option with its dashes.</summary>
    private static string? Spelling(CommandLineApplication command, string match)
    {
        if (command.Commands.Any(c => c.Name == match)) return match;
        var options = command.GetOptions().Where(o => o.ShowInHelpText).ToList();
        if (options.Any(o => o.LongName == match)) return "--" + match;
        if (options.Any(o => o.ShortName == match || o.SymbolName == match)) return "-" + match;
        return null;
    }

    private static Exception? Unwrap(Exception e) => e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e;

    private static int Fail(ConsoleOutput console, string message, int code)
    {
        console.Error(message);
        return code;
    }
}
