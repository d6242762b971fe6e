using McMaster.Extensions.CommandLineUtils;
using SchemaTool.Project;

namespace SchemaTool.Cli.Commands;

public static class InitCommand
{
    public static void Register(CommandLineApplication app, ConsoleOutput console) =>
        app.Command("init", cmd =>
        {
            cmd.Description = "make schematool.yaml, schema/ with an example and migrations/ (never overwrites)";
            var dialect = cmd.Option("--dialect <D>", "sqlite (default), postgres or mysql", CommandOptionType.SingleValue);
            var database = cmd.Option("--database <URL>", "the database URL to write into schematool.yaml", CommandOptionType.SingleValue);
            var project = cmd.Option("--project <DIR>", "the project folder (default: the current folder)", CommandOptionType.SingleValue);
            cmd.Option("--verbose", "show details", CommandOptionType.NoValue);
            cmd.Option("--no-color", "no colour", CommandOptionType.NoValue);
            cmd.HelpOption("-h|--help");
            cmd.OnExecute(() =>
            {
                var dir = Path.GetFullPath(project.Value() ?? Directory.GetCurrentDirectory());
                var result = ProjectInitializer.Init(dir, dialect.Value(), database.Value());
                foreach (var path in result.Written)
                    console.Line("created " + Path.GetRelativePath(Directory.GetCurrentDirectory(), path));
                if (result.PasswordVariable is { } variable)
                    console.Line($"the password is not in {ProjectConfig.FileName}: it says ${{{variable}}}, read from the environment when " +
                                 $"schematool connects. Set it where schematool runs, as the password was written in the URL: " +
                                 $"export {variable}=... (or your CI's secrets)");
                console.Line("next: edit schema/*.yaml, then `schematool plan -m \"initial migration\"` and `schematool apply`");
                return 0;
            });
        });
}
